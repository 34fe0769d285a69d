package db

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/lib/pq"

	"github.com/jxcgraph/jxc"
)

// LedgerService implements jxc.LedgerService.
type LedgerService struct{ db *DB }

// NewLedgerService returns the general ledger on db.
func NewLedgerService(db *DB) *LedgerService { return &LedgerService{db: db} }

var _ jxc.LedgerService = (*LedgerService)(nil)

const accountCols = `code, name, name_en, type, parent_code, header, manual_posting, active, direction, dimensions`

// CreateAccount implements jxc.LedgerService.
func (s *LedgerService) CreateAccount(ctx context.Context, in jxc.AccountInput) (*jxc.Account, error) {
	var es jxc.Errors
	if err := jxc.ValidateAccountInput(in); err != nil {
		es, _ = jxc.AsErrors(err)
	}
	var a *jxc.Account
	_, err := s.db.Write(ctx, jxc.Op{Name: "createAccount"}, func(tx *Tx) error {
		es := es
		direction, dims := jxc.DirectionOf(in.Type), jxc.DimensionSet(in.Dimensions).Normalized()
		if in.ParentCode != nil && slices.Contains(jxc.PostingAccounts, *in.ParentCode) {
			// The posting rules post to it by code: as a group it would take no postings.
			es.Add(jxc.ECONFLICT, "input.parentCode", "account {parent} is posted to by the posting rules and cannot take sub-accounts", jxc.P{"parent": *in.ParentCode})
		} else if in.ParentCode != nil {
			parent := &jxc.Account{}
			err := tx.GetContext(ctx, parent, `SELECT `+accountCols+` FROM accounts WHERE code = $1 FOR UPDATE`, *in.ParentCode)
			switch {
			case errors.Is(err, sql.ErrNoRows):
				es.Add(jxc.ENOTFOUND, "input.parentCode", "account {account} does not exist", jxc.P{"account": *in.ParentCode})
			case err != nil:
				return err
			default:
				if !strings.HasPrefix(in.Code, parent.Code+".") {
					es.Add(jxc.EINVALID, "input.code", "a sub-account's code starts with its parent's code and a dot, such as {example}", jxc.P{"example": parent.Code + ".01"})
				}
				if parent.Type != in.Type {
					es.Add(jxc.EINVALID, "input.type", "a sub-account has its parent's type {type}", jxc.P{"type": string(parent.Type)})
				}
				// A sub-account stands on its parent's side and names what it names.
				direction = parent.Direction
				if in.Dimensions == nil {
					dims = parent.Dimensions
				}
				if !parent.Header {
					// A posted-to account cannot become a group: its
					// balance would belong to no sub-account.
					var n int
					if err := tx.GetContext(ctx, &n, `SELECT count(*) FROM account_daily WHERE account_code = $1`, parent.Code); err != nil {
						return err
					}
					if n > 0 {
						es.Add(jxc.ECONFLICT, "input.parentCode", "account {account} already has postings and cannot take sub-accounts", jxc.P{"account": parent.Label()})
					} else if _, err := tx.ExecContext(ctx, `UPDATE accounts SET header = true WHERE code = $1`, parent.Code); err != nil {
						return err
					}
				}
			}
		}
		if err := es.Err(); err != nil {
			return err
		}
		manual := true
		if in.ManualPosting != nil {
			manual = *in.ManualPosting
		}
		if in.Direction != nil {
			direction = *in.Direction
		}
		a = &jxc.Account{}
		err := tx.GetContext(ctx, a, `INSERT INTO accounts (code, name, name_en, type, parent_code, manual_posting, direction, dimensions)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING `+accountCols,
			in.Code, strings.TrimSpace(in.Name), jxc.Deref(in.NameEn), in.Type, in.ParentCode, manual, direction, jxc.DimensionSet(dims))
		tx.Audit(jxc.RecordAccount, in.Code, in.Code, jxc.AuditCreate)
		return domainError(err, "input.code")
	})
	if err != nil {
		return nil, err
	}
	return a, nil
}

