package jxc

// Chinese messages of stock counts (see i18n.go).

func init() {
	RegisterMessages(LangZH, map[string]string{
		"ABC class must be A, B or C":                                         "ABC 分类须为 A、B 或 C",
		"a count interval is 1 to 60 months":                                  "盘点周期为 1 到 60 个月",
		"a counted quantity must be 0 or more with at most 4 decimals":        "盘点数量须大于等于 0，最多 4 位小数",
		"a damaged quantity must not be negative":                             "损坏数量不能为负",
		"a stock count is approved by a manager or finance":                   "盘点单须由经理或财务审批",
		"give the product or scan its barcode":                                "请填写商品或扫描条码",
		"no line of stock count {number} is over its tolerance":               "盘点单 {number} 没有超出容差的行",
		"no stock count {number}":                                             "盘点单 {number} 不存在",
		"no such active warehouse":                                            "仓库不存在或已停用",
		"no such bin in this warehouse":                                       "此仓库没有该库位",
		"stock count {number} has no such line":                               "盘点单 {number} 没有该行",
		"stock count {number} is {status}":                                    "盘点单 {number} 的状态为 {status}",
		"tolerance percent must be between 0 and 1000":                        "容差百分比须在 0 到 1000 之间",
		"tolerance value must not be negative":                                "容差金额不能为负",
		"stock count":                                                         "盘点单",
		"count the stock again and post a new count sheet (createStockCount)": "重新盘点并过账新的盘点单（createStockCount）",
	})
}
