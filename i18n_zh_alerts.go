package jxc

// Chinese translations of the alerts module's messages and stored texts
// (journal descriptions, line memos, alerts), keyed by their English template.
func init() {
	RegisterMessages(LangZH, map[string]string{
		"budget {budget} is {percent} percent consumed ({consumed} of {total})": "预算 {budget} 已使用百分之 {percent}（{consumed} / {total}）",
		"no such alert, or not one addressed to you":                            "提醒不存在，或不是发给您的",
		"{order} short on {lines} line(s): recorded as replenishment needs":     "{order} 有 {lines} 行缺货：已记为补货需求",
		"{order} {customer} on credit hold: {reason}":                           "{order} {customer} 信用冻结：{reason}",
		"{overdue} overdue": "逾期 {overdue}",
		"{product} in {warehouse}: {available} available, under its reorder point {reorderPoint} or safety stock {safetyStock}": "{warehouse} 中 {product} 可用 {available}，低于再订货点 {reorderPoint} 或安全库存 {safetyStock}",
		"{reason}": "{reason}",
		"{supplier} raised the price of {product} from {oldPrice} to {newPrice} (+{percent}%) on {order}": "{supplier} 在 {order} 上将 {product} 的价格从 {oldPrice} 提高到 {newPrice}（+{percent}%）",
	})
	RegisterReasons(map[string]string{
		"no such alert, or not one addressed to you": "NOT_FOUND",
	})
}
