package graph

import (
	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

// Translations between the generated input and connection types and the
// domain's: no rule lives here.

func pageInfo[T any](p *jxc.Page[T]) *PageInfo {
	pi := &PageInfo{HasNextPage: p.HasNextPage(), HasPreviousPage: p.Offset > 0}
	if n := len(p.Items); n > 0 {
		pi.StartCursor = jxc.Ptr(jxc.EncodeCursor(p.Offset))
		pi.EndCursor = jxc.Ptr(jxc.EncodeCursor(p.Offset + n - 1))
	}
	return pi
}

func edges[T, E any](p *jxc.Page[T], mk func(cursor string, node T) E) []E {
	out := make([]E, len(p.Items))
	for i, it := range p.Items {
		out[i] = mk(jxc.EncodeCursor(p.Offset+i), it)
	}
	return out
}

func productInput(in CreateProductInput) jxc.ProductInput {
	return jxc.ProductInput{SKU: in.Sku, Name: in.Name, NameEn: in.NameEn, Barcodes: in.Barcodes, Unit: in.Unit,
		CategoryID: in.CategoryID, SellPrice: in.SellPrice, VATRate: in.VatRate, SafetyStock: in.SafetyStock,
		ReorderPoint: in.ReorderPoint, ReorderQty: in.ReorderQuantity, LeadTimeDays: in.LeadTimeDays}
}

func productUpdate(in UpdateProductInput) jxc.ProductUpdate {
	return jxc.ProductUpdate{ID: in.ID, SKU: in.Sku, Name: in.Name, NameEn: in.NameEn, Barcodes: in.Barcodes, Unit: in.Unit,
		CategoryID: in.CategoryID, SellPrice: in.SellPrice, VATRate: in.VatRate, SafetyStock: in.SafetyStock,
		ReorderPoint: in.ReorderPoint, ReorderQty: in.ReorderQuantity, LeadTimeDays: in.LeadTimeDays, Active: in.Active}
}

func openingStock(in OpeningStockInput) jxc.OpeningStock {
	e := jxc.OpeningStock{Date: jxc.Deref(in.PostingDate), Description: jxc.Deref(in.Description)}
	for _, l := range in.Lines {
		e.Lines = append(e.Lines, jxc.OpeningStockLine{ProductID: l.ProductID, WarehouseID: l.WarehouseID, LocationID: l.LocationID,
			Quantity: l.Quantity, UnitCost: l.UnitCost})
	}
	return e
}

func stockAdjustment(in StockAdjustmentInput) jxc.StockAdjustment {
	e := jxc.StockAdjustment{Date: jxc.Deref(in.PostingDate), Reason: in.Reason, Description: jxc.Deref(in.Description)}
	for _, l := range in.Lines {
		e.Lines = append(e.Lines, jxc.AdjustmentLine{ProductID: l.ProductID, WarehouseID: l.WarehouseID, LocationID: l.LocationID,
			Direction: l.Direction, Quantity: l.Quantity, UnitCost: l.UnitCost})
	}
	return e
}

func manualEntry(in JournalEntryInput) jxc.ManualEntry {
	e := jxc.ManualEntry{Date: jxc.Deref(in.PostingDate), Description: in.Description, Attachments: in.Attachments}
	for _, l := range in.Lines {
		e.Lines = append(e.Lines, jxc.ManualLine{AccountCode: l.AccountCode, Debit: jxc.DerefOr(l.Debit, decimal.Zero), Credit: jxc.DerefOr(l.Credit, decimal.Zero),
			CostCentre: l.CostCentre, Partner: l.Partner, Description: jxc.Deref(l.Description),
			CustomerID: l.CustomerID, SupplierID: l.SupplierID, ProductID: l.ProductID, WarehouseID: l.WarehouseID,
			Department: l.Department, Salesperson: l.Salesperson})
	}
	return e
}

func pageArgs(first *int, after *string) jxc.PageArgs {
	return jxc.PageArgs{First: first, After: after}
}

// value unwraps a service result for a non-null field.
func value[T any](p *T, err error) (T, error) {
	var zero T
	if err != nil || p == nil {
		return zero, err
	}
	return *p, nil
}

// mutationResult splits a service result into the payload's object and
// userErrors; anything that is not the user's mistake stays an error.
func mutationResult[T any](v T, err error) (T, []*UserError, error) {
	var zero T
	ues, err := userErrors(err)
	if err != nil || len(ues) > 0 {
		return zero, ues, err
	}
	return v, ues, nil
}

func connection[T, E, C any](p *jxc.Page[T], err error, edge func(string, T) E, mk func([]E, []T, *PageInfo, int) C) (C, error) {
	var zero C
	if err != nil {
		return zero, err
	}
	return mk(edges(p, edge), p.Items, pageInfo(p), p.TotalCount), nil
}

// orNil turns "not found" into null for single-object queries.
func orNil[T any](v *T, err error) (*T, error) {
	if jxc.ErrorCode(err) == jxc.ENOTFOUND {
		return nil, nil
	}
	return v, err
}
