package db

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

// VAT: the Golden Tax fields of sales and supplier invoices and the monthly
// VAT report, read from the invoices and credit notes and reconciled with
// the movement of the VAT accounts 2221.01.01 (input) and 2221.01.02 (output).

// VatService implements jxc.VatService.
type VatService struct{ db *DB }

// NewVatService returns the VAT service on db.
func NewVatService(db *DB) *VatService { return &VatService{db: db} }

var _ jxc.VatService = (*VatService)(nil)

// setVatInfo writes an invoice's Golden Tax fields (normalized) in one
// statement; table is sales_invoices or supplier_invoices (constants only).
func setVatInfo(ctx context.Context, tx *Tx, table string, id int64, v jxc.VatInvoiceInfo) error {
	_, err := tx.ExecContext(ctx, `UPDATE `+table+` SET vat_invoice_code = $2, vat_invoice_number = $3, vat_invoice_kind = $4,
		vat_buyer_tax_id = $5, vat_issue_date = $6 WHERE id = $1`, id, v.InvoiceCode, v.InvoiceNumber, v.Kind, v.BuyerTaxID, v.IssueDate)
	return domainError(err, "input.invoiceNumber")
}

// setSalesVatInfo writes a new sales invoice's Golden Tax fields; the
// buyer's tax ID is the customer's unless one is given.
func setSalesVatInfo(ctx context.Context, tx *Tx, id int64, in *jxc.VatInvoiceInfo) error {
	var v jxc.VatInvoiceInfo
	if in != nil {
		v = in.Normalized()
	}
	if v.BuyerTaxID == nil {
		// The invoicing details' tax ID, else the customer's, when it is a
		// unified social credit code (an old registration number is not a
		// Golden Tax buyer tax ID).
		if err := tx.GetContext(ctx, &v.BuyerTaxID, `SELECT CASE WHEN t ~ '^[0-9A-HJ-NPQRTUWXY]{18}$' THEN t END
			FROM (SELECT coalesce(nullif(c.invoicing->>'taxId', ''), c.tax_id) AS t
				FROM sales_invoices i JOIN customers c ON c.id = i.customer_id WHERE i.id = $1) x`, id); err != nil {
			return err
		}
	}
	if in == nil && v.BuyerTaxID == nil {
		return nil
	}
	return setVatInfo(ctx, tx, "sales_invoices", id, v)
}

// UpdateVatInvoiceInfo implements jxc.VatService: finance enters (or
// corrects) the Golden Tax fields of one invoice; its money and its
// postings do not change. Locks the invoice row only.
func (s *VatService) UpdateVatInvoiceInfo(ctx context.Context, in jxc.VatInvoiceInfoUpdate) (*jxc.VatInvoiceUpdated, error) {
	if err := jxc.ValidateVatInvoiceInfoUpdate(in); err != nil {
		return nil, err
	}
	table, record, field, id := "sales_invoices", jxc.RecordSalesInvoice, "input.salesInvoiceId", in.SalesInvoiceID
	if in.SupplierInvoiceID != nil {
		table, record, field, id = "supplier_invoices", jxc.RecordSupplierInvoice, "input.supplierInvoiceId", in.SupplierInvoiceID
	}
	_, err := s.db.Write(ctx, jxc.Op{Name: "updateVatInvoiceInfo", Input: in}, func(tx *Tx) error {
		var number string
		if err := tx.GetContext(ctx, &number, `SELECT number FROM `+table+` WHERE id = $1 FOR UPDATE`, *id); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return jxc.FieldErrorf(jxc.ENOTFOUND, field, "the invoice does not exist")
			}
			return err
		}
		tx.Produced(record, *id, number, jxc.AuditUpdate)
		return setVatInfo(ctx, tx, table, *id, in.Info.Normalized())
	})
	if err != nil {
		return nil, err
	}
	out := &jxc.VatInvoiceUpdated{}
	if in.SupplierInvoiceID != nil {
		out.SupplierInvoice, err = findWrittenInvoice(ctx, s.db, *id)
	} else {
		out.SalesInvoice, err = NewSalesService(s.db).FindSalesInvoiceByID(ctx, *id)
	}
	return out, err
}

// vatRateRow is one month's documents at one rate.
type vatRateRow struct {
	Month time.Time `db:"m"`
	jxc.VatRateFigures
}

