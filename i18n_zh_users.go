package jxc

// Chinese messages of the users module (see i18n.go).

func init() {
	RegisterMessages(LangZH, map[string]string{
		"a user needs at least one role": "用户至少需要一个角色",
		"at most {max} live connections may be open per user; close another tab or window":         "每个用户最多可同时打开 {max} 个实时连接；请关闭其他标签页或窗口",
		"at most {max} subscriptions may be open per user":                                         "每个用户最多可同时打开 {max} 个订阅",
		"current password is required to change your own password":                                 "修改自己的密码须填写当前密码",
		"current password is wrong":                                                                "当前密码错误",
		"give a user name, an address or both":                                                     "请填写用户名、地址或两者",
		"name must be 1 to 100 characters":                                                         "名称须为 1 至 100 个字符",
		"no such user":                                                                             "用户不存在",
		"only administrators may set another user's password":                                      "只有管理员可以设置其他用户的密码",
		"password must be at least 4 characters":                                                   "密码至少 4 个字符",
		"the API token is unknown or revoked":                                                      "API 令牌不存在或已吊销",
		"the language must be ZH_CN or EN":                                                         "语言须为 ZH_CN 或 EN",
		"the session has ended; sign in again":                                                     "会话已结束，请重新登录",
		"the session or API token of this connection has ended; sign in again":                     "此连接的会话或 API 令牌已结束，请重新登录",
		"too many failed sign-ins for this user from this address; try again in {minutes} minutes": "该用户从此地址登录失败次数过多；请 {minutes} 分钟后再试",
		"too many failed sign-ins for this user; try again within the hour, or from an address you usually sign in from": "该用户登录失败次数过多；请一小时内再试，或从常用地址登录",
		"too many failed sign-ins from this address; try again within the hour":                                          "该地址登录失败次数过多；请一小时内再试",
		"unknown role {role}": "未知角色 {role}",
		"username must be 2 to 40 characters of a-z, 0-9, '.', '_' or '-'": "用户名须为 2 至 40 个字符，只能包含 a-z、0-9、'.'、'_' 或 '-'",
		"wrong user name or password":                                      "用户名或密码错误",
		"you have no such active API token":                                "您没有此有效的 API 令牌",
	})
	RegisterReasons(map[string]string{
		"a user needs at least one role":                                   "REQUIRED",
		"current password is required to change your own password":         "REQUIRED",
		"current password is wrong":                                        "WRONG_PASSWORD",
		"name must be 1 to 100 characters":                                 "TOO_LONG",
		"password must be at least 4 characters":                           "TOO_LONG",
		"username must be 2 to 40 characters of a-z, 0-9, '.', '_' or '-'": "BAD_FORMAT",
		"wrong user name or password":                                      "WRONG_PASSWORD",
	})
}
