package jxc

// Chinese translations of the workbench's texts (the reasons its to-do
// lines give), keyed by their English template.
func init() {
	RegisterMessages(LangZH, map[string]string{
		"a workbench section lists 1 to {max} lines":                                                                "工作台每栏列出 1 至 {max} 行",
		"draft, promised for {date}: confirm it to reserve the stock":                                               "草稿，承诺交期 {date}：请确认以预留库存",
		"{quantity} short in warehouse {warehouse}: waiting for replenishment":                                      "仓库 {warehouse} 缺货 {quantity}：等待补货",
		"{order} was promised for {date}, {days} day(s) ago: pick and ship it":                                      "{order} 承诺交期 {date}，已过 {days} 天：请拣货发运",
		"{order} is promised for {date}: pick and ship it":                                                          "{order} 承诺交期 {date}：请拣货发运",
		"expected {days} day(s) ago; {quantity} still to receive":                                                   "预计到货已过 {days} 天；尚有 {quantity} 未收货",
		"expected today; {quantity} to receive":                                                                     "预计今天到货；待收 {quantity}",
		"{available} available in warehouse {warehouse}, under the reorder point {reorderPoint}":                    "仓库 {warehouse} 可用 {available}，低于再订货点 {reorderPoint}",
		"draft, expected {date}: submit it for approval":                                                            "草稿，预计到货 {date}：请提交审批",
		"submitted {date}; {net} net is above the self-approval limit {limit}: a manager approves it":               "{date} 提交；不含税金额 {net} 超过自批限额 {limit}：须由经理审批",
		"submitted {date}: waiting for approval":                                                                    "{date} 提交：等待审批",
		"price raised from {oldPrice} to {newPrice}":                                                                "价格由 {oldPrice} 涨至 {newPrice}",
		"{issues} mismatch(es) with order {order} beyond tolerance: approve or correct it":                          "与订单 {order} 有 {issues} 处差异超出容差：请审批或更正",
		"overdue by {days} day(s)":                                                                                  "已逾期 {days} 天",
		"due today":                                                                                                 "今天到期",
		"due in {days} day(s)":                                                                                      "{days} 天后到期",
		"month {period} has ended and is still open: close it":                                                      "{period} 已结束但仍未结账：请结账",
		"{order} was promised for {date}, {days} day(s) ago, and is not shipped yet":                                "{order} 承诺交期 {date}，已过 {days} 天，尚未发货",
		"{order} is promised for {date}, not shipped yet":                                                           "{order} 承诺交期 {date}，尚未发货",
		"line {line} ({product}): net price {price} is below the average cost {cost}; a manager confirms the order": "第 {line} 行（{product}）：净价 {price} 低于平均成本 {cost}；须由经理确认订单",
		"the inventory account differs from the stock ledger's value by {difference}":                               "库存商品科目与库存账面价值相差 {difference}",
	})
	RegisterReasons(map[string]string{
		"a workbench section lists 1 to {max} lines": "OUT_OF_RANGE",
	})
}
