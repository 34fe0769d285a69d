package main

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// A carrier integration (a warehouse API token) reports a delivery status
// over HTTP; a subscriber sees it live, the order's tracking shows it, and
// a sales user may not report one.
func TestCarrierReportsDeliveryStatusOverHTTPAndSubscribersSeeIt(t *testing.T) {
	app := newTestApp(t)
	wh := app.client(t).mustLogin("warehouse")
	var shs struct {
		Shipments struct {
			Nodes []struct {
				Number string
				Order  struct{ ID string }
			}
		}
	}
	wh.gql(`{ shipments(filter: {status: [SHIPPED]}, first: 50) { nodes { number order { id } } } }`, nil, &shs)
	// The demo dispatched its latest shipments: take one not yet dispatched.
	sh := shs.Shipments.Nodes[0]
	found := false
	for _, n := range shs.Shipments.Nodes {
		var tr struct{ ShipmentTracking *struct{ Status *string } }
		wh.gql(`query($n: String!) { shipmentTracking(shipmentNumber: $n) { status } }`, map[string]any{"n": n.Number}, &tr)
		if tr.ShipmentTracking == nil || tr.ShipmentTracking.Status == nil {
			sh, found = n, true
			break
		}
	}
	if !found {
		t.Fatal("the demo has no shipped shipment that is not dispatched")
	}
	var d struct {
		DispatchShipment struct {
			Tracking   *struct{ Status string }
			UserErrors []struct{ Message string }
		}
	}
	mustJSON(t, wh.do(`mutation($n: String!) { dispatchShipment(input: {shipmentNumber: $n, carrier: "顺丰速运", trackingNumber: "SF-API-1"}) {
		tracking { status } userErrors { message } } }`, map[string]any{"n": sh.Number}).Data, &d)
	if d.DispatchShipment.Tracking == nil || d.DispatchShipment.Tracking.Status != "DISPATCHED" {
		t.Fatalf("dispatch %+v", d)
	}
	var tok struct{ CreateApiToken struct{ Secret string } }
	mustJSON(t, wh.do(`mutation { createApiToken(name: "carrier") { secret userErrors { message } } }`, nil).Data, &tok)
	carrier := app.client(t)
	carrier.token = tok.CreateApiToken.Secret

	sales := app.client(t).mustLogin("sales")
	sub := sales.subscribe(`subscription($t: String) { deliveryStatusChanged(trackingNumber: $t) { shipmentNumber trackingNumber status note } }`,
		map[string]any{"t": "SF-API-1"})
	const report = `mutation($s: DeliveryStatus!, $at: Time!) { updateDeliveryStatus(trackingNumber: "SF-API-1", status: $s, at: $at, note: "杭州中转") {
		tracking { status events { status note } } userErrors { code field message } } }`
	at := time.Now().Add(time.Second).UTC().Format(time.RFC3339Nano)
	r := sales.do(report, map[string]any{"s": "IN_TRANSIT", "at": at})
	if len(r.Errors) == 0 || r.code() != "FORBIDDEN" {
		t.Fatalf("a sales user reported a delivery status: %+v", r)
	}
	var u struct {
		UpdateDeliveryStatus struct {
			Tracking *struct {
				Status string
				Events []struct{ Status, Note string }
			}
			UserErrors []struct{ Code, Field, Message string }
		}
	}
	mustJSON(t, carrier.do(report, map[string]any{"s": "IN_TRANSIT", "at": at}).Data, &u)
	if u.UpdateDeliveryStatus.Tracking == nil || u.UpdateDeliveryStatus.Tracking.Status != "IN_TRANSIT" || len(u.UpdateDeliveryStatus.Tracking.Events) != 2 {
		t.Fatalf("update %+v", u)
	}
	// The dispatch itself may reach the subscriber first (it was announced
	// just before the subscription started): the report follows it.
	var got struct {
		DeliveryStatusChanged struct{ ShipmentNumber, TrackingNumber, Status, Note string }
	}
	m := sub.next(5 * time.Second)
	if m != nil && json.Unmarshal(m, &got) == nil && got.DeliveryStatusChanged.Status == "DISPATCHED" {
		m = sub.next(5 * time.Second)
	}
	if m == nil || json.Unmarshal(m, &got) != nil || got.DeliveryStatusChanged.Status != "IN_TRANSIT" ||
		got.DeliveryStatusChanged.ShipmentNumber != sh.Number || got.DeliveryStatusChanged.Note != "杭州中转" {
		t.Fatalf("subscriber got %s", m)
	}
	// A delivered shipment stays delivered: a later report is refused with the field named.
	mustJSON(t, carrier.do(report, map[string]any{"s": "DELIVERED", "at": at}).Data, &u)
	mustJSON(t, carrier.do(report, map[string]any{"s": "FAILED", "at": at}).Data, &u)
	if len(u.UpdateDeliveryStatus.UserErrors) != 1 || u.UpdateDeliveryStatus.UserErrors[0].Field != "input.status" ||
		!strings.Contains(u.UpdateDeliveryStatus.UserErrors[0].Message, sh.Number) {
		t.Fatalf("after delivery %+v", u)
	}
	var o struct {
		SalesOrder struct {
			Tracking []struct {
				ShipmentNumber string
				Status         string
				Events         []struct{ Status string }
			}
		}
	}
	sales.gql(`query($id: ID!) { salesOrder(id: $id) { tracking { shipmentNumber status events { status } } } }`, map[string]any{"id": sh.Order.ID}, &o)
	found = false
	for _, tr := range o.SalesOrder.Tracking {
		if tr.ShipmentNumber == sh.Number {
			found = tr.Status == "DELIVERED" && len(tr.Events) == 3
		}
	}
	if !found {
		t.Fatalf("order tracking %+v", o)
	}
}
