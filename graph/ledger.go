package graph

import "github.com/jxcgraph/jxc"

// periodPayload is the payload of closing or reopening a period.
func periodPayload(c *jxc.FiscalPeriodChange, err error) (FiscalPeriodPayload, error) {
	v, ues, err := mutationResult(c, err)
	out := FiscalPeriodPayload{Changed: []*jxc.FiscalPeriod{}, UserErrors: ues}
	if v != nil {
		out.Period, out.Changed, out.LockDate = v.Period, v.Changed, v.LockDate
	}
	return out, err
}
