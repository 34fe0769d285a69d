package jxc

// Chinese texts of the VAT messages (ledger_vat.go, db/ledger_vat.go).
func init() {
	RegisterMessages(LangZH, map[string]string{
		"the invoice code has 10 or 12 digits; {value} has not":                                                                        "发票代码应为 10 位或 12 位数字，{value} 不符合",
		"the invoice number has 8 or 20 digits; {value} has not":                                                                       "发票号码应为 8 位或 20 位数字，{value} 不符合",
		"an invoice with an 8-digit number needs its invoice code":                                                                     "8 位发票号码的发票须填写发票代码",
		"a fully digital invoice (20-digit number) has no invoice code":                                                                "全电发票（20 位发票号码）没有发票代码",
		"an invoice number needs the kind of invoice (special or ordinary)":                                                            "填写发票号码时须选择发票种类（专票或普票）",
		"an invoice code needs its invoice number":                                                                                     "填写发票代码时须填写发票号码",
		"{value} is not a kind of VAT invoice":                                                                                         "{value} 不是增值税发票种类",
		"the check character of tax ID {value} is wrong: {expected} is expected (GB 32100-2015)":                                       "税号 {value} 的校验码有误，应为 {expected}（GB 32100-2015）",
		"a tax ID (unified social credit code) has 18 characters, digits and capital letters except I, O, S, V and Z; {value} has not": "税号（统一社会信用代码）应为 18 位数字或大写字母（不含 I、O、S、V、Z），{value} 不符合",
		"give either a sales invoice or a supplier invoice":                                                                            "请指定一张销售发票或一张供应商发票（只能二选一）",
		"the year must be between 2000 and 2100":                                                                                       "年份须在 2000 至 2100 之间",
		"a month is 1 to 12":                                                                                                           "月份须为 1 至 12",
		"the last month may not be before the first":                                                                                   "截止月份不能早于起始月份",
		"the invoice does not exist":                                                                                                   "该发票不存在",
	})
	RegisterReasons(map[string]string{
		"the check character of tax ID {value} is wrong: {expected} is expected (GB 32100-2015)": "TAX_ID_CHECKSUM",
	})
}
