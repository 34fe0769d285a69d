package jxc

// Chinese messages of the partner module (see i18n.go).

func init() {
	RegisterMessages(LangZH, map[string]string{
		"a customer may have at most 20 addresses":  "一个客户最多 20 个地址",
		"a {partner} may have at most 20 contacts":  "一个{partner}最多 20 个联系人",
		"from ({from}) must not be after to ({to})": "开始日期（{from}）不得晚于结束日期（{to}）",
		"no such {what}":                   "{what}不存在",
		"{email} is not an e-mail address": "{email} 不是有效的电子邮件地址",
		"a tax ID is an 18-character unified social credit code or an old tax registration number of 15 to 20 letters and digits; {value} is neither": "税号应为 18 位统一社会信用代码，或 15 至 20 位字母和数字的旧税务登记号；{value} 都不是",
		"the bank account {value} must be up to 50 digits, letters, spaces or '-'":                                                                    "银行账号 {value} 最多 50 位，只能包含数字、字母、空格或“-”",
		"only one address may be the default":                                                 "只能有一个默认地址",
		"the minimum order quantity must be 0 or more with at most 4 decimals":                "最小订购量须大于或等于 0，最多 4 位小数",
		"supplier code {code} is already used":                                                "供应商编码 {code} 已被使用",
		"no free {partner} code was found after {tries} tries; give a code":                   "尝试 {tries} 次仍未找到可用的{partner}编码，请填写编码",
		"supplier {supplier} takes at least {min} of {product} per order; {quantity} is less": "供应商 {supplier} 的 {product} 每单至少订购 {min}，{quantity} 不足",
		"bank":              "开户银行",
		"invoice title":     "发票抬头",
		"address and phone": "地址电话",
		"bank and account":  "开户行及账号",
		"contact":           "联系人",
	})
	RegisterReasons(map[string]string{
		"a customer may have at most 20 addresses":  "OUT_OF_RANGE",
		"a {partner} may have at most 20 contacts":  "OUT_OF_RANGE",
		"from ({from}) must not be after to ({to})": "DATE_OUT_OF_RANGE",
		"{email} is not an e-mail address":          "BAD_FORMAT",
		"a tax ID is an 18-character unified social credit code or an old tax registration number of 15 to 20 letters and digits; {value} is neither": "BAD_FORMAT",
		"the bank account {value} must be up to 50 digits, letters, spaces or '-'":                                                                    "BAD_FORMAT",
		"only one address may be the default":                                  "INVALID_VALUE",
		"the minimum order quantity must be 0 or more with at most 4 decimals": "OUT_OF_RANGE",
		"supplier code {code} is already used":                                 "DUPLICATE_CODE",
		"no free {partner} code was found after {tries} tries; give a code":    "CONFLICT",
	})
}
