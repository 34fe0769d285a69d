package jxc

// Chinese translations of the supplier returns' messages and stored texts
// (journal descriptions, line memos), keyed by their English template.
func init() {
	RegisterMessages(LangZH, map[string]string{
		"receipt line {line} is already returned on line {other} of this return":                                          "收货行 {line} 已在本退货单第 {other} 行退货",
		"only {allowed} of line {line} of receipt {receipt} may still go back to the supplier; cannot return {requested}": "收货单 {receipt} 第 {line} 行最多还可退货 {allowed}，不能退 {requested}",
		"goods returned to the supplier":                                   "退回供应商的货物",
		"goods returned before invoicing":                                  "开票前退货（冲减暂估应付）",
		"debit note":                                                       "红字发票（采购退货）",
		"input VAT on the debit note":                                      "红字发票进项税额转出",
		"return at the current average cost: price variance":               "按当前移动平均成本退货：价格差异",
		"supplier refund of a debit note":                                  "供应商退回红字发票款项",
		"receipt {receipt} has no line {line}":                             "收货单 {receipt} 没有第 {line} 行",
		"no supplier return has the number {number}":                       "没有编号为 {number} 的采购退货单",
		"supplier return {number} is {status}; cannot {action} it":         "采购退货单 {number} 状态为{status}，不能{action}",
		"a return may not be dated before its receipt ({date})":            "退货日期不得早于其收货日期（{date}）",
		"Return {number} to supplier {supplier} of receipt {receipt}":      "采购退货 {number}（供应商 {supplier}，收货单 {receipt}）",
		"no supplier invoice has the number {number}":                      "没有编号为 {number} 的供应商发票",
		"invoice {invoice} is not from the supplier of return {number}":    "发票 {invoice} 不属于退货单 {number} 的供应商",
		"the amount to apply must be more than 0 with at most 2 decimals":  "核销金额须大于 0，最多 2 位小数",
		"debit note {number} has only {open} open; cannot apply {amount}":  "红字发票 {number} 仅剩 {open} 未核销，不能核销 {amount}",
		"invoice {invoice} has only {open} open; cannot apply {amount}":    "发票 {invoice} 仅剩 {open} 未付，不能核销 {amount}",
		"debit note {number} has only {open} open; cannot refund {amount}": "红字发票 {number} 仅剩 {open} 未结清，不能退款 {amount}",
		"a refund may not be dated before its return ({date})":             "退款日期不得早于其退货日期（{date}）",
		"Refund of debit note {number} by supplier {supplier}":             "供应商 {supplier} 退回红字发票 {number} 款项",
		"supplier return": "采购退货单",
		"receive the goods again (postGoodsReceipt) or post a supplier invoice of the difference":      "重新收货（postGoodsReceipt）或按差额登记供应商发票",
		"supplier returns whose applied or refunded amount differs from their allocations and refunds": "核销或退款金额与其核销记录、退款记录不符的采购退货单",
		"receipt lines whose returned quantity differs from the posted supplier returns of them":       "退货数量与已过账采购退货不符的收货行",
		"posted supplier returns whose stock value differs from their stock moves":                     "库存金额与其库存流水不符的已过账采购退货单",
	})
}
