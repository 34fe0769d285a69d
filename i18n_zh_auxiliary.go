package jxc

// Chinese texts of the auxiliary accounting messages (辅助核算).
func init() {
	RegisterMessages(LangZH, map[string]string{
		"journal lines on an account that requires a dimension without it":                                          "要求辅助核算的科目上缺少该核算项目的凭证行",
		"unknown dimension {dimension}; use one of CUSTOMER, SUPPLIER, DEPARTMENT, PRODUCT, WAREHOUSE, SALESPERSON": "未知的辅助核算项 {dimension}；可用 CUSTOMER、SUPPLIER、DEPARTMENT、PRODUCT、WAREHOUSE、SALESPERSON",
		"account {account} requires the {dimension} dimension on every line: give {field}":                          "科目 {account} 要求每行核算{dimension}：请填写 {field}",
		"account {parent} is posted to by the posting rules and cannot take sub-accounts":                           "科目 {parent} 由过账规则直接记账，不能增设明细科目",
		"direction must be DEBIT or CREDIT":                                                                         "余额方向须为 DEBIT（借）或 CREDIT（贷）",
		"{count} lines already posted to account {account} name no {dimension}; the account cannot require it":      "科目 {account} 已有 {count} 行分录未核算{dimension}，不能设为必填",
		"give both from and to":                          "请同时给出开始日期和结束日期",
		"the range starts on {from}, after its end {to}": "开始日期 {from} 晚于结束日期 {to}",
		"there is no account {account} in the chart":     "科目表中没有科目 {account}",
		"no {dimension} with that id":                    "没有该{dimension}",
	})
	RegisterReasons(map[string]string{
		"account {account} requires the {dimension} dimension on every line: give {field}": "DIMENSION_REQUIRED",
		"account {parent} is posted to by the posting rules and cannot take sub-accounts":  "POSTING_ACCOUNT_PROTECTED",
	})
}
