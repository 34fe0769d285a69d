package jxc

// Chinese messages of units of measure (see i18n.go).

func init() {
	RegisterMessages(LangZH, map[string]string{
		"product {product} has no unit {unit}; its units are {units}":                                                        "商品 {product} 没有单位 {unit}；其单位为 {units}",
		"quantity {quantity} has more decimals than unit {unit} allows ({places})":                                           "数量 {quantity} 的小数位超过单位 {unit} 允许的位数（{places} 位）",
		"{quantity} {unit} is {stock} in the stock unit, which is not a quantity of at most 4 decimals below 10,000,000,000": "{quantity} {unit} 折合库存单位为 {stock}，不是小于 10,000,000,000 且最多 4 位小数的数量",
		"a unit allows 0 to 4 decimals":                                                      "单位允许的小数位须为 0 至 4 位",
		"a product may have at most 20 units":                                                "一个商品最多有 20 个单位",
		"a unit's name must be 1 to 20 characters":                                           "单位名称须为 1 至 20 个字符",
		"{unit} is the stock unit; another unit needs another name":                          "{unit} 是库存单位；其他单位须另取名称",
		"unit {unit} is listed twice (also at line {earlier})":                               "单位 {unit} 重复列出（第 {earlier} 行已有）",
		"a unit's English name may have at most 40 characters":                               "单位英文名称最多 40 个字符",
		"the factor of unit {unit} must be > 0: it is how many {stockUnit} one {unit} holds": "单位 {unit} 的换算系数须大于 0：即一{unit}含多少{stockUnit}",
		"the factor of unit {unit} may have at most 4 decimals and must be below 1,000,000":  "单位 {unit} 的换算系数最多 4 位小数，且须小于 1,000,000",
		"{unit} is not one of the product's units":                                           "{unit} 不是该商品的单位",
	})
	RegisterReasons(map[string]string{
		"product {product} has no unit {unit}; its units are {units}": "NOT_FOUND",
		"unit {unit} is listed twice (also at line {earlier})":        "DUPLICATE_LINE",
	})
}