// VatReport implements jxc.VatService. Output VAT is what sales invoices
// bill less what credit notes (sales returns) take back, by the document's
// date and the rate of its line; input VAT is what supplier invoices post to
// input VAT, by invoice date and the order line's rate, less what the debit
// notes of returns to suppliers take back (红字, by the return's date, as
// the return credits input VAT; a return of goods invoiced on an invoice
// that was not deductible takes its part out of line 14); the part of it on
// invoices that are not known to be special invoices (专票) is not
// deductible and is transferred out (line 14). The excess of deductible
// input carries to the next month (期末留抵 → 上期留抵), from the first
// month with any VAT document, across years.
func (s *VatService) VatReport(ctx context.Context, year, fromMonth, toMonth int) (*jxc.VatReport, error) {
	if err := jxc.ValidateVatReportArgs(year, fromMonth, toMonth); err != nil {
		return nil, err
	}
	first := jxc.Date{Year: year, Month: time.Month(fromMonth), Day: 1}
	end := jxc.DateOf(time.Date(year, time.Month(toMonth)+1, 1, 0, 0, 0, 0, time.UTC))
	out := &jxc.VatReport{Year: year, FromMonth: fromMonth, ToMonth: toMonth, Months: []*jxc.VatMonth{}}
	err := s.db.WithReadTx(ctx, func(tx *Tx) error {
		var rows []*vatRateRow
		if err := tx.SelectContext(ctx, &rows, `WITH o AS (
				SELECT date_trunc('month', i.posting_date)::date AS m, l.vat_rate AS rate, l.net_amount AS net, l.vat_amount AS vat
				FROM sales_invoice_lines l JOIN sales_invoices i ON i.id = l.invoice_id WHERE i.posting_date < $1
				UNION ALL
				SELECT date_trunc('month', r.posting_date)::date, il.vat_rate, -rl.net_amount, -rl.vat_amount
				FROM sales_return_lines rl JOIN sales_returns r ON r.id = rl.return_id
				JOIN sales_invoice_lines il ON il.invoice_id = r.invoice_id AND il.shipment_line_id = rl.shipment_line_id
				WHERE r.posting_date < $1
			), p AS (
				SELECT date_trunc('month', si.invoice_date)::date AS m, pol.vat_rate AS rate, l.net_amount AS net, l.tax_amount AS vat,
					coalesce(si.vat_invoice_kind IN ('SPECIAL', 'E_SPECIAL'), false) AS deductible
				FROM supplier_invoice_lines l JOIN supplier_invoices si ON si.id = l.invoice_id
				JOIN purchase_order_lines pol ON pol.id = l.po_line_id WHERE si.invoice_date < $1
				UNION ALL
				SELECT date_trunc('month', r.posting_date)::date, rl.vat_rate, -rl.net_amount, -rl.vat_amount,
					coalesce((SELECT bool_and(coalesce(si.vat_invoice_kind IN ('SPECIAL', 'E_SPECIAL'), false)) FROM supplier_invoice_lines il
						JOIN supplier_invoices si ON si.id = il.invoice_id WHERE il.po_line_id = rl.po_line_id), true)
				FROM supplier_return_lines rl JOIN supplier_returns r ON r.id = rl.return_id
				WHERE r.status = 'POSTED' AND r.posting_date < $1 AND (rl.net_amount <> 0 OR rl.vat_amount <> 0)
			)
			SELECT m, rate, sum(onet) AS output_net, sum(ovat) AS output_vat, sum(inet) AS input_net, sum(ivat) AS input_vat,
				sum(nd) AS non_deductible_vat
			FROM (SELECT m, rate, net AS onet, vat AS ovat, 0 AS inet, 0 AS ivat, 0 AS nd FROM o
				UNION ALL SELECT m, rate, 0, 0, net, vat, CASE WHEN deductible THEN 0 ELSE vat END FROM p) x
			GROUP BY m, rate ORDER BY m, rate DESC`, end); err != nil {
			return err
		}
		var ledger []struct {
			Month  time.Time       `db:"m"`
			Output decimal.Decimal `db:"output"`
			Input  decimal.Decimal `db:"input"`
		}
		if err := tx.SelectContext(ctx, &ledger, `SELECT date_trunc('month', posting_date)::date AS m,
				coalesce(sum(credit - debit) FILTER (WHERE account_code = $3 OR account_code LIKE $3 || '.%'), 0) AS output,
				coalesce(sum(debit - credit) FILTER (WHERE account_code = $4 OR account_code LIKE $4 || '.%'), 0) AS input
			FROM journal_lines WHERE account_code LIKE '2221.01.%' AND posting_date >= $1 AND posting_date < $2 GROUP BY 1`,
			first, end, jxc.AccountOutputVAT, jxc.AccountInputVAT); err != nil {
			return err
		}
		out.Months = vatMonths(first, end, rows)
		for _, m := range out.Months {
			for _, l := range ledger {
				if l.Month.Year() == m.Year && int(l.Month.Month()) == m.Month {
					m.LedgerOutputVAT, m.LedgerInputVAT = l.Output, l.Input
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	out.Rates = jxc.SumVatRates(out.Months)
	return out, nil
}

// vatMonths fills the months from the first document's (or first, if
// later) up to end, carrying excess input from month to month, and returns
// the months from first on.
func vatMonths(first, end jxc.Date, rows []*vatRateRow) []*jxc.VatMonth {
	start := first.Time()
	if len(rows) > 0 && rows[0].Month.Before(start) {
		start = rows[0].Month
	}
	var out []*jxc.VatMonth
	carried := decimal.Zero
	i := 0
	// Bounded: one turn per month between the first document and end.
	for m := start; m.Before(end.Time()); m = m.AddDate(0, 1, 0) {
		vm := &jxc.VatMonth{Year: m.Year(), Month: int(m.Month()), Rates: []*jxc.VatRateFigures{}}
		for ; i < len(rows) && !rows[i].Month.After(m); i++ {
			f := rows[i].VatRateFigures
			vm.Rates = append(vm.Rates, &f)
		}
		jxc.FillVatReturn(vm, carried)
		carried = vm.Return.Line20
		if !m.Before(first.Time()) {
			out = append(out, vm)
		}
	}
	return out
}
