package jxc

// Chinese messages of batches and expiry (see i18n.go).

func init() {
	RegisterMessages(LangZH, map[string]string{
		"batch number {value} must be 1 to 40 letters, digits or . _ / -":                                              "批次号 {value} 须为 1 到 40 个字母、数字或 . _ / -",
		"only a batch-tracked product can track expiry dates":                                                          "只有按批次管理的商品才能管理保质期",
		"shelf life must be 1 to 36500 days":                                                                           "保质期天数须为 1 到 36500",
		"product {product} is batch-tracked: stock coming in needs its batch number":                                   "商品 {product} 按批次管理：入库须填写批次号",
		"the batches of product {product} hold only {available} in warehouse {warehouse}; cannot take out {requested}": "商品 {product} 在仓库 {warehouse} 的批次只有 {available}；无法出库 {requested}",
		"a batch does not hold enough stock for this posting":                                                          "批次库存不足，无法过账",
		"product {product} is batch-tracked: give the batch number":                                                    "商品 {product} 按批次管理：请填写批次号",
		"product {product} tracks expiry: give the batch's expiry date":                                                "商品 {product} 管理保质期：请填写批次的到期日",
		"the expiry date {expiry} is before the production date {production}":                                          "到期日 {expiry} 早于生产日期 {production}",
		"batch {batch} of product {product} expires on {expiry}, not {given}":                                          "商品 {product} 的批次 {batch} 到期日为 {expiry}，不是 {given}",
		"batch balances that differ from the stock balance or from their batch's moves":                                "批次结存与库存余额或批次的库存变动不符",
		"no such batch":                                               "批次不存在",
		"product {product} has no batch {batch}":                      "商品 {product} 没有批次 {batch}",
		"product {product} is not batch-tracked: leave the batch out": "商品 {product} 未按批次管理：请不要填写批次",
		"batch {batch} of product {product} holds only {available} in warehouse {warehouse}; cannot take out {requested}": "商品 {product} 的批次 {batch} 在仓库 {warehouse} 只有 {available}；无法出库 {requested}",
		"product {product} has stock moves: batch tracking is switched only before its first stock move":                  "商品 {product} 已有库存变动：只能在首次库存变动之前切换批次管理",
		"expiry alert days must be 1 to 3650":                                             "临期预警天数须为 1 到 3650",
		"batch {batch} of {product} in {warehouse} expires on {expiry}: {onHand} on hand": "{warehouse} 中 {product} 的批次 {batch} 将于 {expiry} 到期：在库 {onHand}",
	})
}
