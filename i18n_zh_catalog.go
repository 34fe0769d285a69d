package jxc

// Chinese messages of the catalog module (see i18n.go).

func init() {
	RegisterMessages(LangZH, map[string]string{
		"SKU {code} is already used by another product":                                       "商品编码 {code} 已被其他商品使用",
		"VAT rate must be a fraction from 0 to below 1 with at most 4 decimals, such as 0.13": "增值税税率须为 0 至小于 1 之间的小数，最多 4 位小数，例如 0.13",
		"a barcode must be 4 to 40 characters of 0-9, A-Z, a-z or '-'":                        "条码须为 4 至 40 个字符，只能包含 0-9、A-Z、a-z 或 '-'",
		"a product may have at most 20 barcodes":                                              "一个商品最多 20 个条码",
		"barcode {barcode} already belongs to product {product}":                              "条码 {barcode} 已属于商品 {product}",
		"barcode {barcode} is listed twice (also at line {earlier})":                          "条码 {barcode} 重复列出（第 {earlier} 行已有）",
		"group by CATEGORY, WAREHOUSE or REGION":                                              "请按 CATEGORY、WAREHOUSE 或 REGION 分组",
		"lead time must be 0 to 3650 days":                                                    "提前期须为 0 至 3650 天",
		"must be a quantity >= 0 with at most 4 decimals":                                     "须为大于或等于 0 的数量，最多 4 位小数",
		"name may have at most 100 characters":                                                "名称最多 100 个字符",
		"no product has barcode {barcode}":                                                    "没有商品使用条码 {barcode}",
		"no such category":                                                                    "分类不存在",
		"no such location":                                                                    "库位不存在",
	})
	RegisterReasons(map[string]string{
		"SKU {code} is already used by another product":                                       "DUPLICATE_CODE",
		"VAT rate must be a fraction from 0 to below 1 with at most 4 decimals, such as 0.13": "OUT_OF_RANGE",
		"a barcode must be 4 to 40 characters of 0-9, A-Z, a-z or '-'":                        "BAD_FORMAT",
		"a product may have at most 20 barcodes":                                              "OUT_OF_RANGE",
		"barcode {barcode} already belongs to product {product}":                              "DUPLICATE_CODE",
		"barcode {barcode} is listed twice (also at line {earlier})":                          "DUPLICATE_LINE",
		"lead time must be 0 to 3650 days":                                                    "OUT_OF_RANGE",
		"must be a quantity >= 0 with at most 4 decimals":                                     "OUT_OF_RANGE",
		"name may have at most 100 characters":                                                "TOO_LONG",
	})
}
