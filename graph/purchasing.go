package graph

import (
	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

// Translations between purchasing's generated inputs and the domain's: no
// rule lives here.

func contacts(in []*SupplierContactInput) []jxc.SupplierContact {
	if in == nil {
		return nil
	}
	out := make([]jxc.SupplierContact, len(in))
	for i, c := range in {
		out[i] = jxc.SupplierContact{Name: c.Name, Role: jxc.Deref(c.Role), Phone: jxc.Deref(c.Phone), Email: jxc.Deref(c.Email)}
	}
	return out
}

func supplierInput(in CreateSupplierInput) jxc.SupplierInput {
	return jxc.SupplierInput{Code: jxc.Deref(in.Code), Name: in.Name, Contacts: contacts(in.Contacts), PaymentTermsDays: in.PaymentTermsDays,
		Currency: in.Currency, LeadTimeDays: in.LeadTimeDays, SupplierDetails: jxc.SupplierDetails{TaxID: in.TaxID, Address: in.Address, Notes: in.Notes,
			BankDetails: jxc.BankDetails{BankName: in.BankName, BankAccount: in.BankAccount}}}
}

func supplierUpdate(in UpdateSupplierInput) jxc.SupplierUpdate {
	return jxc.SupplierUpdate{ID: in.ID, Name: in.Name, Contacts: contacts(in.Contacts), PaymentTermsDays: in.PaymentTermsDays,
		Currency: in.Currency, LeadTimeDays: in.LeadTimeDays, Active: in.Active, SupplierDetails: jxc.SupplierDetails{TaxID: in.TaxID, Address: in.Address,
			Notes: in.Notes, BankDetails: jxc.BankDetails{BankName: in.BankName, BankAccount: in.BankAccount}}}
}

func purchaseOrderInput(in CreatePurchaseOrderInput) jxc.PurchaseOrderInput {
	o := jxc.PurchaseOrderInput{SupplierID: in.SupplierID, WarehouseID: in.WarehouseID, OrderDate: jxc.Deref(in.OrderDate),
		ExpectedDate: in.ExpectedDate, CostCentre: in.CostCentre, Notes: in.Notes, IdempotencyKey: in.IdempotencyKey}
	for _, l := range in.Lines {
		o.Lines = append(o.Lines, jxc.PurchaseOrderLineInput{ProductID: l.ProductID, Quantity: l.Quantity, UnitPrice: l.UnitPrice, Unit: l.Unit})
	}
	return o
}

func suggestionOrderInput(in CreatePurchaseOrdersFromSuggestionsInput) jxc.SuggestionOrderInput {
	o := jxc.SuggestionOrderInput{OrderDate: jxc.Deref(in.OrderDate), CostCentre: in.CostCentre, IdempotencyKey: in.IdempotencyKey}
	for _, l := range in.Lines {
		o.Lines = append(o.Lines, jxc.SuggestionOrderLine{ProductID: l.ProductID, WarehouseID: l.WarehouseID, Quantity: l.Quantity,
			SupplierID: l.SupplierID, UnitPrice: l.UnitPrice})
	}
	return o
}

func goodsReceiptInput(in GoodsReceiptInput) jxc.GoodsReceiptInput {
	o := jxc.GoodsReceiptInput{PurchaseOrderID: in.PurchaseOrderID, ReceiptDate: jxc.Deref(in.ReceiptDate), Notes: in.Notes,
		IdempotencyKey: in.IdempotencyKey}
	for _, l := range in.Lines {
		o.Lines = append(o.Lines, jxc.GoodsReceiptLineInput{PurchaseOrderLineID: l.PurchaseOrderLineID, Barcode: l.Barcode,
			LocationID: l.LocationID, AcceptedQty: l.AcceptedQuantity, RejectedQty: jxc.DerefOr(l.RejectedQuantity, decimal.Zero), RejectionReason: l.RejectionReason,
			BatchNumber: l.BatchNumber, ExpiryDate: l.ExpiryDate, ProductionDate: l.ProductionDate})
	}
	return o
}

func supplierInvoiceInput(in SupplierInvoiceInput) jxc.SupplierInvoiceInput {
	o := jxc.SupplierInvoiceInput{PurchaseOrderID: in.PurchaseOrderID, SupplierInvoiceNo: in.SupplierInvoiceNumber,
		InvoiceDate: jxc.Deref(in.InvoiceDate), IdempotencyKey: in.IdempotencyKey, VatInvoice: in.VatInvoice}
	for _, l := range in.Lines {
		o.Lines = append(o.Lines, jxc.SupplierInvoiceLineInput{PurchaseOrderLineID: l.PurchaseOrderLineID, Quantity: l.Quantity, UnitPrice: l.UnitPrice})
	}
	return o
}

func supplierPaymentInput(in SupplierPaymentInput) jxc.SupplierPaymentInput {
	o := jxc.SupplierPaymentInput{SupplierID: in.SupplierID, PaymentDate: jxc.Deref(in.PaymentDate), Amount: in.Amount,
		Reference: in.Reference, IdempotencyKey: in.IdempotencyKey}
	for _, a := range in.Allocations {
		o.Allocations = append(o.Allocations, jxc.PaymentAllocationInput{InvoiceID: a.InvoiceID, Amount: a.Amount})
	}
	return o
}

func landedCostInput(in LandedCostInput) jxc.LandedCostInput {
	return jxc.LandedCostInput{Kind: in.Kind, Basis: in.Basis, PostingDate: jxc.Deref(in.PostingDate), Amount: in.Amount,
		ReceiptIDs: in.ReceiptIds, Description: in.Description, PayFrom: in.PayFrom, SupplierID: in.SupplierID,
		SupplierInvoiceNo: in.SupplierInvoiceNumber, IdempotencyKey: in.IdempotencyKey}
}

func budgetLineInput(in CreateBudgetLineInput) jxc.BudgetLineInput {
	return jxc.BudgetLineInput{Year: in.Year, Month: in.Month, CostCentre: in.CostCentre, AccountCode: in.AccountCode,
		CategoryID: in.CategoryID, Amount: in.Amount, OwnerID: in.OwnerID, Policy: in.Policy, Description: in.Description}
}

func operatingCostInput(in OperatingCostInput) jxc.OperatingCostInput {
	return jxc.OperatingCostInput{Category: in.Category, PostingDate: jxc.Deref(in.PostingDate), CostCentre: in.CostCentre,
		AccountCode: in.AccountCode, Amount: in.Amount, PayFrom: in.PayFrom, SupplierID: in.SupplierID,
		SupplierInvoiceNo: in.SupplierInvoiceNumber, Description: in.Description, IdempotencyKey: in.IdempotencyKey}
}

func settingsInput(in PurchasingSettingsInput) jxc.PurchasingSettings {
	return jxc.PurchasingSettings{PriceTolerance: in.PriceTolerance, QuantityTolerance: in.QuantityTolerance, PriceRiseThreshold: in.PriceRiseThreshold}
}

func orderPayload(o *jxc.PurchaseOrder, err error) (PurchaseOrderPayload, error) {
	o, ues, err := mutationResult(o, err)
	return PurchaseOrderPayload{PurchaseOrder: o, Warnings: []string{}, UserErrors: ues}, err
}

// supplierPaymentFilter is the supplierPayments filter with its older
// supplierId argument folded in (the filter's own supplierId wins).
func supplierPaymentFilter(supplierID *int64, filter *jxc.SupplierPaymentFilter) jxc.SupplierPaymentFilter {
	f := jxc.Deref(filter)
	if f.SupplierID == nil {
		f.SupplierID = supplierID
	}
	return f
}
