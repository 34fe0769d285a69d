package jxc

// Chinese messages of bins and putaway (see i18n.go).

func init() {
	RegisterMessages(LangZH, map[string]string{
		"bin move {note}": "移库 {note}",
		"only {onHand} of product {product} is in warehouse {warehouse}; cannot move {requested}": "商品 {product} 在仓库 {warehouse} 只有 {onHand}；无法移动 {requested}",
		"the target bin must differ from the bin the stock comes from":                            "目标库位须与来源库位不同",
		"zone {zone} must be up to 20 letters, digits, dots, dashes or underscores":               "库区 {zone} 最多 20 个字母、数字、点、连字符或下划线",
		"bin {location} holds only {quantity} of product {product}; cannot take out {requested}":  "库位 {location} 只有商品 {product} {quantity}；无法取出 {requested}",
		"no such bin move": "移库单不存在",
		"only {quantity} of product {product} is not yet put away; cannot put away {requested}": "商品 {product} 未上架的只有 {quantity}；无法上架 {requested}",
		"stock by bin differs from the warehouse's stock on hand":                               "库位库存与仓库在库数量不符",
	})
}
