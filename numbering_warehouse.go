package jxc

// The warehouse documents numbered by rules of their own (their prefixes
// are the rows migrations 0095, 0115 and 0120 added): a company renumbers
// them on the settings screen like any other kind.
const (
	NumberStockCount     NumberingKind = "STOCK_COUNT"
	NumberPickList       NumberingKind = "PICK_LIST"
	NumberSupplierReturn NumberingKind = "SUPPLIER_RETURN"
)

func init() {
	NumberingKinds = append(NumberingKinds, NumberStockCount, NumberPickList, NumberSupplierReturn)
}
