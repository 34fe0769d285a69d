package jxc

// The Chinese texts of the statutory statements' messages.
func init() {
	RegisterMessages(LangZH, map[string]string{
		"the statement's year must be from 1900 to 9999":                             "报表年度须在 1900 至 9999 之间",
		"the statement's month must be from 1 to 12":                                 "报表月份须在 1 至 12 之间",
		"unknown statement form {form}":                                              "未知的报表 {form}",
		"{prefix} is not an account code (such as 1405 or 2221.01) or a class digit": "{prefix} 不是科目编码（如 1405 或 2221.01），也不是科目类别的一位数字",
		"the sign must be 1 or -1":                                                   "符号须为 1 或 -1",
		"rule {rule} does not apply on this form: the income statement takes MOVEMENT, the balance sheet BALANCE, DEBIT_BALANCE_ONLY or CREDIT_BALANCE_ONLY": "取数规则 {rule} 不适用于该报表：利润表取 MOVEMENT（发生额），资产负债表取 BALANCE（余额）、DEBIT_BALANCE_ONLY（仅借方余额）或 CREDIT_BALANCE_ONLY（仅贷方余额）",
		"{prefix} overlaps {other}, mapped on the same line: an account would count twice":                                                                   "{prefix} 与同一行次已设置的 {other} 重叠：科目会被重复计算",
		"the statement has no line {lineNo}":                                                   "报表没有第 {lineNo} 行",
		"line {lineNo} is a subtotal or total computed from other lines and takes no accounts": "第 {lineNo} 行是由其他行次计算的小计或合计，不能设置科目",
		"no account {prefix} or under it in the chart":                                         "科目表中没有科目 {prefix} 及其下级科目",
		"accounts the statutory statements leave out: a balance on no line of the balance sheet, or income or expense on no line of the income statement": "法定报表未取到的科目：有余额但不在资产负债表任何行次，或有发生额的损益类科目不在利润表任何行次",
	})
	RegisterReasons(map[string]string{
		"no account {prefix} or under it in the chart":                                         "UNKNOWN_ACCOUNT_PREFIX",
		"{prefix} is not an account code (such as 1405 or 2221.01) or a class digit":           "INVALID_ACCOUNT_PREFIX",
		"{prefix} overlaps {other}, mapped on the same line: an account would count twice":     "OVERLAPPING_ACCOUNT_PREFIX",
		"line {lineNo} is a subtotal or total computed from other lines and takes no accounts": "STATEMENT_LINE_COMPUTED",
	})
}