// UpdateAccount implements jxc.LedgerService.
func (s *LedgerService) UpdateAccount(ctx context.Context, in jxc.AccountUpdate) (*jxc.Account, error) {
	var es jxc.Errors
	if in.Name != nil && (strings.TrimSpace(*in.Name) == "" || len([]rune(*in.Name)) > 100) {
		es.Add(jxc.EINVALID, "input.name", "name must be 1 to 100 characters")
	}
	if in.NameEn != nil && len([]rune(*in.NameEn)) > 100 {
		es.Add(jxc.EINVALID, "input.nameEn", "English name may have at most 100 characters")
	}
	if in.Direction != nil && !in.Direction.Valid() {
		es.Add(jxc.EINVALID, "input.direction", "direction must be DEBIT or CREDIT")
	}
	jxc.ValidateDimensions(&es, "input.dimensions", in.Dimensions)
	if err := es.Err(); err != nil {
		return nil, err
	}
	a := &jxc.Account{}
	_, err := s.db.Write(ctx, jxc.Op{Name: "updateAccount"}, func(tx *Tx) error {
		if err := tx.Before(ctx, jxc.RecordAccount, in.Code); err != nil {
			return err
		}
		if in.Active != nil && !*in.Active {
			if err := checkAccountDeactivation(ctx, tx, in.Code); err != nil {
				return err
			}
		}
		var dims any
		if in.Dimensions != nil {
			set := jxc.DimensionSet(in.Dimensions).Normalized()
			if err := checkDimensionsKept(ctx, tx, in.Code, set); err != nil {
				return err
			}
			dims = set
		}
		err := tx.GetContext(ctx, a, `UPDATE accounts SET name = coalesce($2, name), name_en = coalesce($3, name_en), active = coalesce($4, active),
			direction = coalesce($5, direction), dimensions = coalesce($6::text[], dimensions)
			WHERE code = $1 RETURNING `+accountCols, in.Code, trimmed(in.Name), in.NameEn, in.Active, in.Direction, dims)
		if errors.Is(err, sql.ErrNoRows) {
			return jxc.FieldErrorf(jxc.ENOTFOUND, "input.code", "account {account} does not exist", jxc.P{"account": in.Code})
		}
		tx.Audit(jxc.RecordAccount, in.Code, in.Code, jxc.AuditUpdate)
		return err
	})
	if err != nil {
		return nil, err
	}
	return a, nil
}

// accountsAsOf returns every account with its totals up to asOf (all time
// when zero), from the per-day table: the cost does not grow with lines.
func accountsAsOf(ctx context.Context, q Queryer, from, asOf jxc.Date) ([]*jxc.Account, error) {
	var fromArg, toArg any
	if !from.IsZero() {
		fromArg = from
	}
	if !asOf.IsZero() {
		toArg = asOf
	}
	var out []*jxc.Account
	err := q.SelectContext(ctx, &out, `SELECT a.code, a.name, a.name_en, a.type, a.parent_code, a.header, a.manual_posting, a.active, a.direction, a.dimensions,
		coalesce(d.debit, 0) AS debit, coalesce(d.credit, 0) AS credit
		FROM accounts a LEFT JOIN (
			SELECT account_code, sum(debit) AS debit, sum(credit) AS credit FROM account_daily
			WHERE ($1::date IS NULL OR day >= $1) AND ($2::date IS NULL OR day <= $2) GROUP BY account_code
		) d ON d.account_code = a.code
		ORDER BY a.code`, fromArg, toArg)
	return out, err
}

