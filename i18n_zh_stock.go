package jxc

// Chinese messages of the stock module (see i18n.go).

func init() {
	RegisterMessages(LangZH, map[string]string{
		"a decrease leaves at moving-average cost; give a unit cost only for increases":                                         "减少按移动平均成本出库；只有增加才填写单位成本",
		"direction must be INCREASE or DECREASE":                                                                                "方向须为 INCREASE 或 DECREASE",
		"line {line} has the same product and warehouse as line {earlier}; give one opening quantity per product and warehouse": "第 {line} 行与第 {earlier} 行的商品和仓库相同；每个商品和仓库只填一个期初数量",
		"location {location} is inactive":                                                                                       "库位 {location} 已停用",
		"location {location} is not in warehouse {warehouse}":                                                                   "库位 {location} 不在仓库 {warehouse} 中",
		"no such stock document":                                                                                                "库存单据不存在",
		"product {product} has no stock in this warehouse to take an average cost from: give a unit cost":                       "商品 {product} 在此仓库没有库存，无法取得平均成本：请填写单位成本",
		"scrap only takes stock out":                                                                                            "报废只能减少库存",
		"the fiscal period {period} is closed; post into an open period or ask finance to reopen it":                            "会计期间 {period} 已结账；请在未结账的期间过账，或请财务重新打开该期间",
		"unknown reason {reason}":                                                                                               "未知原因 {reason}",
		"{product} already has stock moves in warehouse {warehouse}; opening stock is posted once, before any other move: correct stock with a stock adjustment": "{product} 在仓库 {warehouse} 中已有库存变动；期初库存只能在其他变动之前过账一次：请用库存调整更正库存",
	})
	RegisterReasons(map[string]string{
		"line {line} has the same product and warehouse as line {earlier}; give one opening quantity per product and warehouse": "DUPLICATE_LINE",
		"location {location} is inactive": "INACTIVE",
		"product {product} has no stock in this warehouse to take an average cost from: give a unit cost":                                                        "REQUIRED",
		"the fiscal period {period} is closed; post into an open period or ask finance to reopen it":                                                             "PERIOD_CLOSED",
		"{product} already has stock moves in warehouse {warehouse}; opening stock is posted once, before any other move: correct stock with a stock adjustment": "ALREADY_POSTED",
	})
}
