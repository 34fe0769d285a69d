package jxc

// Chinese messages of the settings module (see i18n.go).

func init() {
	RegisterMessages(LangZH, map[string]string{
		"account {account} has a balance of {balance}; clear it to zero before deactivating the account":                                                  "科目 {account} 余额为 {balance}；请先清零再停用",
		"account {account} is used by the posting rules and cannot be deactivated":                                                                        "科目 {account} 被过账规则使用，不能停用",
		"line {line} of {order} ({product}): net price {price} is below the average cost {cost}; selling below cost needs a manager to confirm the order": "{order} 第 {line} 行（{product}）：净价 {price} 低于平均成本 {cost}；低于成本销售须由经理确认订单",
		"no account {account}": "科目 {account} 不存在",
		"bank account":         "银行账号",
		"tax ID {value} must be 15 to 20 capital letters or digits (the unified social credit code has 18)":                                                       "纳税人识别号 {value} 须为 15 至 20 位大写字母或数字（统一社会信用代码为 18 位）",
		"time zone {value} is not an IANA time zone name such as Asia/Shanghai":                                                                                   "时区 {value} 不是 IANA 时区名称（例如 Asia/Shanghai）",
		"currency {value} must be an ISO 4217 code of 3 capital letters, such as CNY":                                                                             "币种 {value} 须为 3 位大写字母的 ISO 4217 代码，例如 CNY",
		"{kind} is not a numbered document kind":                                                                                                                  "{kind} 不是有编号规则的单据类型",
		"the prefix {prefix} is too long: at most 10 characters":                                                                                                  "前缀 {prefix} 过长：最多 10 个字符",
		"the prefix {prefix} must start with a letter, hold only letters A-Z, digits, '-' or '_', and not end with a digit":                                       "前缀 {prefix} 须以字母开头，只能包含字母 A-Z、数字、“-”或“_”，且不能以数字结尾",
		"the date part is NONE, YEAR or YEAR_MONTH, not {part}":                                                                                                   "日期部分须为 NONE、YEAR 或 YEAR_MONTH，而不是 {part}",
		"the running number is padded to 4 to 10 digits, not {padding}":                                                                                           "流水号位数须为 4 至 10 位，而不是 {padding}",
		"the prefix {prefix} already numbers {kind}; every kind needs its own prefix":                                                                             "前缀 {prefix} 已用于 {kind} 的编号；每种单据须有自己的前缀",
		"posting opening stock needs the FINANCE or ADMIN role (separation of duties); the warehouse corrects stock with a stock adjustment":                      "过账期初库存需要财务 (FINANCE) 或管理员 (ADMIN) 角色（职责分离）；仓库请用库存调整更正库存",
		"raising the credit limit of customer {customer} from {from} to {to} needs the FINANCE or MANAGER role (separation of duties); it may be lowered":         "将客户 {customer} 的信用额度从 {from} 提高到 {to} 需要财务 (FINANCE) 或经理 (MANAGER) 角色（职责分离）；降低额度则不受限制",
		"the self-approval limit must be >= 0 (0: every order needs a second person)":                                                                             "自审批限额须大于或等于 0（0：每张订单都须由另一人审批）",
		"you created purchase order {order}; at {net} net it is above the self-approval limit {limit}, so another manager must approve it (separation of duties)": "采购订单 {order} 由您创建；其不含税金额 {net} 超过自审批限额 {limit}，须由另一位经理审批（职责分离）",
		"you posted supplier invoice {invoice}, so another finance user or a manager must approve its mismatch (separation of duties)":                            "供应商发票 {invoice} 由您过账，其差异须由另一位财务人员或经理审批（职责分离）",
	})
	RegisterReasons(map[string]string{
		"tax ID {value} must be 15 to 20 capital letters or digits (the unified social credit code has 18)":                                               "BAD_FORMAT",
		"time zone {value} is not an IANA time zone name such as Asia/Shanghai":                                                                           "BAD_FORMAT",
		"currency {value} must be an ISO 4217 code of 3 capital letters, such as CNY":                                                                     "BAD_FORMAT",
		"the prefix {prefix} is too long: at most 10 characters":                                                                                          "TOO_LONG",
		"the prefix {prefix} must start with a letter, hold only letters A-Z, digits, '-' or '_', and not end with a digit":                               "BAD_FORMAT",
		"the running number is padded to 4 to 10 digits, not {padding}":                                                                                   "OUT_OF_RANGE",
		"the prefix {prefix} already numbers {kind}; every kind needs its own prefix":                                                                     "DUPLICATE_CODE",
		"line {line} of {order} ({product}): net price {price} is below the average cost {cost}; selling below cost needs a manager to confirm the order": "BELOW_COST",
		"the self-approval limit must be >= 0 (0: every order needs a second person)":                                                                     "OUT_OF_RANGE",
	})
}
