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
