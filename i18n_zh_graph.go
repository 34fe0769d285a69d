package jxc

// Chinese messages of the graph module (see i18n.go).

func init() {
	RegisterMessages(LangZH, map[string]string{
		" (and {more} more)":                                                         "（另有 {more} 项）",
		"a date must be a string YYYY-MM-DD, not {type}":                             "日期须为 YYYY-MM-DD 格式的字符串，而不是 {type}",
		"a decimal must be a string, not {type}":                                     "十进制数须为字符串，而不是 {type}",
		"after must be a sequence number received earlier, a whole number >= 0":      "after 须为之前收到的序号，即大于或等于 0 的整数",
		"an ID must be a string, not {type}":                                         "ID 须为字符串，而不是 {type}",
		"analysts may read but not change anything":                                  "分析员只能查看，不能修改任何内容",
		"at most {max} node ids at once, not {count}":                                "一次最多 {max} 个节点 ID，而不是 {count} 个",
		"connection_init payload not understood; send an authToken or sign in":       "无法识别 connection_init 的内容；请发送 authToken 或先登录",
		"decimals must be sent as strings, not as floating-point numbers":            "十进制数须以字符串发送，而不是浮点数",
		"decimals must be sent as strings, such as \"{value}\", not as JSON numbers": "十进制数须以字符串发送，例如 \"{value}\"，而不是 JSON 数字",
		"internal error":              "内部错误",
		"no type {type} has node ids": "没有类型 {type} 的节点 ID",
		"not allowed with an API token; use a signed-in browser session":   "API 令牌不能执行此操作；请使用已登录的浏览器会话",
		"reading a {type} needs one of the roles {roles} (as {root} does)": "读取 {type} 需要以下角色之一：{roles}（与 {root} 相同）",
		"request cancelled or timed out":                                   "请求已取消或超时",
		"sign in first":                                                    "请先登录",
		"sign in first, or send `Authorization: Bearer <token>`":           "请先登录，或发送 `Authorization: Bearer <token>`",
		"sign in first, or send an authToken in connection_init":           "请先登录，或在 connection_init 中发送 authToken",
		"text may not contain NUL characters":                              "文本不能包含 NUL 字符",
		"the Authorization header must be `Bearer <token>`":                "Authorization 请求头须为 `Bearer <token>`",
		"the database is unavailable; try again shortly":                   "数据库暂时不可用，请稍后再试",
		"the password changed since this connection opened; reconnect":     "此连接打开后密码已更改；请重新连接",
		"the referenced record does not exist ({kind})":                    "引用的记录不存在（{kind}）",
		"the token in connection_init is unknown or revoked":               "connection_init 中的令牌不存在或已吊销",
		"the user's roles changed since this connection opened; reconnect": "此连接打开后用户角色已更改；请重新连接",
		"this needs one of the roles {roles}":                              "此操作需要以下角色之一：{roles}",
		"this took longer than the server allows (statement timeout); ask for less: a shorter period, a smaller page or a narrower filter": "处理时间超过服务器允许的上限（语句超时）；请缩小范围：更短的期间、更小的分页或更窄的筛选条件",
		"{value} is not a decimal number: write digits with an optional sign and '.'":                                                      "{value} 不是十进制数：请写数字，可带正负号和小数点 '.'",
		"{value} is not a valid ID": "{value} 不是有效的 ID",
	})
	RegisterReasons(map[string]string{
		"a date must be a string YYYY-MM-DD, not {type}":                              "BAD_FORMAT",
		"a decimal must be a string, not {type}":                                      "BAD_FORMAT",
		"an ID must be a string, not {type}":                                          "BAD_FORMAT",
		"at most {max} node ids at once, not {count}":                                 "OUT_OF_RANGE",
		"decimals must be sent as strings, not as floating-point numbers":             "BAD_FORMAT",
		"decimals must be sent as strings, such as \"{value}\", not as JSON numbers":  "BAD_FORMAT",
		"reading a {type} needs one of the roles {roles} (as {root} does)":            "FORBIDDEN",
		"this needs one of the roles {roles}":                                         "FORBIDDEN",
		"{value} is not a decimal number: write digits with an optional sign and '.'": "BAD_FORMAT",
		"{value} is not a valid ID":                                                   "BAD_FORMAT",
	})
}
