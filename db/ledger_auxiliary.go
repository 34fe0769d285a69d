package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

// Auxiliary accounting (辅助核算): the dimensions journal lines carry, the
// posting step that fills them from the documents, and the balances and
// sub-ledgers per dimension value.

// fillDimensions completes the dimensions of a posting's lines from what
// the rules said: the partner code of a sales document's lines names a
// customer (and its salesperson), a purchasing document's a supplier; the
// cost centre is the department; an inventory line's warehouse is the one
// warehouse its product moved in. Then every line on an account that
// requires a dimension must name it.
func fillDimensions(ctx context.Context, tx *Tx, src jxc.SourceType, p *jxc.Posting, accounts map[string]*jxc.Account) error {
	kind := jxc.PartnerKindOfSource(src)
	type rec struct {
		ID          int64  `db:"id"`
		Salesperson string `db:"salesperson"`
	}
	partners := map[string]*rec{}
	for _, l := range p.Lines {
		if l.Partner == nil || *l.Partner == "" || kind == "" {
			continue
		}
		if _, ok := partners[*l.Partner]; ok {
			continue
		}
		r := &rec{}
		q := `SELECT id, salesperson FROM customers WHERE code = $1`
		if kind == jxc.PartnerSupplier {
			q = `SELECT id, '' AS salesperson FROM suppliers WHERE code = $1`
		}
		err := tx.GetContext(ctx, r, q, *l.Partner)
		if errors.Is(err, sql.ErrNoRows) {
			r = nil
		} else if err != nil {
			return err
		}
		partners[*l.Partner] = r
	}
	warehouses := map[int64]map[int64]bool{}
	for _, m := range p.Moves {
		if warehouses[m.ProductID] == nil {
			warehouses[m.ProductID] = map[int64]bool{}
		}
		warehouses[m.ProductID][m.WarehouseID] = true
	}
	var es jxc.Errors
	for i, l := range p.Lines {
		if l.Partner != nil {
			if r := partners[*l.Partner]; r != nil {
				if kind == jxc.PartnerCustomer && l.CustomerID == nil {
					id := r.ID
					l.CustomerID = &id
					if r.Salesperson != "" && l.Salesperson == nil {
						sp := r.Salesperson
						l.Salesperson = &sp
					}
				}
				if kind == jxc.PartnerSupplier && l.SupplierID == nil {
					id := r.ID
					l.SupplierID = &id
				}
			}
		}
		if l.Department == nil && l.CostCentre != nil && *l.CostCentre != "" {
			d := *l.CostCentre
			l.Department = &d
		}
		if l.WarehouseID == nil && l.ProductID != nil && len(warehouses[*l.ProductID]) == 1 {
			for w := range warehouses[*l.ProductID] {
				l.WarehouseID = &w
			}
		}
		jxc.CheckLineDimensions(&es, fmt.Sprintf("input.lines.%d.", i), accounts[l.AccountCode], l)
	}
	return es.Err()
}

// checkDimensionsKept: an account may require a new dimension only when
// every line already posted to it names it (the books stay checkable).
func checkDimensionsKept(ctx context.Context, tx *Tx, code string, set jxc.DimensionSet) error {
	var es jxc.Errors
	for _, d := range set {
		var n int
		if err := tx.GetContext(ctx, &n, `SELECT count(*) FROM journal_lines WHERE account_code = $1 AND `+dimensionMissing(d), code); err != nil {
			return err
		}
		if n > 0 {
			es.Add(jxc.ECONFLICT, "input.dimensions", "{count} lines already posted to account {account} name no {dimension}; the account cannot require it",
				jxc.P{"count": n, "account": code, "dimension": d.Label()})
		}
	}
	return es.Err()
}

// dimensionKey is the journal_lines column (or expression) holding a dimension.
func dimensionKey(d jxc.Dimension) string {
	switch d {
	case jxc.DimCustomer:
		return "l.customer_id"
	case jxc.DimSupplier:
		return "l.supplier_id"
	case jxc.DimProduct:
		return "l.product_id"
	case jxc.DimWarehouse:
		return "l.warehouse_id"
	case jxc.DimDepartment:
		return "nullif(btrim(l.department), '')"
	case jxc.DimSalesperson:
		return "nullif(btrim(l.salesperson), '')"
	}
	panic("unknown dimension " + string(d))
}

func dimensionMissing(d jxc.Dimension) string {
	return strings.ReplaceAll(dimensionKey(d), "l.", "") + " IS NULL"
}

// dimensionRecords is the table that names a dimension's records, with its
// code and name columns; "" for text dimensions.
func dimensionRecords(d jxc.Dimension) (table, code string) {
	switch d {
	case jxc.DimCustomer:
		return "customers", "code"
	case jxc.DimSupplier:
		return "suppliers", "code"
	case jxc.DimProduct:
		return "products", "sku"
	case jxc.DimWarehouse:
		return "warehouses", "code"
	}
	return "", ""
}

