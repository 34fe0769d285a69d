package jxc

// Chinese translations of the budget module's messages and stored texts
// (journal descriptions, line memos, alerts), keyed by their English template.
func init() {
	RegisterMessages(LangZH, map[string]string{
		"a cancellation may not be dated before the cost it cancels ({date})":                               "作废日期不得早于被作废费用的日期（{date}）",
		"account code must be 4 digits with up to three .NN sub-levels":                                     "科目代码须为 4 位数字，最多三级 .NN 子级",
		"account {account} groups other accounts; budget one of its sub-accounts":                           "科目 {account} 是汇总科目；请为其明细科目编制预算",
		"account {account} takes no postings (a header or inactive)":                                        "科目 {account} 不能记账（汇总科目或已停用）",
		"budget {budget} would be exceeded by {over}: consumed {consumed} + this {amount} > budget {total}": "预算 {budget} 将超支 {over}：已用 {consumed} + 本次 {amount} > 预算 {total}",
		"month must be 1 to 12": "月份须为 1 至 12",
		"no such budget line":   "预算行不存在",
		"no such user":          "用户不存在",
		"operating cost {number} has no journal entry to reverse":                                                                         "经营费用 {number} 没有可冲销的凭证",
		"operating cost {number} was already cancelled on {date}":                                                                         "经营费用 {number} 已于 {date} 作废",
		"operating cost {number} was billed by a supplier and stands on that supplier's invoice in payables; it cannot be cancelled here": "经营费用 {number} 由供应商开票，已列入应付账款中的供应商发票；不能在此作废",
		"policy must be WARN or BLOCK":                                                                                                    "控制方式须为 WARN 或 BLOCK",
		"roll up by DEPARTMENT or PERIOD":                                                                                                 "请按 DEPARTMENT 或 PERIOD 汇总",
		"unknown category {category}":                                                                                                     "未知的类别 {category}",
		"year must be 1900 to 9999":                                                                                                       "年份须为 1900 至 9999",
	})
	RegisterReasons(map[string]string{
		"a cancellation may not be dated before the cost it cancels ({date})":                               "DATE_OUT_OF_RANGE",
		"account code must be 4 digits with up to three .NN sub-levels":                                     "INVALID_VALUE",
		"account {account} groups other accounts; budget one of its sub-accounts":                           "HEADER_ACCOUNT",
		"account {account} takes no postings (a header or inactive)":                                        "NOT_POSTABLE",
		"budget {budget} would be exceeded by {over}: consumed {consumed} + this {amount} > budget {total}": "BUDGET_EXCEEDED",
		"month must be 1 to 12": "OUT_OF_RANGE",
		"no such budget line":   "NOT_FOUND",
		"no such category":      "NOT_FOUND",
		"no such user":          "NOT_FOUND",
		"operating cost {number} has no journal entry to reverse":                                                                         "NOT_POSTED",
		"operating cost {number} was already cancelled on {date}":                                                                         "ALREADY_CANCELLED",
		"operating cost {number} was billed by a supplier and stands on that supplier's invoice in payables; it cannot be cancelled here": "BILLED_BY_SUPPLIER",
		"policy must be WARN or BLOCK":                                                                                                    "INVALID_VALUE",
		"roll up by DEPARTMENT or PERIOD":                                                                                                 "INVALID_VALUE",
		"unknown category {category}":                                                                                                     "INVALID_VALUE",
		"year must be 1900 to 9999":                                                                                                       "OUT_OF_RANGE",
	})
}
