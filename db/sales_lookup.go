package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/lib/pq"

	"github.com/jxcgraph/jxc"
)

// salesNumberTables are the tables whose documents open by their number.
var salesNumberTables = map[jxc.RefKind]string{
	jxc.RefSalesOrder:      "sales_orders",
	jxc.RefShipment:        "shipments",
	jxc.RefSalesInvoice:    "sales_invoices",
	jxc.RefCustomerPayment: "customer_payments",
	jxc.RefSalesReturn:     "sales_returns",
	jxc.RefCustomerRefund:  "customer_refunds",
}

// FindSalesDocumentID implements jxc.SalesService: an exact match of the
// number among the documents of the kind; nil when none has it.
func (s *SalesService) FindSalesDocumentID(ctx context.Context, kind jxc.RefKind, number string) (*int64, error) {
	table, ok := salesNumberTables[kind]
	if !ok {
		return nil, fmt.Errorf("FindSalesDocumentID: no sales document kind %q", kind)
	}
	number = strings.TrimSpace(number)
	if number == "" {
		return nil, nil
	}
	var id int64
	err := s.db.GetContext(ctx, &id, `SELECT id FROM `+table+` WHERE number = $1`, number)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &id, nil
}

// FindShipmentsByInvoice implements jxc.SalesService: the shipments each
// invoice bills, oldest first.
func (s *SalesService) FindShipmentsByInvoice(ctx context.Context, invoiceIDs []int64) (map[int64][]*jxc.Shipment, error) {
	return salesChildren(ctx, s.db, invoiceIDs, `SELECT `+shipmentCols+` FROM shipments WHERE invoice_id = ANY($1) ORDER BY id`,
		func(sh *jxc.Shipment) int64 { return jxc.Deref(sh.InvoiceID) }, fillShipments)
}

// FindSalesReturnsByInvoice implements jxc.SalesService: the returns
// (credit notes) against each invoice, oldest first.
func (s *SalesService) FindSalesReturnsByInvoice(ctx context.Context, invoiceIDs []int64) (map[int64][]*jxc.SalesReturn, error) {
	return salesChildren(ctx, s.db, invoiceIDs, `SELECT `+salesReturnCols+` FROM sales_returns WHERE invoice_id = ANY($1) ORDER BY id`,
		func(r *jxc.SalesReturn) int64 { return r.InvoiceID }, fillReturns)
}

// FindSalesReturnsByShipment implements jxc.SalesService: the returns of
// goods each shipment shipped, oldest first.
func (s *SalesService) FindSalesReturnsByShipment(ctx context.Context, shipmentIDs []int64) (map[int64][]*jxc.SalesReturn, error) {
	return salesChildren(ctx, s.db, shipmentIDs, `SELECT `+salesReturnCols+` FROM sales_returns WHERE shipment_id = ANY($1) ORDER BY id`,
		func(r *jxc.SalesReturn) int64 { return r.ShipmentID }, fillReturns)
}

// FindAllocationsByInvoice implements jxc.SalesService: the payments and
// credit notes that settled each invoice, oldest first.
func (s *SalesService) FindAllocationsByInvoice(ctx context.Context, invoiceIDs []int64) (map[int64][]*jxc.ReceivableAllocation, error) {
	return salesChildren(ctx, s.db, invoiceIDs, `SELECT a.id, a.invoice_id, a.payment_id, a.return_id, a.amount, a.posting_date, i.number AS invoice_number
		FROM receivable_allocations a JOIN sales_invoices i ON i.id = a.invoice_id WHERE a.invoice_id = ANY($1) ORDER BY a.id`,
		func(a *jxc.ReceivableAllocation) int64 { return a.InvoiceID }, nil)
}

// FindRefundsByPayment implements jxc.SalesService: what of each payment
// was paid back, oldest first.
func (s *SalesService) FindRefundsByPayment(ctx context.Context, paymentIDs []int64) (map[int64][]*jxc.CustomerRefund, error) {
	return salesChildren(ctx, s.db, paymentIDs, `SELECT `+customerRefundCols+` FROM customer_refunds WHERE payment_id = ANY($1) ORDER BY id`,
		func(r *jxc.CustomerRefund) int64 { return jxc.Deref(r.PaymentID) }, nil)
}

// FindRefundsByReturn implements jxc.SalesService: what of each credit
// note was paid back, oldest first.
func (s *SalesService) FindRefundsByReturn(ctx context.Context, returnIDs []int64) (map[int64][]*jxc.CustomerRefund, error) {
	return salesChildren(ctx, s.db, returnIDs, `SELECT `+customerRefundCols+` FROM customer_refunds WHERE return_id = ANY($1) ORDER BY id`,
		func(r *jxc.CustomerRefund) int64 { return jxc.Deref(r.ReturnID) }, nil)
}

// salesChildren reads the documents of every parent with one query (and
// one fill, when given) in one read-only snapshot; a parent without any
// has an empty list.
func salesChildren[T any](ctx context.Context, db *DB, parents []int64, query string, parentOf func(T) int64, fill salesFill[T]) (map[int64][]T, error) {
	out := make(map[int64][]T, len(parents))
	for _, id := range parents {
		out[id] = []T{}
	}
	if len(parents) == 0 {
		return out, nil
	}
	return inSnapshot(ctx, db, func(tx *Tx) (map[int64][]T, error) {
		var rows []T
		if err := tx.SelectContext(ctx, &rows, query, pq.Array(parents)); err != nil {
			return nil, err
		}
		if fill != nil {
			if err := fill(ctx, tx, today(tx), rows); err != nil {
				return nil, err
			}
		}
		for _, r := range rows {
			p := parentOf(r)
			out[p] = append(out[p], r)
		}
		return out, nil
	})
}
