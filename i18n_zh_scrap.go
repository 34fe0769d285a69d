package jxc

// Chinese messages of scrap (报废) and slow movers (呆滞).

func init() {
	RegisterMessages(LangZH, map[string]string{
		"reason must be DAMAGED, EXPIRED, OBSOLETE or OTHER":                                                                          "原因须为 DAMAGED（损坏）、EXPIRED（过期）、OBSOLETE（淘汰）或 OTHER（其他）",
		"scrap date {date} is out of range":                                                                                           "报废日期 {date} 超出范围",
		"approving or rejecting a scrap needs the MANAGER or FINANCE role":                                                            "审批或驳回报废单需要经理或财务角色",
		"the approval threshold must be >= 0 (0: every scrap needs approval)":                                                         "审批金额门槛须 >= 0（0 表示每张报废单都需审批）",
		"idle days must be 1 to 3650":                                                                                                 "呆滞天数须为 1 到 3650",
		"no scrap {number}":                                                                                                           "报废单 {number} 不存在",
		"only {onHand} of {product} on hand in warehouse {warehouse}; cannot scrap {quantity}":                                        "仓库 {warehouse} 中 {product} 只有 {onHand}，不能报废 {quantity}",
		"scrap {number} is {status}; only a draft is submitted":                                                                       "报废单 {number} 状态为 {status}；只有草稿可以提交",
		"scrap {number} is {status}; only a scrap pending approval is approved":                                                       "报废单 {number} 状态为 {status}；只有待审批的报废单可以审批",
		"scrap {number} is {status}; only a scrap pending approval is rejected":                                                       "报废单 {number} 状态为 {status}；只有待审批的报废单可以驳回",
		"give the reason for rejecting (1 to 500 characters)":                                                                         "请填写驳回原因（1 到 500 个字符）",
		"scrap worth {value} is above the approval threshold {threshold}: write a scrap document for a manager or finance to approve": "报废金额 {value} 超过审批门槛 {threshold}：请填写报废单，由经理或财务审批",
		"note":               "备注",
		"count sheet number": "盘点单号",
	})
	RegisterReasons(map[string]string{
		"reason must be DAMAGED, EXPIRED, OBSOLETE or OTHER":                                                                          "INVALID_VALUE",
		"scrap date {date} is out of range":                                                                                           "DATE_OUT_OF_RANGE",
		"approving or rejecting a scrap needs the MANAGER or FINANCE role":                                                            "PERMISSION_REQUIRED",
		"the approval threshold must be >= 0 (0: every scrap needs approval)":                                                         "OUT_OF_RANGE",
		"idle days must be 1 to 3650":                                                                                                 "OUT_OF_RANGE",
		"no scrap {number}":                                                                                                           "NOT_FOUND",
		"only {onHand} of {product} on hand in warehouse {warehouse}; cannot scrap {quantity}":                                        "INSUFFICIENT_STOCK",
		"scrap {number} is {status}; only a draft is submitted":                                                                       "CONFLICT",
		"scrap {number} is {status}; only a scrap pending approval is approved":                                                       "CONFLICT",
		"scrap {number} is {status}; only a scrap pending approval is rejected":                                                       "CONFLICT",
		"give the reason for rejecting (1 to 500 characters)":                                                                         "REQUIRED",
		"scrap worth {value} is above the approval threshold {threshold}: write a scrap document for a manager or finance to approve": "PERMISSION_REQUIRED",
	})
}
