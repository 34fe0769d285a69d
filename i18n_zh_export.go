package jxc

// The Chinese texts of the export module's messages (bulk exports and the
// journal line list).
func init() {
	RegisterMessages(LangZH, map[string]string{
		"year must be between {min} and {max}":                       "年份须在 {min} 至 {max} 之间",
		"you have no such export job":                                "没有这个导出任务（或它不是您的）",
		"the export has already ended ({status})":                    "导出已经结束（{status}）",
		"the export has no file (it is {status})":                    "导出没有文件（状态：{status}）",
		"the variables are not valid JSON":                           "变量不是有效的 JSON",
		"the query is not valid GraphQL: {error}":                    "查询不是有效的 GraphQL：{error}",
		"the query must hold exactly one operation":                  "查询只能包含一个操作",
		"only a query can be exported, not a {operation}":            "只能导出查询（query），不能导出 {operation}",
		"the variable names {name} are kept for the export's paging": "变量名 {name} 由导出分页专用",
		"the query selects no connection (a list with pageInfo, such as journalLines or stockMoves): there is nothing to page through": "查询没有选择任何分页列表（带 pageInfo 的列表，如 journalLines 或 stockMoves），无可导出",
		"the query selects {count} connections ({paths}); an export pages through exactly one":                                         "查询选择了 {count} 个分页列表（{paths}）；一次导出只能分页读取一个",
		"the connection {path} is reached through the list {list}: it must be reached through single objects":                          "分页列表 {path} 位于列表 {list} 之下：它只能经由单个对象到达",
		"select the connection's nodes (or edges.node) to say which fields to export":                                                  "请选择分页列表的 nodes（或 edges.node），以指明要导出的字段",
		"even one node per page costs more than {max}, the limit of one operation: select fewer nested lists":                          "即使每页一条，查询成本也超过单次操作上限 {max}：请减少嵌套列表",
		"the export failed on the server; try again later":                                                                             "导出在服务器上失败，请稍后重试",
		"the export's owner may no longer sign in":                                                                                     "导出的所有者已不能登录",
		"the export stopped: {reason} ({code})":                                                                                        "导出已停止：{reason}（{code}）",
		"the export stopped: {path} is null":                                                                                           "导出已停止：{path} 为空",
		"this export expired: its file is kept for 7 days after it is written":                                                         "此导出已过期：文件在生成后保留 7 天",
	})
}
