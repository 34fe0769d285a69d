package graph

import "github.com/jxcgraph/jxc"

// statementLineUpdate translates updateStatementLine's input.
func statementLineUpdate(in UpdateStatementLineInput) jxc.StatementLineUpdate {
	u := jxc.StatementLineUpdate{Form: in.Form, LineNo: in.LineNo, Accounts: []jxc.StatementMapping{}}
	for _, a := range in.Accounts {
		sign := 1
		if a.Sign != nil {
			sign = *a.Sign
		}
		u.Accounts = append(u.Accounts, jxc.StatementMapping{Prefix: a.Prefix, Sign: sign, Rule: a.Rule})
	}
	return u
}
