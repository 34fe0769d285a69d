package graph

import (
	"context"

	"github.com/jxcgraph/jxc"
)

// Translations between the generated sales inputs and connections and the
// domain's: no rule lives here.

func customerContacts(in []*ContactInput) []jxc.Contact {
	if in == nil {
		return nil
	}
	out := make([]jxc.Contact, len(in))
	for i, c := range in {
		out[i] = jxc.Contact{Name: c.Name, Title: jxc.Deref(c.Title), Phone: jxc.Deref(c.Phone), Email: jxc.Deref(c.Email)}
	}
	return out
}

func customerAddresses(in []*AddressInput) []jxc.Address {
	if in == nil {
		return nil
	}
	out := make([]jxc.Address, len(in))
	for i, a := range in {
		out[i] = jxc.Address{Label: jxc.Deref(a.Label), Address: a.Address, Region: jxc.Deref(a.Region), Contact: jxc.Deref(a.Contact),
			Phone: jxc.Deref(a.Phone), IsDefault: jxc.Deref(a.IsDefault)}
	}
	return out
}

func invoicingDetails(in *InvoicingDetailsInput) *jxc.InvoicingDetails {
	if in == nil {
		return nil
	}
	return &jxc.InvoicingDetails{Title: in.Title, TaxID: jxc.Deref(in.TaxID), AddressPhone: jxc.Deref(in.AddressPhone), BankAccount: jxc.Deref(in.BankAccount)}
}

func customerInput(in CreateCustomerInput) jxc.CustomerInput {
	return jxc.CustomerInput{Code: jxc.Deref(in.Code), Name: in.Name, Invoicing: invoicingDetails(in.Invoicing),
		BankDetails: jxc.BankDetails{BankName: in.BankName, BankAccount: in.BankAccount}, Contacts: customerContacts(in.Contacts), Addresses: customerAddresses(in.Addresses),
		Region: in.Region, Salesperson: in.Salesperson, Channel: in.Channel, CreditLimit: in.CreditLimit,
		PaymentTermsDays: in.PaymentTermsDays, Preferences: in.Preferences, Notes: in.Notes, IdempotencyKey: in.IdempotencyKey, TaxID: in.TaxID}
}

func customerUpdate(in UpdateCustomerInput) jxc.CustomerUpdate {
	return jxc.CustomerUpdate{ID: in.ID, Name: in.Name, Invoicing: invoicingDetails(in.Invoicing),
		BankDetails: jxc.BankDetails{BankName: in.BankName, BankAccount: in.BankAccount}, Contacts: customerContacts(in.Contacts), Addresses: customerAddresses(in.Addresses),
		Region: in.Region, Salesperson: in.Salesperson, Channel: in.Channel, CreditLimit: in.CreditLimit,
		PaymentTermsDays: in.PaymentTermsDays, Preferences: in.Preferences, Notes: in.Notes, Active: in.Active, TaxID: in.TaxID}
}

func salesOrderInput(in SalesOrderInput) jxc.SalesOrderInput {
	out := jxc.SalesOrderInput{CustomerID: in.CustomerID, Channel: in.Channel, Region: in.Region, WarehouseID: in.WarehouseID, PromisedDate: in.PromisedDate,
		PostingDate: in.PostingDate, Notes: in.Notes, IdempotencyKey: in.IdempotencyKey}
	for _, l := range in.Lines {
		out.Lines = append(out.Lines, jxc.SalesOrderLineInput{ProductID: l.ProductID, Quantity: l.Quantity, UnitPrice: l.UnitPrice,
			DiscountRate: l.DiscountRate, VATRate: l.VatRate, Unit: l.Unit})
	}
	return out
}

func shipInput(in ShipShipmentInput) jxc.ShipInput {
	out := jxc.ShipInput{ShipmentID: in.ShipmentID, PostingDate: in.PostingDate, Carrier: in.Carrier, TrackingNumber: in.TrackingNumber,
		IdempotencyKey: in.IdempotencyKey}
	if in.Lines != nil {
		out.Lines = []jxc.ShipLineInput{}
		for _, l := range in.Lines {
			out.Lines = append(out.Lines, jxc.ShipLineInput{ShipmentLineID: l.ShipmentLineID, Quantity: l.Quantity, BatchNumber: l.BatchNumber})
		}
	}
	return out
}

func receivableAllocations(in []*AllocationInput) []jxc.AllocationInput {
	if in == nil {
		return nil
	}
	out := make([]jxc.AllocationInput, len(in))
	for i, a := range in {
		out[i] = jxc.AllocationInput{InvoiceID: a.InvoiceID, Amount: a.Amount}
	}
	return out
}

func salesReturnInput(in CreateSalesReturnInput) jxc.SalesReturnInput {
	out := jxc.SalesReturnInput{ShipmentID: in.ShipmentID, PostingDate: in.PostingDate, Reason: in.Reason, IdempotencyKey: in.IdempotencyKey}
	for _, l := range in.Lines {
		out.Lines = append(out.Lines, jxc.SalesReturnLineInput{ShipmentLineID: l.ShipmentLineID, Quantity: l.Quantity, BatchNumber: l.BatchNumber})
	}
	return out
}