// FindAccounts implements jxc.LedgerService. Header accounts show the sum
// of their sub-accounts.
func (s *LedgerService) FindAccounts(ctx context.Context, f jxc.AccountFilter, asOf jxc.Date) ([]*jxc.Account, error) {
	all, err := accountsAsOf(ctx, s.db, jxc.Date{}, asOf)
	if err != nil {
		return nil, err
	}
	byCode := map[string]*jxc.Account{}
	for _, a := range all {
		byCode[a.Code] = a
	}
	for _, a := range all {
		if a.Header {
			continue
		}
		for p := a.ParentCode; p != nil; {
			parent := byCode[*p]
			if parent == nil {
				break
			}
			parent.Debit, parent.Credit = parent.Debit.Add(a.Debit), parent.Credit.Add(a.Credit)
			p = parent.ParentCode
		}
	}
	out := []*jxc.Account{}
	for _, a := range all {
		if (f.Type == nil || a.Type == *f.Type) && (f.Active == nil || a.Active == *f.Active) {
			out = append(out, a)
		}
	}
	return out, nil
}

const periodCols = `year, month, status, closed_at, reopened_at, reopen_reason`

// PostManualEntry implements jxc.LedgerService.
func (s *LedgerService) PostManualEntry(ctx context.Context, e jxc.ManualEntry) (*jxc.JournalEntry, error) {
	var out *jxc.JournalEntry
	_, err := s.db.Write(ctx, jxc.Op{Name: "postJournalEntry"}, func(tx *Tx) error {
		if e.Date.IsZero() {
			e.Date = jxc.Today(tx.Now)
		}
		p, err := post(ctx, tx, &e, nil)
		if err != nil {
			return err
		}
		tx.Produced(jxc.RecordJournalEntry, *p.EntryID, p.VoucherNo, jxc.AuditPost)
		out, err = findEntry(ctx, tx, *p.EntryID)
		return err
	})
	return out, err
}

// ReverseJournalEntry implements jxc.LedgerService.
func (s *LedgerService) ReverseJournalEntry(ctx context.Context, id int64, date jxc.Date, description string) (*jxc.JournalEntry, error) {
	var out *jxc.JournalEntry
	_, err := s.db.Write(ctx, jxc.Op{Name: "reverseJournalEntry"}, func(tx *Tx) error {
		if date.IsZero() {
			date = jxc.Today(tx.Now)
		}
		// Serialises two reversals of the same entry (the unique
		// reverses_id would refuse the second anyway).
		var n int
		if err := tx.GetContext(ctx, &n, `SELECT count(*) FROM (SELECT id FROM journal_entries WHERE id = $1 FOR UPDATE) e`, id); err != nil {
			return err
		}
		if n == 0 {
			return jxc.FieldErrorf(jxc.ENOTFOUND, "input.id", "no such journal entry")
		}
		orig, err := findEntry(ctx, tx, id)
		if err != nil {
			return err
		}
		doc, err := documentNumber(ctx, tx, orig)
		if err != nil {
			return err
		}
		p, err := post(ctx, tx, &jxc.Reversal{Date: date, Description: description, Original: orig, Document: doc}, &id)
		if err != nil {
			return err
		}
		tx.Produced(jxc.RecordJournalEntry, *p.EntryID, p.VoucherNo, jxc.AuditPost)
		tx.Audit(jxc.RecordJournalEntry, id, orig.VoucherNo, jxc.AuditReverse)
		out, err = findEntry(ctx, tx, *p.EntryID)
		return err
	})
	return out, err
}

// documentTables are the tables of the documents that post entries, by
// source type, each with a number column.
var documentTables = map[jxc.SourceType]string{
	jxc.SourceOperatingCost: "operating_costs", jxc.SourceSalesInvoice: "sales_invoices", jxc.SourceShipment: "shipments",
	jxc.SourceSalesReturn: "sales_returns", jxc.SourceCustomerPayment: "customer_payments", jxc.SourceCreditApplied: "customer_payments",
	jxc.SourceCustomerRefund: "customer_refunds", jxc.SourcePurchaseReceipt: "goods_receipts", jxc.SourceSupplierInvoice: "supplier_invoices",
	jxc.SourceSupplierPayment: "supplier_payments", jxc.SourceLandedCost: "landed_costs",
	jxc.SourceOpeningStock: "stock_documents", jxc.SourceStockAdjustment: "stock_documents",
	jxc.SourceStockTransfer:  "stock_transfers",
	jxc.SourceStockCount:     "stock_counts",
	jxc.SourceSupplierReturn: "supplier_returns",
}

