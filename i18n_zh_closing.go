package jxc

// Chinese texts and specific reasons of closing vouchers, the voucher
// review step and the closing settings (ledger_closing.go, db/ledger_closing.go).
func init() {
	RegisterMessages(LangZH, map[string]string{
		"closed months whose income and expense (or, at year end, 3103) were not all carried forward": "已结账月份的损益类科目（或年末的 3103）未全部结转",
		"vouchers nobody reviewed in periods closed with the review step on":                          "启用审核后结账的期间中存在未审核的凭证",
		ClosingProfitText:   "结转 {period} 损益",
		ClosingYearText:     "结转 {year}年 本年利润至利润分配",
		ClosingReversalText: "冲销结转凭证 {voucher}（{period} 反结账）",
		"{count} vouchers of {period} are not reviewed ({vouchers}); review them before closing the period": "{period} 有 {count} 张凭证未审核（{vouchers}），请审核后再结账",
		"you made voucher {voucher}, so another finance user must review it (separation of duties)":         "凭证 {voucher} 由您制单，须由其他财务人员审核（不相容职务分离）",
		"name 1 to {max} vouchers":              "请指定 1 至 {max} 张凭证",
		"a voucher is named twice":              "同一张凭证指定了两次",
		"voucher {voucher} is already reviewed": "凭证 {voucher} 已审核",
		"voucher {voucher} is not reviewed":     "凭证 {voucher} 尚未审核",
		"voucher {voucher} lies in the closed period {period}; reopen the period to take its review back": "凭证 {voucher} 属于已结账的 {period}，请先反结账再取消审核",
		"no such voucher": "凭证不存在",
		"profit is carried forward MONTHLY or YEARLY, not {mode}": "结转损益方式须为 MONTHLY（按月）或 YEARLY（按年），不能为 {mode}",
		"the attached-documents count must be 0 to {max}":         "附单据数须在 0 至 {max} 之间",
	})
	RegisterReasons(map[string]string{
		"{count} vouchers of {period} are not reviewed ({vouchers}); review them before closing the period": "UNREVIEWED_VOUCHERS",
		"you made voucher {voucher}, so another finance user must review it (separation of duties)":         "OWN_VOUCHER_REVIEW",
		"voucher {voucher} is already reviewed":                                                             "ALREADY_REVIEWED",
		"voucher {voucher} is not reviewed":                                                                 "NOT_REVIEWED",
	})
}
