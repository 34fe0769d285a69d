package graph

import "github.com/jxcgraph/jxc"

// accountLedgerConnection is a sub-ledger page as a connection, with the
// balances around its range.
func accountLedgerConnection(l *jxc.AccountLedger, err error) (AccountLedgerConnection, error) {
	if err != nil {
		return AccountLedgerConnection{}, err
	}
	return AccountLedgerConnection{Account: l.Account, From: l.From, To: l.To, Opening: &l.Opening, Closing: &l.Closing,
		PeriodDebit: l.PeriodDebit, PeriodCredit: l.PeriodCredit,
		Edges: edges(l.Lines, func(c string, n *jxc.AccountLedgerLine) *AccountLedgerLineEdge {
			return &AccountLedgerLineEdge{Cursor: c, Node: n}
		}),
		Nodes: l.Lines.Items, PageInfo: pageInfo(l.Lines), TotalCount: l.Lines.TotalCount}, nil
}
