package db

import (
	"context"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

// transfers are the demo's stock transfers between its first two
// warehouses, dated today: one received, one in transit, one received
// short and claimed from the carrier, so the transfer list and the
// in-transit stock have something to show.
func (st *demoStory) transfers(ctx context.Context) error {
	if len(st.b.warehouses) < 2 {
		return nil
	}
	from, to := st.b.warehouses[0], st.b.warehouses[1]
	var pids []int64
	if err := st.d.SelectContext(ctx, &pids, `SELECT product_id FROM stock_balances WHERE warehouse_id = $1 AND on_hand - reserved >= 10
		ORDER BY product_id LIMIT 3`, from.ID); err != nil {
		return err
	}
	if len(pids) < 3 {
		return nil
	}
	as := st.b.as["warehouse"]
	svc := NewStockTransferService(st.d)
	two := decimal.NewFromInt(2)
	for i, pid := range pids {
		tr, err := svc.CreateStockTransfer(as, jxc.StockTransferInput{FromWarehouseID: from.ID, ToWarehouseID: to.ID, TransferDate: &st.today,
			Carrier: jxc.Ptr([]string{"顺丰速运", "德邦物流", "中通快运"}[i]), Notes: jxc.Ptr("仓间调拨 rebalancing"),
			Lines: []jxc.StockTransferLineInput{{ProductID: pid, Quantity: decimal.NewFromInt(int64(4 + i))}}})
		if err != nil {
			return fmt.Errorf("demo transfer: %w", err)
		}
		if tr, err = svc.ShipStockTransfer(as, jxc.ShipStockTransferInput{Number: tr.Number, ShipDate: &st.today}); err != nil {
			return fmt.Errorf("demo transfer ship: %w", err)
		}
		switch i {
		case 0: // received whole
			_, err = svc.ReceiveStockTransfer(as, jxc.ReceiveStockTransferInput{Number: tr.Number, ReceiptDate: &st.today,
				Lines: []jxc.TransferQuantityInput{{LineNo: 1, Quantity: tr.Lines[0].Quantity}}})
		case 2: // received short, the rest claimed from the carrier
			if _, err = svc.ReceiveStockTransfer(as, jxc.ReceiveStockTransferInput{Number: tr.Number, ReceiptDate: &st.today,
				Lines: []jxc.TransferQuantityInput{{LineNo: 1, Quantity: tr.Lines[0].Quantity.Sub(two)}}}); err == nil {
				_, err = svc.SettleTransferShortfall(as, jxc.SettleTransferShortfallInput{Number: tr.Number, Date: &st.today,
					Reason: jxc.ShortfallCarrierClaim, Carrier: jxc.Ptr("中通快运")})
			}
		}
		if err != nil {
			return fmt.Errorf("demo transfer receipt: %w", err)
		}
	}
	return nil
}
