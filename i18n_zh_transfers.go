package jxc

// Chinese messages of stock transfers (调拨, see stock_transfer.go).

func init() {
	RegisterMessages(LangZH, map[string]string{
		"a transfer goes to another warehouse than the one it leaves":                         "调拨的调入仓库须与调出仓库不同",
		"line {line} transfers the same product as line {earlier}; give one line per product": "第 {line} 行与第 {earlier} 行调拨同一商品；每个商品只填一行",
		"line {line} names the same transfer line as line {earlier}":                          "第 {line} 行与第 {earlier} 行是同一调拨行",
		"transfer {number} has no line {lineNo}":                                              "调拨单 {number} 没有第 {lineNo} 行",
		"only {inTransit} of line {lineNo} is in transit; cannot receive {requested}":         "第 {lineNo} 行在途仅 {inTransit}，不能收货 {requested}",
		"transfer {number} is {status}; it cannot be {action}":                                "调拨单 {number} 状态为 {status}，不能{action}",
		"a carrier claim names the carrier":                                                   "向承运商索赔须填写承运商",
		"transfer {number} shipped":                                                           "调拨单 {number} 发出",
		"transfer {number} received":                                                          "调拨单 {number} 收货",
		"transfer {number} short: claimed from carrier {carrier}":                             "调拨单 {number} 短少：向承运商 {carrier} 索赔",
		"transfer {number} short: written off as a loss":                                      "调拨单 {number} 短少：作为损失核销",
		"goods in transit": "在途物资",
		"transfer out":     "调拨出库",
		"transfer in":      "调拨入库",
		"shipped":          "发货",
		"received":         "收货",
		"settled":          "结算短少",
		"cancelled":        "取消",
		"no such transfer": "调拨单不存在",
		"transfer {number} has nothing in transit to settle": "调拨单 {number} 没有在途物资可结算",
		"stock transfer": "调拨单",
		"settle the shortfall or receive the rest (settleTransferShortfall, receiveStockTransfer)": "结算短少或收取其余货物（settleTransferShortfall、receiveStockTransfer）",
		"goods in transit 1402 differ from the in-transit value of open transfer lines":            "在途物资 1402 与未完成调拨行的在途价值不符",
	})
	RegisterReasons(map[string]string{
		"a transfer goes to another warehouse than the one it leaves":                         "INVALID_VALUE",
		"line {line} transfers the same product as line {earlier}; give one line per product": "DUPLICATE_LINE",
		"line {line} names the same transfer line as line {earlier}":                          "DUPLICATE_LINE",
		"only {inTransit} of line {lineNo} is in transit; cannot receive {requested}":         "OVER_RECEIVED",
		"transfer {number} is {status}; it cannot be {action}":                                "WRONG_STATUS",
		"a carrier claim names the carrier":                                                   "REQUIRED",
		"transfer {number} has nothing in transit to settle":                                  "WRONG_STATUS",
	})
}
