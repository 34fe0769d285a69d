package jxc

import (
	"context"

	"github.com/shopspring/decimal"
)

// MonthlySales is one month's invoiced sales and gross margin, from the ledger.
type MonthlySales struct {
	Month       string          `db:"month"` // YYYY-MM
	Sales       decimal.Decimal `db:"sales"`
	COGS        decimal.Decimal `db:"cogs"`
	GrossProfit decimal.Decimal `db:"gross_profit"`
	GrossMargin *decimal.Decimal
}

// TopSellersBy is what best sellers are ranked by.
type TopSellersBy string

const (
	TopByProduct  TopSellersBy = "PRODUCT"
	TopByCategory TopSellersBy = "CATEGORY"
)

// TopSeller is a product or category with what it sold in a period.
type TopSeller struct {
	Key     string          `db:"key"`
	Label   string          `db:"label"`
	LabelEn string          `db:"label_en"`
	Units   decimal.Decimal `db:"units"`
	Revenue decimal.Decimal `db:"revenue"`
}

// SlowMover is stock that has not sold for a while.
type SlowMover struct {
	ProductID    int64           `db:"product_id"`
	WarehouseID  int64           `db:"warehouse_id"`
	SKU          string          `db:"sku"`
	Name         string          `db:"name"`
	Warehouse    string          `db:"warehouse"`
	OnHand       decimal.Decimal `db:"on_hand"`
	Value        decimal.Decimal `db:"value"`
	LastSaleDate *Date           `db:"last_sale_date"`
}

// AnalyticsService answers the dashboard's charts.
type AnalyticsService interface {
	SalesByMonth(ctx context.Context, from, to Date) ([]*MonthlySales, error)
	TopSellers(ctx context.Context, from, to Date, by TopSellersBy, limit int) ([]*TopSeller, error)
	// SlowMovingStock lists stock on hand with no sale in the last days
	// days (as of asOf), most valuable first.
	SlowMovingStock(ctx context.Context, asOf Date, days, limit int) ([]*SlowMover, error)
}