// auxiliaryAccount loads the account asked for and checks the query.
func auxiliaryAccount(ctx context.Context, q Queryer, in *jxc.AuxiliaryQuery) (*jxc.Account, error) {
	var es jxc.Errors
	if !in.Dimension.Valid() {
		es.Add(jxc.EINVALID, "dimension", "unknown dimension {dimension}; use one of CUSTOMER, SUPPLIER, DEPARTMENT, PRODUCT, WAREHOUSE, SALESPERSON", jxc.P{"dimension": string(in.Dimension)})
	}
	if in.To.IsZero() || in.From.IsZero() {
		es.Add(jxc.EINVALID, "from", "give both from and to")
	} else if in.To.Before(in.From) {
		es.Add(jxc.EINVALID, "from", "the range starts on {from}, after its end {to}", jxc.P{"from": in.From, "to": in.To})
	}
	a := &jxc.Account{}
	err := q.GetContext(ctx, a, `SELECT `+accountCols+` FROM accounts WHERE code = $1`, in.AccountCode)
	if errors.Is(err, sql.ErrNoRows) {
		es.Add(jxc.ENOTFOUND, "accountCode", "there is no account {account} in the chart", jxc.P{"account": in.AccountCode})
	} else if err != nil {
		return nil, err
	}
	return a, es.Err()
}

// AuxiliaryBalances implements jxc.LedgerService: one row per value of the
// dimension with lines on the account (or its sub-accounts) up to the end
// of the range, and one for the lines that name none; the rows add up to
// the account's own figures.
func (s *LedgerService) AuxiliaryBalances(ctx context.Context, in jxc.AuxiliaryQuery) (*jxc.AuxiliaryBalances, error) {
	out := &jxc.AuxiliaryBalances{Dimension: in.Dimension, From: in.From, To: in.To, Rows: []*jxc.AuxiliaryBalance{}}
	err := s.db.WithReadTx(ctx, func(tx *Tx) error {
		a, err := auxiliaryAccount(ctx, tx, &in)
		if err != nil {
			return err
		}
		out.Account = a
		key := dimensionKey(in.Dimension)
		table, code := dimensionRecords(in.Dimension)
		valueCols := `NULL::bigint AS value_id, coalesce(t.k, '') AS value, '' AS name`
		join := ``
		if table != "" {
			valueCols = `t.k AS value_id, coalesce(x.` + code + `, '') AS value, coalesce(x.name, '') AS name`
			join = ` LEFT JOIN ` + table + ` x ON x.id = t.k`
		}
		var rows []*jxc.AuxiliaryBalance
		if err := tx.SelectContext(ctx, &rows, `WITH t AS (
				SELECT `+key+` AS k,
					coalesce(sum(l.debit - l.credit) FILTER (WHERE l.posting_date < $2), 0) AS opening,
					coalesce(sum(l.debit) FILTER (WHERE l.posting_date >= $2), 0) AS debit,
					coalesce(sum(l.credit) FILTER (WHERE l.posting_date >= $2), 0) AS credit
				FROM journal_lines l
				WHERE (l.account_code = $1 OR l.account_code LIKE $1 || '.%') AND l.posting_date <= $3
				GROUP BY 1)
			SELECT `+valueCols+`, t.opening, t.debit, t.credit FROM t`+join+`
			WHERE t.opening <> 0 OR t.debit <> 0 OR t.credit <> 0
			ORDER BY t.k IS NULL, 2, 1`, a.Code, in.From, in.To); err != nil {
			return err
		}
		for _, r := range rows {
			r.Dimension = in.Dimension
			r.Opening = a.Direction.Signed(r.Opening)
		}
		out.Rows = rows
		return nil
	})
	if err != nil {
		return nil, err
	}
	jxc.RunAuxiliaryBalances(out)
	return out, nil
}

