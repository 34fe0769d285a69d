package graph

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/jxcgraph/jxc"
)

// Global object identification: node and nodes read any record by its
// global id (jxc.NodeID, "Customer:12"), with the rules of the type's own
// root field. The @dataClass rule needs nothing here: DataClassRule walks
// the fragments on the Node types like any other selection.

// maxNodes bounds the ids of one nodes call.
const maxNodes = 100

// nodeType is how the records of one Node type are read and guarded.
type nodeType struct {
	// root is the Query field that reads the type (by id, else its list):
	// its @hasRole is the type's.
	root string
	// finder is the service that keeps the type.
	finder func(r *Resolver) any
}

var nodeTypes = map[string]nodeType{
	"Customer":        {"customer", sales},
	"SalesOrder":      {"salesOrder", sales},
	"Shipment":        {"shipment", sales},
	"SalesInvoice":    {"salesInvoice", sales},
	"CustomerPayment": {"customerPayments", sales},
	"SalesReturn":     {"salesReturns", sales},
	"Supplier":        {"supplier", purchasing},
	"PurchaseOrder":   {"purchaseOrder", purchasing},
	"GoodsReceipt":    {"goodsReceipt", purchasing},
	"SupplierInvoice": {"supplierInvoice", purchasing},
	"SupplierPayment": {"supplierPayments", purchasing},
	"LandedCost":      {"landedCost", purchasing},
	"Product":         {"product", func(r *Resolver) any { return r.CatalogService }},
	"Warehouse":       {"warehouse", func(r *Resolver) any { return r.CatalogService }},
	"JournalEntry":    {"journalEntry", func(r *Resolver) any { return r.LedgerService }},
	"BudgetLine":      {"budgetLine", func(r *Resolver) any { return r.BudgetService }},
	"StockDocument":   {"stockDocument", func(r *Resolver) any { return r.StockService }},
	"User":            {"users", func(r *Resolver) any { return r.UserService }},
	"Category":        {"categories", func(r *Resolver) any { return r.CatalogService }},
	"OperatingCost":   {"operatingCosts", func(r *Resolver) any { return r.BudgetService }},
	// An alert not addressed to the caller is not found for them (null), as
	// in alerts.
	"Alert": {"alerts", func(r *Resolver) any { return r.BudgetService }},
	// Accounts are keyed by their code (Account:1122), not a database id.
	"Account": {"accounts", func(r *Resolver) any { return r.LedgerService }},
}

func sales(r *Resolver) any      { return r.SalesService }
func purchasing(r *Resolver) any { return r.PurchasingService }

