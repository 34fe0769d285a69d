package jxc

// Chinese for the messages of the ledger books (account balances, general
// ledger, sub-ledgers).
func init() {
	RegisterMessages(LangZH, map[string]string{
		"the first day":                        "起始日期",
		"the last day":                         "截止日期",
		"{field} must be a month from 1 to 12": "{field} 必须是 1 到 12 的月份",
		"{field} {year} is outside the years {first} to {last} the company works in": "{field} {year} 不在公司的业务年度 {first} 至 {last} 之内",
		"the range of periods ends ({to}) before it starts ({from})":                 "期间范围的结束期间（{to}）早于开始期间（{from}）",
		"a range of periods may have at most {max} months; this one has {months}":    "期间范围最多 {max} 个月，此范围有 {months} 个月",
		"the date range ends ({to}) before it starts ({from})":                       "日期范围的结束日期（{to}）早于开始日期（{from}）",
		"level must be 1 to {max}":                   "科目级次必须为 1 到 {max}",
		"no account code starts with {code}":         "没有以 {code} 开头的科目代码",
		"no account {code} in the chart of accounts": "科目表中没有科目 {code}",
	})
	RegisterReasons(map[string]string{
		"no account code starts with {code}":                         "ACCOUNT_NOT_FOUND",
		"no account {code} in the chart of accounts":                 "ACCOUNT_NOT_FOUND",
		"the range of periods ends ({to}) before it starts ({from})": "RANGE_REVERSED",
		"the date range ends ({to}) before it starts ({from})":       "RANGE_REVERSED",
	})
}