func salesOrderValidation(v *jxc.SalesOrderValidation) (SalesOrderValidation, error) {
	ues, err := userErrors(v.Violations.Err())
	if err != nil {
		return SalesOrderValidation{}, err
	}
	out := SalesOrderValidation{Ok: len(ues) == 0, Violations: ues, WarehouseID: v.WarehouseID, NetAmount: v.NetAmount,
		VatAmount: v.VATAmount, TotalAmount: v.TotalAmount, Shortages: v.Shortages}
	if out.Shortages == nil {
		out.Shortages = []*jxc.Shortage{}
	}
	if v.HoldReason != "" {
		out.HoldReason = &v.HoldReason
	}
	return out, nil
}

func customerConnection(p *jxc.Page[*jxc.Customer], err error) (CustomerConnection, error) {
	if err != nil {
		return CustomerConnection{}, err
	}
	return CustomerConnection{Nodes: p.Items, PageInfo: pageInfo(p), TotalCount: p.TotalCount,
		Edges: edges(p, func(c string, n *jxc.Customer) *CustomerEdge { return &CustomerEdge{Cursor: c, Node: n} })}, nil
}

func salesOrderConnection(p *jxc.Page[*jxc.SalesOrder], err error) (SalesOrderConnection, error) {
	if err != nil {
		return SalesOrderConnection{}, err
	}
	return SalesOrderConnection{Nodes: p.Items, PageInfo: pageInfo(p), TotalCount: p.TotalCount,
		Edges: edges(p, func(c string, n *jxc.SalesOrder) *SalesOrderEdge { return &SalesOrderEdge{Cursor: c, Node: n} })}, nil
}

func shipmentConnection(p *jxc.Page[*jxc.Shipment], err error) (ShipmentConnection, error) {
	if err != nil {
		return ShipmentConnection{}, err
	}
	return ShipmentConnection{Nodes: p.Items, PageInfo: pageInfo(p), TotalCount: p.TotalCount,
		Edges: edges(p, func(c string, n *jxc.Shipment) *ShipmentEdge { return &ShipmentEdge{Cursor: c, Node: n} })}, nil
}

func salesInvoiceConnection(p *jxc.Page[*jxc.SalesInvoice], err error) (SalesInvoiceConnection, error) {
	if err != nil {
		return SalesInvoiceConnection{}, err
	}
	return SalesInvoiceConnection{Nodes: p.Items, PageInfo: pageInfo(p), TotalCount: p.TotalCount,
		Edges: edges(p, func(c string, n *jxc.SalesInvoice) *SalesInvoiceEdge { return &SalesInvoiceEdge{Cursor: c, Node: n} })}, nil
}

func customerPaymentConnection(p *jxc.Page[*jxc.CustomerPayment], err error) (CustomerPaymentConnection, error) {
	if err != nil {
		return CustomerPaymentConnection{}, err
	}
	return CustomerPaymentConnection{Nodes: p.Items, PageInfo: pageInfo(p), TotalCount: p.TotalCount,
		Edges: edges(p, func(c string, n *jxc.CustomerPayment) *CustomerPaymentEdge {
			return &CustomerPaymentEdge{Cursor: c, Node: n}
		})}, nil
}

func salesReturnConnection(p *jxc.Page[*jxc.SalesReturn], err error) (SalesReturnConnection, error) {
	if err != nil {
		return SalesReturnConnection{}, err
	}
	return SalesReturnConnection{Nodes: p.Items, PageInfo: pageInfo(p), TotalCount: p.TotalCount,
		Edges: edges(p, func(c string, n *jxc.SalesReturn) *SalesReturnEdge { return &SalesReturnEdge{Cursor: c, Node: n} })}, nil
}

func replenishmentNeedConnection(p *jxc.Page[*jxc.ReplenishmentNeed], err error) (ReplenishmentNeedConnection, error) {
	if err != nil {
		return ReplenishmentNeedConnection{}, err
	}
	return ReplenishmentNeedConnection{Nodes: p.Items, PageInfo: pageInfo(p), TotalCount: p.TotalCount,
		Edges: edges(p, func(c string, n *jxc.ReplenishmentNeed) *ReplenishmentNeedEdge {
			return &ReplenishmentNeedEdge{Cursor: c, Node: n}
		})}, nil
}

func pointersTo[T any](vs []T) []*T {
	out := make([]*T, len(vs))
	for i := range vs {
		out[i] = &vs[i]
	}
	return out
}

// salesDocID is the id a query of one sales document asks for: the id
// given, or the id of the document of kind with the number (an exact
// match). Nil when no document of the kind has the number, or when an id
// and a number are both given and name different documents.
func (r *Resolver) salesDocID(ctx context.Context, kind jxc.RefKind, id *int64, number *string) (*int64, error) {
	if number == nil {
		if id == nil {
			return nil, jxc.FieldErrorf(jxc.EINVALID, "id", "give the document's id or its number")
		}
		return id, nil
	}
	found, err := r.SalesService.FindSalesDocumentID(ctx, kind, *number)
	if err != nil || found == nil {
		return nil, err
	}
	if id != nil && *id != *found {
		return nil, nil
	}
	return found, nil
}

// salesDocByID reads one sales document of kind through the references
// service (filled as a page's rows are); nil when there is none.
func salesDocByID[T any](ctx context.Context, r *Resolver, kind jxc.RefKind, id *int64) (*T, error) {
	if id == nil {
		return nil, nil
	}
	found, err := r.RefService.Refs(ctx, kind, []int64{*id})
	if err != nil {
		return nil, err
	}
	t, _ := found[*id].(*T)
	return t, nil
}
