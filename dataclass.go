package jxc

import "slices"

// DataClass is a kind of figure whose readers are fixed once, whatever path
// of the graph reaches it: a role that may not read the receivables aging
// must not read a customer's open balance through a shipment either. The
// schema marks each field that carries such a figure with
// @dataClass(class: ...); the graph refuses an operation that selects one
// the caller's roles do not allow.
type DataClass string

const (
	// DataCustomerMoney is what customers are billed, owe and pay: selling
	// prices and amounts of orders, invoices and returns, open balances,
	// credit limits, payments, receivables and revenue.
	DataCustomerMoney DataClass = "CUSTOMER_MONEY"
	// DataSupplierMoney is what the company owes suppliers and pays them:
	// open and paid amounts of supplier invoices, supplier payments,
	// payables and supplier statements.
	DataSupplierMoney DataClass = "SUPPLIER_MONEY"
	// DataMarginsAndCosts is what sold goods cost and what the company
	// earns on them: cost of goods sold, the cost values of shipments and
	// returns, landed costs, gross profit, net income and margins.
	DataMarginsAndCosts DataClass = "MARGINS_AND_COSTS"
	// DataBudgets is budget amounts, their consumption and commitments,
	// operating costs and the budget warnings of orders.
	DataBudgets DataClass = "BUDGETS"
	// DataUsers is the user directory: other users' roles, whether they
	// may sign in and when they were created. Everyone reads their own.
	DataUsers DataClass = "USERS"
)

// DataClasses lists every class in a stable order.
var DataClasses = []DataClass{DataCustomerMoney, DataSupplierMoney, DataMarginsAndCosts, DataBudgets, DataUsers}

// dataClassReaders are the roles that read each class (ADMIN reads all).
// They are the rules the reports already had: receivablesAging, customer
// statements and receivableChanged (CUSTOMER_MONEY); payablesAging and
// supplierPayments (SUPPLIER_MONEY); kpiReport, periodSummary and the
// ledger (MARGINS_AND_COSTS); budgetLines (BUDGETS); users (USERS).
var dataClassReaders = map[DataClass][]Role{
	DataCustomerMoney:   {RoleSales, RoleFinance, RoleManager, RoleAnalyst},
	DataSupplierMoney:   {RoleFinance, RoleManager, RoleAnalyst},
	DataMarginsAndCosts: {RoleFinance, RoleManager, RoleAnalyst},
	DataBudgets:         {RoleFinance, RoleManager, RolePurchasing, RoleAnalyst},
	DataUsers:           {RoleAdmin},
}

// Valid reports whether c is a known class.
func (c DataClass) Valid() bool { return slices.Contains(DataClasses, c) }

// Readers returns the roles that may read the class, ADMIN aside.
func (c DataClass) Readers() []Role { return slices.Clone(dataClassReaders[c]) }

// Allows reports whether u may read figures of the class. An unknown class
// allows nobody but admins.
func (c DataClass) Allows(u *User) bool {
	return u.HasAnyRole(dataClassReaders[c]...)
}