// documentNumber is the number of the document that posted e, "" for a
// manual entry or a reversal.
func documentNumber(ctx context.Context, q Queryer, e *jxc.JournalEntry) (string, error) {
	table, ok := documentTables[e.SourceType]
	if !ok || e.SourceID == nil {
		return "", nil
	}
	var n string
	err := q.GetContext(ctx, &n, `SELECT number FROM `+table+` WHERE id = $1`, *e.SourceID)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return n, err
}

// entryCols: has_stock_moves is a scalar subquery, not EXISTS: with a
// prepared statement's generic plan PostgreSQL turned the EXISTS into a
// hash of every stock move (20 ms a page at 100,000 moves); the scalar
// form always probes the index for the page's 50 entries.
const entryCols = `e.id, e.voucher_no, e.posting_date, e.description, e.description_template, e.description_params, e.source_type, e.source_id, e.reverses_id, e.created_by, e.created_at,
	(SELECT r.id FROM journal_entries r WHERE r.reverses_id = e.id) AS reversed_by_id,
	(SELECT r.voucher_no FROM journal_entries r WHERE r.reverses_id = e.id) AS reversed_by_voucher_no,
	(SELECT o.voucher_no FROM journal_entries o WHERE o.id = e.reverses_id) AS reverses_voucher_no,
	coalesce((SELECT true FROM stock_moves m WHERE m.journal_entry_id = e.id LIMIT 1), false) AS has_stock_moves,
	e.attachments, (SELECT v.reviewed_by FROM voucher_reviews v WHERE v.entry_id = e.id) AS reviewed_by,
	(SELECT v.reviewed_at FROM voucher_reviews v WHERE v.entry_id = e.id) AS reviewed_at`

// FindJournalEntryByID implements jxc.LedgerService.
func (s *LedgerService) FindJournalEntryByID(ctx context.Context, id int64) (*jxc.JournalEntry, error) {
	return inSnapshot(ctx, s.db, func(tx *Tx) (*jxc.JournalEntry, error) { return findEntry(ctx, tx, id) })
}

func findEntry(ctx context.Context, q Queryer, id int64) (*jxc.JournalEntry, error) {
	e := &jxc.JournalEntry{}
	err := q.GetContext(ctx, e, `SELECT `+entryCols+` FROM journal_entries e WHERE e.id = $1`, id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, jxc.FieldErrorf(jxc.ENOTFOUND, "input.id", "no such journal entry")
	} else if err != nil {
		return nil, err
	}
	return e, fillEntries(ctx, q, []*jxc.JournalEntry{e})
}

// fillEntries loads the lines and their accounts of a page of entries in
// two queries.
func fillEntries(ctx context.Context, q Queryer, es []*jxc.JournalEntry) error {
	if len(es) == 0 {
		return nil
	}
	lines, err := fillChildren(ctx, q, es, func(e *jxc.JournalEntry) (int64, *[]*jxc.JournalLine) { return e.ID, &e.Lines },
		`SELECT id, entry_id, line_no, account_code, debit, credit, cost_centre, partner, product_id, description, description_template, description_params,
			customer_id, supplier_id, department, warehouse_id, salesperson
		FROM journal_lines WHERE entry_id = ANY($1) ORDER BY entry_id, line_no`,
		func(l *jxc.JournalLine) int64 { return l.EntryID })
	if err != nil {
		return err
	}
	codes := []string{}
	for _, l := range lines {
		codes = append(codes, l.AccountCode)
	}
	var accts []*jxc.Account
	if err := q.SelectContext(ctx, &accts, `SELECT `+accountCols+` FROM accounts WHERE code = ANY($1)`, pq.Array(codes)); err != nil {
		return err
	}
	byCode := map[string]*jxc.Account{}
	for _, a := range accts {
		byCode[a.Code] = a
	}
	var pids []int64
	for _, l := range lines {
		if l.ProductID != nil {
			pids = append(pids, *l.ProductID)
		}
	}
	products, err := productsByID(ctx, q, pids)
	if err != nil {
		return err
	}
	for _, l := range lines {
		l.Account = byCode[l.AccountCode]
		if l.ProductID != nil {
			l.Product = products[*l.ProductID]
		}
	}
	return nil
}