// AuxiliaryLedger implements jxc.LedgerService: the lines of one value (a
// customer's receivables: 往来明细账) in posting order, each with the
// running balance on the account's direction. No value given: the lines
// that name none.
func (s *LedgerService) AuxiliaryLedger(ctx context.Context, in jxc.AuxiliaryQuery, o *jxc.AuxiliaryLedgerOrder, p jxc.PageArgs) (*jxc.AuxiliaryLedger, error) {
	limit, offset, err := p.Window()
	if err != nil {
		return nil, err
	}
	dir := "ASC"
	if o != nil && o.Direction == jxc.Desc {
		dir = "DESC"
	}
	out := &jxc.AuxiliaryLedger{Dimension: in.Dimension, ValueID: in.ValueID, Code: jxc.Deref(in.Value), From: in.From, To: in.To, Query: in}
	err = s.db.WithReadTx(ctx, func(tx *Tx) error {
		a, err := auxiliaryAccount(ctx, tx, &in)
		if err != nil {
			return err
		}
		out.Account = a
		key := dimensionKey(in.Dimension)
		var val any
		cond := key + ` IS NULL`
		if in.Dimension.ByID() && in.ValueID != nil {
			cond, val = key+` = $4::bigint`, *in.ValueID
		} else if !in.Dimension.ByID() && in.Value != nil && strings.TrimSpace(*in.Value) != "" {
			cond, val = key+` = $4::text`, strings.TrimSpace(*in.Value)
		} else {
			cond = `($4::text IS NULL AND ` + key + ` IS NULL)`
		}
		if table, code := dimensionRecords(in.Dimension); table != "" && in.ValueID != nil {
			var rec struct {
				Code string `db:"code"`
				Name string `db:"name"`
			}
			err := tx.GetContext(ctx, &rec, `SELECT `+code+` AS code, name FROM `+table+` WHERE id = $1`, *in.ValueID)
			if errors.Is(err, sql.ErrNoRows) {
				return jxc.FieldErrorf(jxc.ENOTFOUND, "valueId", "no {dimension} with that id", jxc.P{"dimension": in.Dimension.Label()})
			} else if err != nil {
				return err
			}
			out.Code, out.Name = rec.Code, rec.Name
		}
		where := `(l.account_code = $1 OR l.account_code LIKE $1 || '.%') AND ` + cond
		var sums struct {
			Opening decimal.Decimal `db:"opening"`
			Move    decimal.Decimal `db:"move"`
			N       int             `db:"n"`
		}
		if err := tx.GetContext(ctx, &sums, `SELECT coalesce(sum(l.debit - l.credit) FILTER (WHERE l.posting_date < $2), 0) AS opening,
				coalesce(sum(l.debit - l.credit) FILTER (WHERE l.posting_date >= $2), 0) AS move,
				count(*) FILTER (WHERE l.posting_date >= $2) AS n
			FROM journal_lines l WHERE `+where+` AND l.posting_date <= $3`, a.Code, in.From, in.To, val); err != nil {
			return err
		}
		out.Opening = a.Direction.Signed(sums.Opening)
		out.Closing = out.Opening.Add(a.Direction.Signed(sums.Move))
		var lines []*jxc.AuxiliaryLedgerLine
		if err := tx.SelectContext(ctx, &lines, `SELECT * FROM (
				SELECT l.posting_date, l.entry_id, l.line_no, e.voucher_no, e.source_type, e.source_id,
					coalesce(nullif(l.description, ''), e.description) AS description, l.debit, l.credit,
					sum(l.debit - l.credit) OVER (ORDER BY l.posting_date, l.entry_id, l.line_no) AS balance
				FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
				WHERE `+where+` AND l.posting_date BETWEEN $2 AND $3) w
			ORDER BY posting_date `+dir+`, entry_id `+dir+`, line_no `+dir+` LIMIT $5 OFFSET $6`, a.Code, in.From, in.To, val, limit, offset); err != nil {
			return err
		}
		for _, l := range lines {
			l.Balance = out.Opening.Add(a.Direction.Signed(l.Balance))
		}
		if lines == nil {
			lines = []*jxc.AuxiliaryLedgerLine{}
		}
		out.Page = &jxc.Page[*jxc.AuxiliaryLedgerLine]{Items: lines, Offset: offset, TotalCount: sums.N}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// auxiliaryBooksRules: every line names the dimensions its account requires.
var auxiliaryBooksRules = []BooksCheckRule{
	{jxc.RuleDimensionMissing, jxc.T("journal lines on an account that requires a dimension without it"), `
		SELECT 'journal_lines', format('entry %s line %s', l.entry_id, l.line_no), format('account %s requires %s', l.account_code, d)
		FROM journal_lines l JOIN accounts a ON a.code = l.account_code, unnest(a.dimensions) AS d
		WHERE (d = 'CUSTOMER' AND l.customer_id IS NULL) OR (d = 'SUPPLIER' AND l.supplier_id IS NULL)
		   OR (d = 'PRODUCT' AND l.product_id IS NULL) OR (d = 'WAREHOUSE' AND l.warehouse_id IS NULL)
		   OR (d = 'DEPARTMENT' AND nullif(btrim(l.department), '') IS NULL)
		   OR (d = 'SALESPERSON' AND nullif(btrim(l.salesperson), '') IS NULL)
		ORDER BY l.entry_id, l.line_no LIMIT 100`},
}
