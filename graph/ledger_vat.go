package graph

import "github.com/jxcgraph/jxc"

// vatInvoiceInfoUpdate translates updateVatInvoiceInfo's flat input.
func vatInvoiceInfoUpdate(in UpdateVatInvoiceInfoInput) jxc.VatInvoiceInfoUpdate {
	return jxc.VatInvoiceInfoUpdate{SalesInvoiceID: in.SalesInvoiceID, SupplierInvoiceID: in.SupplierInvoiceID, Info: jxc.VatInvoiceInfo{
		InvoiceCode: in.InvoiceCode, InvoiceNumber: in.InvoiceNumber, Kind: in.Kind, BuyerTaxID: in.BuyerTaxID, IssueDate: in.IssueDate}}
}