// FindJournalEntries implements jxc.LedgerService.
func (s *LedgerService) FindJournalEntries(ctx context.Context, f jxc.JournalEntryFilter, o *jxc.JournalEntryOrder, p jxc.PageArgs) (*jxc.Page[*jxc.JournalEntry], error) {
	var w where
	if f.AccountCode != nil {
		w.add(`e.id IN (SELECT entry_id FROM journal_lines WHERE account_code = %s)`, *f.AccountCode)
	}
	// The period and the date range narrow one posting-date range.
	from, to := jxc.Date{Year: 1, Month: 1, Day: 1}, jxc.Date{Year: 9999, Month: 12, Day: 31}
	if f.Year != nil || f.Month != nil {
		if f.Year == nil || f.Month == nil {
			return nil, jxc.FieldErrorf(jxc.EINVALID, "filter.month", "a period filter needs both year and month")
		}
		if err := checkPeriod(*f.Year, *f.Month); err != nil {
			return nil, err
		}
		period := jxc.FiscalPeriod{Year: *f.Year, Month: *f.Month}
		from, to = jxc.Date{Year: *f.Year, Month: time.Month(*f.Month), Day: 1}, period.EndDate()
	}
	if f.DateFrom != nil && from.Before(*f.DateFrom) {
		from = *f.DateFrom
	}
	if f.DateTo != nil && f.DateTo.Before(to) {
		to = *f.DateTo
	}
	if f.Year != nil || f.DateFrom != nil || f.DateTo != nil {
		w.add(`e.posting_date BETWEEN %s AND %s`, from, to)
	}
	if f.SourceType != nil {
		w.add(`e.source_type = %s`, string(*f.SourceType))
	}
	if f.Search != nil && strings.TrimSpace(*f.Search) != "" {
		w.add(`(e.voucher_no ILIKE %[1]s OR e.description ILIKE %[1]s)`, likePattern(*f.Search))
	}
	if f.SourceID != nil {
		w.add(`e.source_id = %s`, *f.SourceID)
	}
	if f.Reviewed != nil {
		w.add(`EXISTS (SELECT 1 FROM voucher_reviews v WHERE v.entry_id = e.id) = %s`, *f.Reviewed)
	}
	dir, col := "DESC", "e.posting_date"
	if o != nil {
		dir = o.Direction.SQL()
		if c, ok := journalEntryOrders[string(o.Field)]; ok {
			col = c
		}
	}
	order := col + " " + dir + ", e.id " + dir
	var pg *jxc.Page[*jxc.JournalEntry]
	var err error
	if f.AccountCode != nil && f.SourceType == nil && f.SourceID == nil && f.Reviewed == nil {
		// An account's entries (in a date range) are counted from the
		// per-day totals, whose rows grow with days, not with postings.
		limit, offset, werr := p.Window()
		if werr != nil {
			return nil, werr
		}
		var total int
		if err := s.db.GetContext(ctx, &total, `SELECT coalesce(sum(entries), 0) FROM account_daily WHERE account_code = $1 AND day BETWEEN $2 AND $3`,
			*f.AccountCode, from, to); err != nil {
			return nil, err
		}
		pg, err = pageOf[*jxc.JournalEntry](ctx, s.db, limit, offset, total, entryCols, "journal_entries e", &w, order)
	} else {
		pg, err = page[*jxc.JournalEntry](ctx, s.db, p, entryCols, "journal_entries e", &w, order)
	}
	if err != nil {
		return nil, err
	}
	return pg, fillEntries(ctx, s.db, pg.Items)
}

