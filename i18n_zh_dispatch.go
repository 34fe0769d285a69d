package jxc

// Chinese messages of pick, pack and dispatch (see i18n.go).

func init() {
	RegisterMessages(LangZH, map[string]string{
		"pick list":                  "拣货单",
		"contents":                   "包裹内容",
		"note":                       "备注",
		"give at least one shipment": "请至少选择一张发货单",
		"at most {max} shipments on one pick list":                                                    "一张拣货单最多 {max} 张发货单",
		"shipment {shipment} is given twice (also at {earlier})":                                      "发货单 {shipment} 重复（另见第 {earlier} 个）",
		"pick list {list} is {status}; only an open pick list is picked":                              "拣货单 {list} {status}；只有待拣货的拣货单可以拣货",
		"picked quantity must be > 0 with at most 4 decimals":                                         "拣货数量须大于 0，最多 4 位小数",
		"line {line} asks for {quantity} and {picked} is picked; cannot pick {requested} more":        "第 {line} 行应拣 {quantity}，已拣 {picked}；不能再拣 {requested}",
		"give at least one parcel":                                                                    "请至少填写一个包裹",
		"at most {max} parcels per shipment":                                                          "每张发货单最多 {max} 个包裹",
		"must be > 0 and below 10000000 with at most {places} decimals":                               "须大于 0 且小于 10000000，最多 {places} 位小数",
		"the status time is required":                                                                 "状态时间为必填项",
		"unknown delivery status {status}":                                                            "未知的配送状态 {status}",
		"shipment {shipment} is not dispatched":                                                       "发货单 {shipment} 尚未发运",
		"shipment {shipment} is {from}; it cannot become {to}":                                        "发货单 {shipment} {from}，不能变为{to}",
		"the status time may not be before the dispatch ({at})":                                       "状态时间不能早于发运时间（{at}）",
		"no shipment has tracking number {trackingNumber}":                                            "没有运单号为 {trackingNumber} 的发货单",
		"shipment {shipment} is {status}; only a pending shipment is picked":                          "发货单 {shipment} {status}；只有待发货的发货单可以拣货",
		"shipment {shipment} is on open pick list {list}":                                             "发货单 {shipment} 已在待拣货的拣货单 {list} 中",
		"the shipments of one pick list leave from one warehouse; {shipment} leaves from {warehouse}": "一张拣货单的发货单须从同一仓库发出；{shipment} 从 {warehouse} 发出",
		"pick list {list} has no such line":                                                           "拣货单 {list} 没有此行",
		"{quantity} of {product} picked is not a whole number of {unit} ({factor} each): pick the rest of the unit or take the extra back": "{product} 已拣 {quantity}，不是整{unit}（每{unit} {factor}）：请拣足整{unit}或退回多拣的",
		"nothing is picked on pick list {list}":                                            "拣货单 {list} 尚未拣货",
		"shipment {shipment} is {status}; only a shipped shipment is packed or dispatched": "发货单 {shipment} {status}；只有已发货的发货单可以装箱或发运",
		"shipment {shipment} is already dispatched":                                        "发货单 {shipment} 已发运",
		"tracking number {trackingNumber} is already used by shipment {shipment}":          "运单号 {trackingNumber} 已被发货单 {shipment} 使用",
	})
	RegisterReasons(map[string]string{
		"shipment {shipment} is given twice (also at {earlier})":                                                                           "DUPLICATE_LINE",
		"{quantity} of {product} picked is not a whole number of {unit} ({factor} each): pick the rest of the unit or take the extra back": "INVALID_VALUE",
	})
}
