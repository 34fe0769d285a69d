package jxc

// Chinese messages of the kpi module (see i18n.go).

func init() {
	RegisterMessages(LangZH, map[string]string{
		"a period may span at most 5 years":                 "期间最长 5 年",
		"a start date is required":                          "须填写开始日期",
		"the end date {to} is before the start date {from}": "结束日期 {to} 早于开始日期 {from}",
	})
	RegisterReasons(map[string]string{
		"a period may span at most 5 years":                 "OUT_OF_RANGE",
		"a start date is required":                          "REQUIRED",
		"the end date {to} is before the start date {from}": "DATE_OUT_OF_RANGE",
	})
}
