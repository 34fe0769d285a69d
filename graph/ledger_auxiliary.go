package graph

import "github.com/jxcgraph/jxc"

// auxiliaryRef names the record of an auxiliary balance row when the row is
// of the dimension d.
func auxiliaryRef(d jxc.Dimension, kind jxc.RefKind) func(*jxc.AuxiliaryBalance) (jxc.RefKind, *int64) {
	return func(b *jxc.AuxiliaryBalance) (jxc.RefKind, *int64) {
		if b.Dimension != d {
			return "", nil
		}
		return kind, b.ValueID
	}
}

// auxiliaryLedger unwraps the service's result for the non-null field (a
// name the resolver's value argument does not shadow).
func auxiliaryLedger(l *jxc.AuxiliaryLedger, err error) (jxc.AuxiliaryLedger, error) {
	return value(l, err)
}

// auxiliaryLedgerLines is the page of lines of a sub-ledger as a connection.
func auxiliaryLedgerLines(l *jxc.AuxiliaryLedger, err error) (AuxiliaryLedgerLineConnection, error) {
	if err != nil {
		return AuxiliaryLedgerLineConnection{}, err
	}
	return connection(l.Page, nil, func(c string, n *jxc.AuxiliaryLedgerLine) *AuxiliaryLedgerLineEdge {
		return &AuxiliaryLedgerLineEdge{Cursor: c, Node: n}
	}, func(e []*AuxiliaryLedgerLineEdge, n []*jxc.AuxiliaryLedgerLine, pi *PageInfo, total int) AuxiliaryLedgerLineConnection {
		return AuxiliaryLedgerLineConnection{Edges: e, Nodes: n, PageInfo: pi, TotalCount: total}
	})
}
