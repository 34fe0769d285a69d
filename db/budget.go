package db

import (
	"context"
	"fmt"
	"strings"

	"github.com/lib/pq"
	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

// BudgetService implements jxc.BudgetService: budget lines with their
// consumption, operating costs, and alerts.
type BudgetService struct{ db *DB }

// NewBudgetService returns budgets on db.
func NewBudgetService(db *DB) *BudgetService { return &BudgetService{db: db} }

var _ jxc.BudgetService = (*BudgetService)(nil)

const budgetLineCols = `b.id, b.year, b.month, b.cost_centre, b.account_code, b.category_id, b.amount, b.owner_id, b.policy, b.description,
	b.alerted_80, b.alerted_100, b.created_at, (SELECT c.code FROM categories c WHERE c.id = b.category_id) AS category_code`

// budgetConsumption is budget lines with their actual and committed sums
// from the budget ledger; the caller adds the WHERE on b.
const budgetConsumption = `SELECT ` + budgetLineCols + `,
	coalesce(sum(e.amount) FILTER (WHERE e.kind = 'ACTUAL'), 0) AS actual,
	coalesce(sum(e.amount) FILTER (WHERE e.kind = 'COMMITMENT'), 0) AS committed
	FROM budget_lines b LEFT JOIN budget_entries e ON e.year = b.year AND e.month = b.month AND e.cost_centre = b.cost_centre
	  AND e.account_code = b.account_code AND (b.category_id IS NULL OR e.category_id = b.category_id)`

// writeBudgetEntries adds charges to the budget ledger.
func writeBudgetEntries(ctx context.Context, tx *Tx, charges []jxc.BudgetCharge, kind string, src jxc.SourceType, srcID int64) error {
	for _, c := range charges {
		if c.Amount.IsZero() {
			continue
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO budget_entries (year, month, cost_centre, account_code, category_id, kind, amount, source_type, source_id, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`, c.Year, c.Month, c.CostCentre, c.AccountCode, c.CategoryID, kind, c.Amount,
			src, srcID, tx.Now); err != nil {
			return err
		}
	}
	return nil
}

// chargeBudget is the budget check of a document that consumes budget
// (approving an order, posting an operating cost): it locks the budget lines
// the charges fall under (by id), refuses when a BLOCK line would be passed,
// records the charges as kind, and alerts owners of lines crossing 80 % and
// 100 % for the first time. It returns the WARN lines' warnings.
func chargeBudget(ctx context.Context, tx *Tx, charges []jxc.BudgetCharge, kind, field string, src jxc.SourceType, srcID int64) ([]string, error) {
	if len(charges) == 0 {
		return nil, nil
	}
	n := len(charges)
	ys, ms, ccs, accts := make([]int64, n), make([]int64, n), make([]string, n), make([]string, n)
	for i, c := range charges {
		ys[i], ms[i], ccs[i], accts[i] = int64(c.Year), int64(c.Month), c.CostCentre, c.AccountCode
	}
	var ids []int64
	if err := tx.SelectContext(ctx, &ids, `SELECT b.id FROM budget_lines b
		JOIN (SELECT DISTINCT * FROM unnest($1::int[], $2::int[], $3::text[], $4::text[])) AS k(y, m, cc, acct)
		  ON b.year = k.y AND b.month = k.m AND b.cost_centre = k.cc AND b.account_code = k.acct
		ORDER BY b.id FOR UPDATE OF b`, pq.Array(ys), pq.Array(ms), pq.Array(ccs), pq.Array(accts)); err != nil {
		return nil, err
	}
	var lines []*jxc.BudgetLine
	if len(ids) > 0 {
		if err := tx.SelectContext(ctx, &lines, budgetConsumption+` WHERE b.id = ANY($1) GROUP BY b.id ORDER BY b.id`, pq.Array(ids)); err != nil {
			return nil, err
		}
	}
	v := jxc.CheckBudget(lines, charges, field)
	if err := v.Blocked.Err(); err != nil {
		return nil, err
	}
	if err := writeBudgetEntries(ctx, tx, charges, kind, src, srcID); err != nil {
		return nil, err
	}
	for _, t := range v.Thresholds {
		col := "alerted_80"
		if t.Kind == jxc.AlertBudget100 {
			col = "alerted_100"
		}
		if _, err := tx.ExecContext(ctx, `UPDATE budget_lines SET `+col+` = true WHERE id = $1`, t.Line.ID); err != nil {
			return nil, err
		}
		if _, err := RaiseAlert(ctx, tx, t.Kind, fmt.Sprintf("budgetLine:%d", t.Line.ID),
			jxc.T("budget {budget} is {percent} percent consumed ({consumed} of {total})", jxc.P{"budget": t.Line.Label(), "percent": t.Percent,
				"consumed": t.Line.Consumed().Add(chargedTo(t.Line, charges)), "total": t.Line.Amount}),
			t.Line.OwnerID, map[string]any{"budgetLineId": t.Line.ID, "percent": t.Percent.StringFixed(2),
				"sourceType": string(src), "sourceId": srcID}); err != nil {
			return nil, err
		}
	}
	return v.Warnings, nil
}

func chargedTo(b *jxc.BudgetLine, charges []jxc.BudgetCharge) decimal.Decimal {
	t := decimal.Zero
	for _, c := range charges {
		if c.Matches(b) {
			t = t.Add(c.Amount)
		}
	}
	return t
}

// CreateBudgetLine implements jxc.BudgetService.
func (s *BudgetService) CreateBudgetLine(ctx context.Context, in jxc.BudgetLineInput) (*jxc.BudgetLine, error) {
	if err := jxc.ValidateBudgetLineInput(in); err != nil {
		return nil, err
	}
	var out *jxc.BudgetLine
	_, err := s.db.Write(ctx, jxc.Op{Name: "createBudgetLine"}, func(tx *Tx) error {
		var es jxc.Errors
		if err := checkBudgetRefs(ctx, tx, &es, &in.AccountCode, in.CategoryID, in.OwnerID); err != nil {
			return err
		}
		if err := es.Err(); err != nil {
			return err
		}
		var id int64
		if err := tx.GetContext(ctx, &id, `INSERT INTO budget_lines (year, month, cost_centre, account_code, category_id, amount, owner_id, policy, description, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, coalesce($9, ''), $10) RETURNING id`,
			in.Year, in.Month, strings.TrimSpace(in.CostCentre), in.AccountCode, in.CategoryID, in.Amount, in.OwnerID, in.Policy,
			in.Description, tx.Now); err != nil {
			return domainError(err, "input.costCentre")
		}
		tx.Produced(jxc.RecordBudgetLine, id, "", jxc.AuditCreate)
		var err error
		out, err = findBudgetLine(ctx, tx, id)
		return err
	})
	return out, err
}

func checkBudgetRefs(ctx context.Context, q Queryer, es *jxc.Errors, account *string, categoryID, ownerID *int64) error {
	if account != nil {
		var a []*jxc.Account
		if err := q.SelectContext(ctx, &a, `SELECT `+accountCols+` FROM accounts WHERE code = $1`, *account); err != nil {
			return err
		}
		switch {
		case len(a) == 0:
			es.Add(jxc.ENOTFOUND, "input.accountCode", "account {account} does not exist", jxc.P{"account": *account})
		case a[0].Header:
			es.Add(jxc.EINVALID, "input.accountCode", "account {account} groups other accounts; budget one of its sub-accounts", jxc.P{"account": *account})
		}
	}
	if categoryID != nil {
		var n int
		if err := q.GetContext(ctx, &n, `SELECT count(*) FROM categories WHERE id = $1`, *categoryID); err != nil {
			return err
		}
		if n == 0 {
			es.Add(jxc.ENOTFOUND, "input.categoryId", "no such category")
		}
	}
	if ownerID != nil {
		var n int
		if err := q.GetContext(ctx, &n, `SELECT count(*) FROM users WHERE id = $1`, *ownerID); err != nil {
			return err
		}
		if n == 0 {
			es.Add(jxc.ENOTFOUND, "input.ownerId", "no such user")
		}
	}
	return nil
}

// UpdateBudgetLine implements jxc.BudgetService. A new amount re-arms the
// 80 % and 100 % alerts for thresholds consumption is now under.
func (s *BudgetService) UpdateBudgetLine(ctx context.Context, in jxc.BudgetLineUpdate) (*jxc.BudgetLine, error) {
	if err := jxc.ValidateBudgetLineUpdate(in); err != nil {
		return nil, err
	}
	var out *jxc.BudgetLine
	_, err := s.db.Write(ctx, jxc.Op{Name: "updateBudgetLine"}, func(tx *Tx) error {
		var es jxc.Errors
		if err := checkBudgetRefs(ctx, tx, &es, nil, nil, in.OwnerID); err != nil {
			return err
		}
		if err := es.Err(); err != nil {
			return err
		}
		cur, err := findBudgetLine(ctx, tx, in.ID)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `SELECT 1 FROM budget_lines WHERE id = $1 FOR UPDATE`, in.ID); err != nil {
			return err
		}
		if err := tx.Before(ctx, jxc.RecordBudgetLine, in.ID); err != nil {
			return err
		}
		tx.Produced(jxc.RecordBudgetLine, in.ID, "", jxc.AuditUpdate)
		a80, a100 := cur.Alerted80, cur.Alerted100
		if in.Amount != nil {
			pct := decimal.Zero
			if in.Amount.Sign() > 0 {
				pct = jxc.DivRound(cur.Consumed().Mul(decimal.NewFromInt(100)), *in.Amount, 2)
			}
			a80 = a80 && pct.GreaterThanOrEqual(decimal.NewFromInt(80))
			a100 = a100 && pct.GreaterThanOrEqual(decimal.NewFromInt(100))
		}
		var policy *string
		if in.Policy != nil {
			p := string(*in.Policy)
			policy = &p
		}
		if _, err := tx.ExecContext(ctx, `UPDATE budget_lines SET amount = coalesce($2, amount), owner_id = coalesce($3, owner_id),
			policy = coalesce($4, policy), description = coalesce($5, description), alerted_80 = $6, alerted_100 = $7 WHERE id = $1`,
			in.ID, in.Amount, in.OwnerID, policy, in.Description, a80, a100); err != nil {
			return err
		}
		out, err = findBudgetLine(ctx, tx, in.ID)
		return err
	})
	return out, err
}

func findBudgetLine(ctx context.Context, q Queryer, id int64) (*jxc.BudgetLine, error) {
	var ls []*jxc.BudgetLine
	if err := q.SelectContext(ctx, &ls, budgetConsumption+` WHERE b.id = $1 GROUP BY b.id`, id); err != nil {
		return nil, err
	}
	if len(ls) == 0 {
		return nil, jxc.FieldErrorf(jxc.ENOTFOUND, "id", "no such budget line")
	}
	return ls[0], fillBudgetLines(ctx, q, ls)
}

func fillBudgetLines(ctx context.Context, q Queryer, ls []*jxc.BudgetLine) error {
	var uids, cids []int64
	for _, l := range ls {
		if l.OwnerID != nil {
			uids = append(uids, *l.OwnerID)
		}
		if l.CategoryID != nil {
			cids = append(cids, *l.CategoryID)
		}
	}
	users := map[int64]*jxc.User{}
	if len(uids) > 0 {
		var us []*jxc.User
		if err := q.SelectContext(ctx, &us, `SELECT id, username, display_name, active, created_at FROM users WHERE id = ANY($1)`, pq.Array(uids)); err != nil {
			return err
		}
		for _, u := range us {
			users[u.ID] = u
		}
	}
	cats := map[int64]*jxc.Category{}
	if len(cids) > 0 {
		var cs []*jxc.Category
		if err := q.SelectContext(ctx, &cs, `SELECT `+categoryCols+` FROM categories WHERE id = ANY($1)`, pq.Array(cids)); err != nil {
			return err
		}
		for _, c := range cs {
			cats[c.ID] = c
		}
	}
	for _, l := range ls {
		if l.OwnerID != nil {
			l.Owner = users[*l.OwnerID]
		}
		if l.CategoryID != nil {
			l.Category = cats[*l.CategoryID]
		}
	}
	return nil
}

// FindBudgetLines implements jxc.BudgetService.
func (s *BudgetService) FindBudgetLines(ctx context.Context, f jxc.BudgetFilter, o *jxc.BudgetLineOrder, p jxc.PageArgs) (*jxc.Page[*jxc.BudgetLine], error) {
	var w where
	if f.Year != nil {
		w.add(`b.year = %s`, *f.Year)
	}
	if f.Month != nil {
		w.add(`b.month = %s`, *f.Month)
	}
	if f.CostCentre != nil {
		w.add(`b.cost_centre = %s`, *f.CostCentre)
	}
	if f.OwnerID != nil {
		w.add(`b.owner_id = %s`, *f.OwnerID)
	}
	limit, offset, err := p.Window()
	if err != nil {
		return nil, err
	}
	out := &jxc.Page[*jxc.BudgetLine]{Offset: offset, Items: []*jxc.BudgetLine{}}
	if err := s.db.GetContext(ctx, &out.TotalCount, `SELECT count(*) FROM budget_lines b`+w.sql(), w.args...); err != nil {
		return nil, err
	}
	args := append(append([]any{}, w.args...), limit, offset)
	if err := s.db.SelectContext(ctx, &out.Items, budgetConsumption+w.sql()+fmt.Sprintf(` GROUP BY b.id
		ORDER BY %s LIMIT $%d OFFSET $%d`, orderBy(o, budgetLineOrders, "b.id", "b.year, b.month, b.cost_centre, b.account_code, b.id"), len(args)-1, len(args)), args...); err != nil {
		return nil, err
	}
	return out, fillBudgetLines(ctx, s.db, out.Items)
}

// FindBudgetLineByID implements jxc.BudgetService.
func (s *BudgetService) FindBudgetLineByID(ctx context.Context, id int64) (*jxc.BudgetLine, error) {
	return findBudgetLine(ctx, s.db, id)
}

// BudgetRollup implements jxc.BudgetService: budget and consumption
// summed by department (cost centre) or by period, over a year or a month.
func (s *BudgetService) BudgetRollup(ctx context.Context, year int, month *int, by jxc.BudgetRollupBy) ([]*jxc.BudgetRollupRow, error) {
	key := `b.cost_centre`
	if by == jxc.RollupByPeriod {
		key = `format('%s-%s', b.year, lpad(b.month::text, 2, '0'))`
	} else if by != jxc.RollupByDepartment {
		return nil, jxc.FieldErrorf(jxc.EINVALID, "by", "roll up by DEPARTMENT or PERIOD")
	}
	args := []any{year}
	cond := `b.year = $1`
	if month != nil {
		cond += ` AND b.month = $2`
		args = append(args, *month)
	}
	var rows []*jxc.BudgetRollupRow
	err := s.db.SelectContext(ctx, &rows, `SELECT key AS "key", count(*) AS lines, sum(amount) AS amount, sum(actual) AS actual, sum(committed) AS committed
		FROM (`+strings.Replace(budgetConsumption, `SELECT `, `SELECT `+key+` AS key, `, 1)+` WHERE `+cond+` GROUP BY b.id) x
		GROUP BY key ORDER BY key`, args...)
	return rows, err
}

// --- operating costs -----------------------------------------------------------

const operatingCostCols = `id, number, category, posting_date, cost_centre, account_code, amount, pay_from, supplier_id, supplier_invoice_id,
	description, budget_warnings, journal_entry_id, created_at, status, cancelled_on, cancellation_reason, cancellation_entry_id`

type operatingCostRow struct {
	jxc.OperatingCost
	Warnings pq.StringArray `db:"budget_warnings"`
}

func findOperatingCost(ctx context.Context, q Queryer, id int64) (*jxc.OperatingCost, error) {
	r := &operatingCostRow{}
	if err := q.GetContext(ctx, r, `SELECT `+operatingCostCols+` FROM operating_costs WHERE id = $1`, id); err != nil {
		return nil, err
	}
	c := r.OperatingCost
	c.BudgetWarnings = nonNil([]string(r.Warnings))
	return &c, nil
}

// PostOperatingCost implements jxc.BudgetService: the budget check, then
// Dr expense (cost centre) / Cr bank, or Cr trade payables with an open
// supplier invoice so that AP stays equal to open invoices.
func (s *BudgetService) PostOperatingCost(ctx context.Context, in jxc.OperatingCostInput) (*jxc.OperatingCost, error) {
	if err := jxc.ValidateOperatingCostInput(in); err != nil {
		return nil, err
	}
	return writeAndRead(ctx, s.db, jxc.Op{Name: "postOperatingCost", Key: in.IdempotencyKey, Input: in}, findOperatingCost, func(tx *Tx) (int64, error) {
		in.PostingDate = dateOrToday(&in.PostingDate, tx)
		var es jxc.Errors
		var a []*jxc.Account
		if err := tx.SelectContext(ctx, &a, `SELECT `+accountCols+` FROM accounts WHERE code = $1`, in.AccountCode); err != nil {
			return 0, err
		}
		switch {
		case len(a) == 0:
			es.Add(jxc.ENOTFOUND, "input.accountCode", "account {account} does not exist", jxc.P{"account": in.AccountCode})
		case a[0].Type != jxc.AccountExpense:
			es.Add(jxc.EINVALID, "input.accountCode", "account {account} is not an expense account", jxc.P{"account": a[0].Label()})
		case a[0].Header || !a[0].Active:
			es.Add(jxc.EINVALID, "input.accountCode", "account {account} takes no postings (a header or inactive)", jxc.P{"account": a[0].Label()})
		}
		var sup *jxc.Supplier
		if in.SupplierID != nil {
			var err error
			if sup, err = findSupplier(ctx, tx, *in.SupplierID); err != nil {
				if jxc.ErrorCode(err) != jxc.ENOTFOUND {
					return 0, err
				}
				es.Add(jxc.ENOTFOUND, "input.supplierId", "no such supplier")
			}
		}
		if err := es.Err(); err != nil {
			return 0, err
		}
		id, number, err := newNumber(ctx, tx, "operating_costs", "OC")
		if err != nil {
			return 0, err
		}
		invoice, err := reservePayableInvoice(ctx, tx, in.PayFrom)
		if err != nil {
			return 0, err
		}
		cc := strings.TrimSpace(in.CostCentre)
		warnings, err := chargeBudget(ctx, tx, []jxc.BudgetCharge{{Year: in.PostingDate.Year, Month: int(in.PostingDate.Month),
			CostCentre: cc, AccountCode: in.AccountCode, Amount: in.Amount}}, "ACTUAL", "input.amount", jxc.SourceOperatingCost, id)
		if err != nil {
			return 0, err
		}
		ev := &jxc.OperatingCostPosting{Date: in.PostingDate, Description: jxc.T("{number} {category}: {text}", jxc.P{"number": number, "category": in.Category.Label(), "text": in.Description}),
			ExpenseAccount: in.AccountCode, CostCentre: cc, Amount: in.Amount, CreditAccount: jxc.AccountBank}
		if in.PayFrom == jxc.PayFromPayable {
			ev.CreditAccount, ev.Partner = jxc.AccountPayable, sup.Code
		}
		p, err := post(ctx, tx, ev, &id)
		if err != nil {
			return 0, err
		}
		invID, err := payableInvoiceFor(ctx, tx, invoice, sup, jxc.InvoiceOperatingCost, in.SupplierInvoiceNo, in.PostingDate, in.Amount, p.EntryID)
		if err != nil {
			return 0, err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO operating_costs (id, number, category, posting_date, cost_centre, account_code, amount, pay_from,
			supplier_id, supplier_invoice_id, description, budget_warnings, journal_entry_id, created_by, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
			id, number, in.Category, in.PostingDate, cc, in.AccountCode, in.Amount, in.PayFrom, in.SupplierID, invID,
			strings.TrimSpace(in.Description), pq.Array(nonNil(warnings)), p.EntryID, userID(ctx), tx.Now); err != nil {
			return 0, err
		}
		tx.Produced(jxc.RecordOperatingCost, id, number, jxc.AuditPost)
		return id, nil
	})
}

// CancelOperatingCost implements jxc.BudgetService: under the cost's row
// lock, the mirror entry of its entry (source the cost, reversing it), an
// ACTUAL budget entry taking its amount back from the month it was charged
// to, and the cost marked cancelled, in one transaction.
func (s *BudgetService) CancelOperatingCost(ctx context.Context, in jxc.CancelOperatingCostInput) (*jxc.OperatingCost, error) {
	return writeAndRead(ctx, s.db, jxc.Op{Name: "cancelOperatingCost", Key: in.IdempotencyKey, Input: in}, findOperatingCost, func(tx *Tx) (int64, error) {
		var n int
		if err := tx.GetContext(ctx, &n, `SELECT count(*) FROM (SELECT id FROM operating_costs WHERE id = $1 FOR UPDATE) c`, in.ID); err != nil {
			return 0, err
		}
		if n == 0 {
			return 0, notFound("input.id", "operating cost", in.ID)
		}
		c, err := findOperatingCost(ctx, tx, in.ID)
		if err != nil {
			return 0, err
		}
		date := dateOrToday(in.PostingDate, tx)
		if err := jxc.CheckCancelOperatingCost(c, in, date); err != nil {
			return 0, err
		}
		ev := &jxc.OperatingCostPosting{Date: date, Description: jxc.T("Cancellation of {number}: {reason}", jxc.P{"number": c.Number, "reason": strings.TrimSpace(in.Reason)}),
			ExpenseAccount: c.AccountCode, CostCentre: c.CostCentre, Amount: c.Amount, CreditAccount: jxc.AccountBank, Cancels: c.JournalEntryID}
		p, err := post(ctx, tx, ev, &c.ID)
		if err != nil {
			return 0, err
		}
		if err := writeBudgetEntries(ctx, tx, []jxc.BudgetCharge{{Year: c.PostingDate.Year, Month: int(c.PostingDate.Month),
			CostCentre: c.CostCentre, AccountCode: c.AccountCode, Amount: c.Amount.Neg()}}, "ACTUAL", jxc.SourceOperatingCost, c.ID); err != nil {
			return 0, err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE operating_costs SET status = 'CANCELLED', cancelled_on = $2, cancellation_reason = $3,
			cancellation_entry_id = $4 WHERE id = $1`, c.ID, date, strings.TrimSpace(in.Reason), p.EntryID); err != nil {
			return 0, err
		}
		tx.Produced(jxc.RecordOperatingCost, c.ID, c.Number, jxc.AuditCancel)
		tx.Audit(jxc.RecordJournalEntry, *p.EntryID, fmt.Sprint(*p.EntryID), jxc.AuditPost)
		return c.ID, nil
	})
}

// FindOperatingCosts implements jxc.BudgetService.
func (s *BudgetService) FindOperatingCosts(ctx context.Context, year, month *int, o *jxc.OperatingCostOrder, p jxc.PageArgs) (*jxc.Page[*jxc.OperatingCost], error) {
	var w where
	if year != nil {
		w.add(`extract(year FROM posting_date) = %s`, *year)
	}
	if month != nil {
		w.add(`extract(month FROM posting_date) = %s`, *month)
	}
	pg, err := page[*operatingCostRow](ctx, s.db, p, operatingCostCols, "operating_costs", &w, orderBy(o, operatingCostOrders, "id", "posting_date DESC, id DESC"))
	if err != nil {
		return nil, err
	}
	out := &jxc.Page[*jxc.OperatingCost]{Offset: pg.Offset, TotalCount: pg.TotalCount, Items: make([]*jxc.OperatingCost, len(pg.Items))}
	for i, r := range pg.Items {
		c := r.OperatingCost
		c.BudgetWarnings = nonNil([]string(r.Warnings))
		out.Items[i] = &c
	}
	return out, nil
}
