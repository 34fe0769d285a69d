package jxc

// Chinese messages of the settings module (see i18n.go).

func init() {
	RegisterMessages(LangZH, map[string]string{
		"account {account} has a balance of {balance}; clear it to zero before deactivating the account":                                                  "科目 {account} 余额为 {balance}；请先清零再停用",
		"account {account} is used by the posting rules and cannot be deactivated":                                                                        "科目 {account} 被过账规则使用，不能停用",
		"line {line} of {order} ({product}): net price {price} is below the average cost {cost}; selling below cost needs a manager to confirm the order": "{order} 第 {line} 行（{product}）：净价 {price} 低于平均成本 {cost}；低于成本销售须由经理确认订单",
		"no account {account}": "科目 {account} 不存在",
		"posting opening stock needs the FINANCE or ADMIN role (separation of duties); the warehouse corrects stock with a stock adjustment":                      "过账期初库存需要财务 (FINANCE) 或管理员 (ADMIN) 角色（职责分离）；仓库请用库存调整更正库存",
		"raising the credit limit of customer {customer} from {from} to {to} needs the FINANCE or MANAGER role (separation of duties); it may be lowered":         "将客户 {customer} 的信用额度从 {from} 提高到 {to} 需要财务 (FINANCE) 或经理 (MANAGER) 角色（职责分离）；降低额度则不受限制",
		"the self-approval limit must be >= 0 (0: every order needs a second person)":                                                                             "自审批限额须大于或等于 0（0：每张订单都须由另一人审批）",
		"you created purchase order {order}; at {net} net it is above the self-approval limit {limit}, so another manager must approve it (separation of duties)": "采购订单 {order} 由您创建；其不含税金额 {net} 超过自审批限额 {limit}，须由另一位经理审批（职责分离）",
		"you posted supplier invoice {invoice}, so another finance user or a manager must approve its mismatch (separation of duties)":                            "供应商发票 {invoice} 由您过账，其差异须由另一位财务人员或经理审批（职责分离）",
	})
	RegisterReasons(map[string]string{
		"line {line} of {order} ({product}): net price {price} is below the average cost {cost}; selling below cost needs a manager to confirm the order": "BELOW_COST",
		"the self-approval limit must be >= 0 (0: every order needs a second person)":                                                                     "OUT_OF_RANGE",
	})
}
