package db

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

// dispatch is the demo's pick, pack and dispatch: the bins get a route,
// recent shipments are packed and dispatched with tracking in every
// delivery status, and one pick list is open over today's pending
// shipments of one warehouse.
func (st *demoStory) dispatch(ctx context.Context) error {
	as := st.b.as["warehouse"]
	svc := NewDispatchService(st.d, nil)
	// The route: bins in code order, per warehouse.
	if _, err := st.d.ExecContext(ctx, `UPDATE locations l SET pick_sequence = r.n * 10 FROM
		(SELECT id, row_number() OVER (PARTITION BY warehouse_id ORDER BY code) AS n FROM locations) r WHERE r.id = l.id`); err != nil {
		return err
	}
	var recent []string
	if err := st.d.SelectContext(ctx, &recent, `SELECT number FROM shipments WHERE status = 'SHIPPED' AND dispatched_at IS NULL
		ORDER BY posting_date DESC, id DESC LIMIT 8`); err != nil {
		return err
	}
	carriers := []string{"顺丰速运", "中通快递", "京东物流", "德邦快递"}
	// Per shipment, the carrier's reports after the dispatch.
	paths := [][]jxc.DeliveryStatus{{jxc.DeliveryInTransit, jxc.DeliveryDelivered}, {jxc.DeliveryInTransit}, {}, {jxc.DeliveryInTransit, jxc.DeliveryFailed},
		{jxc.DeliveryInTransit, jxc.DeliveryInTransit, jxc.DeliveryDelivered}, {jxc.DeliveryInTransit}, {}, {jxc.DeliveryFailed, jxc.DeliveryInTransit}}
	notes := map[jxc.DeliveryStatus]string{jxc.DeliveryInTransit: "已到达转运中心 arrived at the hub", jxc.DeliveryDelivered: "本人签收 signed for",
		jxc.DeliveryFailed: "收件人不在 recipient absent"}
	now := st.d.Now()
	for i, n := range recent {
		if _, err := svc.PackShipment(as, jxc.PackShipmentInput{ShipmentNumber: n, Parcels: []jxc.ParcelInput{
			{WeightKg: decimal.New(int64(25+i*7), -1), LengthCm: decimal.NewFromInt(60), WidthCm: decimal.NewFromInt(40), HeightCm: decimal.NewFromInt(35), Contents: jxc.Ptr("整箱 full carton")},
		}}); err != nil {
			return fmt.Errorf("demo pack %s: %w", n, err)
		}
		at := now.Add(-time.Duration(72-i*6) * time.Hour)
		tn := fmt.Sprintf("%s%s", []string{"SF", "ZT", "JD", "DB"}[i%4], strings.NewReplacer("-", "").Replace(n))
		if _, err := svc.DispatchShipment(as, jxc.DispatchShipmentInput{ShipmentNumber: n, Carrier: carriers[i%4], TrackingNumber: tn, At: &at}); err != nil {
			return fmt.Errorf("demo dispatch %s: %w", n, err)
		}
		for j, s := range paths[i%len(paths)] {
			if _, err := svc.UpdateDeliveryStatus(as, jxc.DeliveryStatusInput{TrackingNumber: tn, Status: s, At: at.Add(time.Duration(j+1) * 5 * time.Hour),
				Note: jxc.Ptr(notes[s])}); err != nil {
				return fmt.Errorf("demo delivery status %s: %w", n, err)
			}
		}
	}
	// One pick list open: up to three pending shipments of the warehouse
	// with the most of them.
	var pending []string
	if err := st.d.SelectContext(ctx, &pending, `SELECT number FROM shipments WHERE status = 'PENDING' AND warehouse_id =
		(SELECT warehouse_id FROM shipments WHERE status = 'PENDING' GROUP BY warehouse_id ORDER BY count(*) DESC, warehouse_id LIMIT 1)
		ORDER BY id LIMIT 3`); err != nil {
		return err
	}
	if len(pending) == 0 {
		return nil
	}
	if _, err := svc.CreatePickList(as, jxc.CreatePickListInput{ShipmentNumbers: pending}); err != nil {
		return fmt.Errorf("demo pick list: %w", err)
	}
	return nil
}
