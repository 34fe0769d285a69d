package jxc

// Chinese translations of the analytics module's messages and stored texts
// (journal descriptions, line memos, alerts), keyed by their English template.
func init() {
	RegisterMessages(LangZH, map[string]string{
		"days must be 1 to 3650":                          "天数须为 1 至 3650",
		"first must be 1 to 200":                          "first 须为 1 至 200",
		"give both compareFrom and compareTo, or neither": "请同时给出 compareFrom 和 compareTo，或都不给",
		"limit must be 1 to 100":                          "数量上限须为 1 至 100",
		"rank by PRODUCT or CATEGORY":                     "请按 PRODUCT 或 CATEGORY 排名",
	})
	RegisterReasons(map[string]string{
		"days must be 1 to 3650":                          "OUT_OF_RANGE",
		"first must be 1 to 200":                          "OUT_OF_RANGE",
		"give both compareFrom and compareTo, or neither": "REQUIRED",
		"limit must be 1 to 100":                          "OUT_OF_RANGE",
		"rank by PRODUCT or CATEGORY":                     "INVALID_VALUE",
	})
}
