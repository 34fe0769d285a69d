package jxc

// Chinese messages of the partner module (see i18n.go).

func init() {
	RegisterMessages(LangZH, map[string]string{
		"a customer may have at most 20 addresses":  "一个客户最多 20 个地址",
		"a {partner} may have at most 20 contacts":  "一个{partner}最多 20 个联系人",
		"from ({from}) must not be after to ({to})": "开始日期（{from}）不得晚于结束日期（{to}）",
		"no such {what}":                   "{what}不存在",
		"{email} is not an e-mail address": "{email} 不是有效的电子邮件地址",
	})
	RegisterReasons(map[string]string{
		"a customer may have at most 20 addresses":  "OUT_OF_RANGE",
		"a {partner} may have at most 20 contacts":  "OUT_OF_RANGE",
		"from ({from}) must not be after to ({to})": "DATE_OUT_OF_RANGE",
		"{email} is not an e-mail address":          "BAD_FORMAT",
	})
}