// NodeTypeNames are the types node and nodes read, sorted (for the tests
// that check them against the schema's Node implementations).
func NodeTypeNames() []string {
	out := make([]string, 0, len(nodeTypes))
	for n := range nodeTypes {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// nodeRoles are the roles of each type's root field, read once from the
// schema so that node follows the field's rule when it changes.
var nodeRoles = sync.OnceValue(func() map[string][]jxc.Role {
	q := parsedSchema.Query
	out := map[string][]jxc.Role{}
	for typ, nt := range nodeTypes {
		f := q.Fields.ForName(nt.root)
		if f == nil {
			panic(fmt.Sprintf("node type %s: no Query.%s", typ, nt.root))
		}
		out[typ] = []jxc.Role{} // no @hasRole: every signed-in user
		if d := f.Directives.ForName("hasRole"); d != nil {
			for _, v := range d.Arguments.ForName("roles").Value.Children {
				out[typ] = append(out[typ], jxc.Role(v.Value.Raw))
			}
		}
	}
	return out
})

// mayRead returns nil when the caller may read records of typ, else the
// error: INVALID for a type without node ids, FORBIDDEN for a caller
// without a role of the type's root field.
func mayRead(ctx context.Context, typ string) error {
	nt, ok := nodeTypes[typ]
	if !ok {
		return jxc.Errorf(jxc.EINVALID, "no type {type} has node ids", jxc.P{"type": typ})
	}
	roles := nodeRoles()[typ]
	if len(roles) == 0 {
		return nil
	}
	if u := jxc.UserFromContext(ctx); !u.HasAnyRole(roles...) {
		return jxc.Errorf(jxc.EFORBIDDEN, "reading a {type} needs one of the roles {roles} (as {root} does)", jxc.P{"type": typ, "roles": roleList(roles), "root": nt.root})
	}
	return nil
}

// keyed reports whether typ's records are keyed by a code (accounts).
func keyed(typ string) bool { return typ == "Account" }

// findNodes reads the records of one type with the keys in one call of
// its service, by key.
func (r *Resolver) findNodes(ctx context.Context, typ string, keys []string) (map[string]any, error) {
	if keyed(typ) {
		f, _ := nodeTypes[typ].finder(r).(jxc.KeyedNodeFinder)
		if f == nil {
			return nil, fmt.Errorf("node type %s: its service does not find nodes", typ)
		}
		out, ok, err := f.FindKeyedNodes(ctx, typ, keys)
		if !ok && err == nil {
			err = fmt.Errorf("node type %s: its service does not keep it", typ)
		}
		return out, err
	}
	f, _ := nodeTypes[typ].finder(r).(jxc.NodeFinder)
	if f == nil {
		return nil, fmt.Errorf("node type %s: its service does not find nodes", typ)
	}
	ids := make([]int64, len(keys))
	for i, k := range keys {
		ids[i], _ = strconv.ParseInt(k, 10, 64) // checked by parseNodeID
	}
	rows, ok, err := f.FindNodes(ctx, typ, ids)
	if !ok && err == nil {
		err = fmt.Errorf("node type %s: its service does not keep it", typ)
	}
	out := make(map[string]any, len(rows))
	for id, row := range rows {
		out[strconv.FormatInt(id, 10)] = row
	}
	return out, err
}

// parseNodeID splits a node id into its type and key: a database id
// except for the keyed types.
func parseNodeID(n jxc.NodeID) (string, string, error) {
	typ, key, err := n.Parse()
	if err != nil || keyed(typ) {
		return typ, key, err
	}
	if _, _, err := n.ParseID(); err != nil {
		return "", "", err
	}
	return typ, key, nil
}

// node implements Query.node.
func (r *Resolver) node(ctx context.Context, nodeID jxc.NodeID) (jxc.Node, error) {
	typ, key, err := parseNodeID(nodeID)
	if err != nil {
		return nil, err
	}
	if err := mayRead(ctx, typ); err != nil {
		return nil, err
	}
	found, err := r.findNodes(ctx, typ, []string{key})
	if err != nil {
		return nil, err
	}
	n, _ := found[key].(jxc.Node)
	return n, nil
}

// nodes implements Query.nodes: the ids grouped by type, each type read in
// one call; an id of a type the caller may not read is null at its place
// with the error at its path.
func (r *Resolver) nodes(ctx context.Context, nodeIDs []jxc.NodeID) ([]jxc.Node, error) {
	if len(nodeIDs) > maxNodes {
		return nil, jxc.FieldErrorf(jxc.EINVALID, "nodeIds", "at most {max} node ids at once, not {count}", jxc.P{"max": maxNodes, "count": len(nodeIDs)})
	}
	type ref struct{ typ, key string }
	refs := make([]ref, len(nodeIDs))
	byType := map[string][]string{}
	var types []string
	for i, n := range nodeIDs {
		typ, key, err := parseNodeID(n)
		if err != nil {
			return nil, err
		}
		refs[i] = ref{typ, key}
		if _, seen := byType[typ]; !seen {
			types = append(types, typ)
		}
		byType[typ] = append(byType[typ], key)
	}
	found := map[string]map[string]any{}
	refused := map[string]error{}
	for _, typ := range types {
		if err := mayRead(ctx, typ); err != nil {
			refused[typ] = err
			continue
		}
		rows, err := r.findNodes(ctx, typ, byType[typ])
		if err != nil {
			return nil, err
		}
		found[typ] = rows
	}
	out := make([]jxc.Node, len(refs))
	for i, ref := range refs {
		if err, no := refused[ref.typ]; no {
			path := append(graphql.GetPath(ctx), ast.PathIndex(i))
			graphql.AddError(ctx, &gqlerror.Error{Err: err, Message: err.Error(), Path: path})
			continue
		}
		out[i], _ = found[ref.typ][ref.key].(jxc.Node)
	}
	return out, nil
}
