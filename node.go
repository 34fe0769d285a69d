package jxc

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Global object identification: every entity of the graph has a node id,
// "<Type>:<id>" (such as "Customer:12"), unique across types, with which
// any client can refetch it (node, nodes). Today's `id` fields keep their
// database ids; the node id stands beside them.

// NodeID is a global id, "<Type>:<id>"; the graph's NodeID scalar.
type NodeID string

// NewNodeID is the global id of the record of type typename with id.
func NewNodeID(typename string, id int64) NodeID {
	return NodeID(typename + ":" + strconv.FormatInt(id, 10))
}

// NewNodeKey is the global id of the record of type typename keyed by a
// code rather than a database id (an account: Account:1122).
func NewNodeKey(typename, key string) NodeID {
	return NodeID(typename + ":" + key)
}

// Parse splits a global id into its type and key (a database id, or an
// account's code), or returns an EINVALID error naming the expected form.
func (n NodeID) Parse() (typename, key string, err error) {
	typ, key, ok := strings.Cut(string(n), ":")
	if !ok || typ == "" || key == "" || strings.ContainsAny(typ+key, " \t\n") {
		return "", "", n.invalid()
	}
	return typ, key, nil
}

// ParseID splits a global id whose key is a database id.
func (n NodeID) ParseID() (typename string, id int64, err error) {
	typ, key, err := n.Parse()
	if err != nil {
		return "", 0, err
	}
	id, perr := strconv.ParseInt(key, 10, 64)
	if perr != nil || id <= 0 {
		return "", 0, n.invalid()
	}
	return typ, id, nil
}

func (n NodeID) invalid() error {
	return Errorf(EINVALID, "{id} is not a node id; node ids are written Type:key, such as Customer:12, as nodeId returns them", P{"id": strconv.Quote(string(n))})
}

// MarshalGQL writes the id as a JSON string.
func (n NodeID) MarshalGQL(w io.Writer) { io.WriteString(w, strconv.Quote(string(n))) }

// UnmarshalGQL reads a node id, which must have the form Type:number.
func (n *NodeID) UnmarshalGQL(v any) error {
	s, ok := v.(string)
	if !ok {
		return fmt.Errorf("a node id must be a string such as Customer:12, not %T", v)
	}
	if _, _, err := NodeID(s).Parse(); err != nil {
		return err
	}
	*n = NodeID(s)
	return nil
}

// KeyedNodeFinder is the NodeFinder of records keyed by a code (accounts).
type KeyedNodeFinder interface {
	FindKeyedNodes(ctx context.Context, typename string, keys []string) (nodes map[string]any, ok bool, err error)
}

// NodeFinder is implemented by the services whose records are nodes: it
// reads the records of one type with the ids at once (a fixed number of
// statements, however many ids) and returns them by id; ids that match no
// record are left out. It reports ok false for a type it does not keep.
type NodeFinder interface {
	FindNodes(ctx context.Context, typename string, ids []int64) (nodes map[int64]any, ok bool, err error)
}

// Node is a record with a global id: the Go side of the graph's Node
// interface.
type Node interface {
	NodeID() NodeID
}

// The node ids of the entities (value receivers: the graph reads them from
// records and from pointers alike).

func (c Customer) NodeID() NodeID        { return NewNodeID("Customer", c.ID) }
func (o SalesOrder) NodeID() NodeID      { return NewNodeID("SalesOrder", o.ID) }
func (s Shipment) NodeID() NodeID        { return NewNodeID("Shipment", s.ID) }
func (i SalesInvoice) NodeID() NodeID    { return NewNodeID("SalesInvoice", i.ID) }
func (p CustomerPayment) NodeID() NodeID { return NewNodeID("CustomerPayment", p.ID) }
func (r SalesReturn) NodeID() NodeID     { return NewNodeID("SalesReturn", r.ID) }
func (s Supplier) NodeID() NodeID        { return NewNodeID("Supplier", s.ID) }
func (o PurchaseOrder) NodeID() NodeID   { return NewNodeID("PurchaseOrder", o.ID) }
func (r GoodsReceipt) NodeID() NodeID    { return NewNodeID("GoodsReceipt", r.ID) }
func (i SupplierInvoice) NodeID() NodeID { return NewNodeID("SupplierInvoice", i.ID) }
func (p SupplierPayment) NodeID() NodeID { return NewNodeID("SupplierPayment", p.ID) }
func (l LandedCost) NodeID() NodeID      { return NewNodeID("LandedCost", l.ID) }
func (p Product) NodeID() NodeID         { return NewNodeID("Product", p.ID) }
func (w Warehouse) NodeID() NodeID       { return NewNodeID("Warehouse", w.ID) }
func (e JournalEntry) NodeID() NodeID    { return NewNodeID("JournalEntry", e.ID) }
func (l BudgetLine) NodeID() NodeID      { return NewNodeID("BudgetLine", l.ID) }
func (d StockDocument) NodeID() NodeID   { return NewNodeID("StockDocument", d.ID) }
func (u User) NodeID() NodeID            { return NewNodeID("User", u.ID) }
func (c Category) NodeID() NodeID        { return NewNodeID("Category", c.ID) }
func (c OperatingCost) NodeID() NodeID   { return NewNodeID("OperatingCost", c.ID) }
func (a Alert) NodeID() NodeID           { return NewNodeID("Alert", a.ID) }
func (a Account) NodeID() NodeID         { return NewNodeKey("Account", a.Code) }