// TrialBalance implements jxc.LedgerService.
func (s *LedgerService) TrialBalance(ctx context.Context, asOf jxc.Date) (*jxc.TrialBalance, error) {
	all, err := accountsAsOf(ctx, s.db, jxc.Date{}, asOf)
	if err != nil {
		return nil, err
	}
	tb := &jxc.TrialBalance{AsOf: asOf, Rows: []*jxc.TrialBalanceRow{}}
	for _, a := range all {
		if a.Header || (a.Debit.IsZero() && a.Credit.IsZero()) {
			continue
		}
		tb.Rows = append(tb.Rows, &jxc.TrialBalanceRow{Account: a, Debit: a.Debit, Credit: a.Credit})
		tb.TotalDebit, tb.TotalCredit = tb.TotalDebit.Add(a.Debit), tb.TotalCredit.Add(a.Credit)
	}
	return tb, nil
}

// ProfitAndLoss implements jxc.LedgerService.
func (s *LedgerService) ProfitAndLoss(ctx context.Context, from, to jxc.Date) (*jxc.ProfitAndLoss, error) {
	if to.Before(from) {
		return nil, jxc.FieldErrorf(jxc.EINVALID, "to", "the range ends before it starts")
	}
	// One snapshot: the closing vouchers taken out are those in the totals.
	all, err := inSnapshot(ctx, s.db, func(tx *Tx) ([]*jxc.Account, error) {
		all, err := accountsAsOf(ctx, tx, from, to)
		if err != nil {
			return nil, err
		}
		return all, withoutClosing(ctx, tx, all, from, to)
	})
	if err != nil {
		return nil, err
	}
	pl := &jxc.ProfitAndLoss{From: from, To: to, Revenue: []*jxc.StatementLine{}, Expenses: []*jxc.StatementLine{}}
	for _, a := range all {
		if a.Header || (a.Debit.IsZero() && a.Credit.IsZero()) {
			continue
		}
		switch a.Type {
		case jxc.AccountRevenueT:
			pl.Revenue = append(pl.Revenue, &jxc.StatementLine{Account: a, Amount: a.Balance()})
			pl.TotalRevenue = pl.TotalRevenue.Add(a.Balance())
		case jxc.AccountExpense:
			pl.Expenses = append(pl.Expenses, &jxc.StatementLine{Account: a, Amount: a.Balance()})
			pl.TotalExpense = pl.TotalExpense.Add(a.Balance())
		}
	}
	pl.NetIncome = pl.TotalRevenue.Sub(pl.TotalExpense)
	return pl, nil
}

// BalanceSheet implements jxc.LedgerService.
func (s *LedgerService) BalanceSheet(ctx context.Context, asOf jxc.Date) (*jxc.BalanceSheet, error) {
	all, err := accountsAsOf(ctx, s.db, jxc.Date{}, asOf)
	if err != nil {
		return nil, err
	}
	bs := &jxc.BalanceSheet{AsOf: asOf, Assets: []*jxc.StatementLine{}, Liabilities: []*jxc.StatementLine{}, Equity: []*jxc.StatementLine{}}
	for _, a := range all {
		if a.Header || (a.Debit.IsZero() && a.Credit.IsZero()) {
			continue
		}
		line := &jxc.StatementLine{Account: a, Amount: a.Balance()}
		switch a.Type {
		case jxc.AccountAsset:
			bs.Assets = append(bs.Assets, line)
			bs.TotalAssets = bs.TotalAssets.Add(line.Amount)
		case jxc.AccountLiability:
			bs.Liabilities = append(bs.Liabilities, line)
			bs.TotalLiabilities = bs.TotalLiabilities.Add(line.Amount)
		case jxc.AccountEquity:
			bs.Equity = append(bs.Equity, line)
			bs.TotalEquity = bs.TotalEquity.Add(line.Amount)
		case jxc.AccountRevenueT:
			bs.UnclosedProfit = bs.UnclosedProfit.Add(line.Amount)
		case jxc.AccountExpense:
			bs.UnclosedProfit = bs.UnclosedProfit.Sub(line.Amount)
		}
	}
	bs.TotalEquity = bs.TotalEquity.Add(bs.UnclosedProfit)
	return bs, nil
}
