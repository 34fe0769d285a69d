package db

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

// Live turns the event stream into the typed changes the live graph
// pushes. Records an event refers to (its product, its warehouse) are
// loaded once per event per process, however many subscribers receive it.
type Live struct {
	events  *Events
	catalog *CatalogService
	sales   *SalesService

	mu   sync.Mutex
	memo map[int64]*memoEntry
}

type memoEntry struct {
	once sync.Once
	v    any
	err  error
}

// NewLive returns the live service over an event hub.
func NewLive(events *Events, catalog *CatalogService, sales *SalesService) *Live {
	return &Live{events: events, catalog: catalog, sales: sales, memo: map[int64]*memoEntry{}}
}

// shared runs load once per event for every subscriber in this process, on
// a context that does not end with the subscriber that started it.
func (l *Live) shared(ctx context.Context, seq int64, load func(ctx context.Context) (any, error)) (any, error) {
	return l.once(seq, func() (any, error) {
		lctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
		defer cancel()
		return load(lctx)
	})
}

// once computes f for event seq only once in this process.
func (l *Live) once(seq int64, f func() (any, error)) (any, error) {
	l.mu.Lock()
	e := l.memo[seq]
	if e == nil {
		e = &memoEntry{}
		l.memo[seq] = e
		if len(l.memo) > 4096 {
			for s := range l.memo {
				if s < seq-2048 {
					delete(l.memo, s)
				}
			}
		}
	}
	l.mu.Unlock()
	e.once.Do(func() { e.v, e.err = f() })
	if e.err != nil {
		// A failed load is not remembered: the next subscriber tries again.
		l.mu.Lock()
		if l.memo[seq] == e {
			delete(l.memo, seq)
		}
		l.mu.Unlock()
	}
	return e.v, e.err
}

type stockPayload struct {
	ProductID   int64           `json:"productId"`
	WarehouseID int64           `json:"warehouseId"`
	OnHand      decimal.Decimal `json:"onHand"`
	Reserved    decimal.Decimal `json:"reserved"`
	Value       decimal.Decimal `json:"value"`
}

// stream runs one subscription: it turns each event into a value with
// convert (nil: skip it) and sends it, or sends resync() once and ends when
// the subscriber fell too far behind.
func stream[T any](ctx context.Context, l *Live, topics []string, after int64, keep func(Event) bool,
	convert func(Event) (*T, error), resync func() T) (<-chan T, error) {
	sub, err := l.events.Subscribe(ctx, topics, after, keep)
	if err != nil {
		return nil, err
	}
	ch := make(chan T)
	go func() {
		defer close(ch)
		defer l.events.Unsubscribe(sub)
		for {
			select {
			case <-ctx.Done():
				return
			case _, ok := <-sub.C:
				if !ok {
					return
				}
			}
			evs, err := sub.Next()
			if errors.Is(err, ErrResync) {
				select {
				case ch <- resync():
				case <-ctx.Done():
				}
				return
			}
			for _, ev := range evs {
				v, err := convert(ev)
				if err != nil {
					l.events.log.Warn("live event", "topic", ev.Topic, "seq", ev.Seq, "err", err)
					continue
				}
				if v == nil {
					continue
				}
				select {
				case ch <- *v:
				case <-ctx.Done():
					return
				}
			}
		}
	}()
	return ch, nil
}

// StockLevelChanges streams committed stock level changes matching f. With
// after > 0 it first sends the changes after that sequence number.
func (l *Live) StockLevelChanges(ctx context.Context, f jxc.StockLevelFilter, after int64) (<-chan jxc.StockLevelChange, error) {
	keep := func(ev Event) bool {
		if f.ProductID == nil && f.WarehouseID == nil {
			return true
		}
		p, w, ok := strings.Cut(ev.Key, ":")
		if !ok {
			return false
		}
		return (f.ProductID == nil || strconv.FormatInt(*f.ProductID, 10) == p) &&
			(f.WarehouseID == nil || strconv.FormatInt(*f.WarehouseID, 10) == w)
	}
	return stream(ctx, l, []string{"stock"}, after, keep,
		func(ev Event) (*jxc.StockLevelChange, error) {
			v, err := l.shared(ctx, ev.Seq, func(ctx context.Context) (any, error) { return l.stockLevel(ctx, ev) })
			if err != nil {
				return nil, err
			}
			lvl := v.(*jxc.StockLevel)
			if !matchesStockFilter(lvl, f) {
				return nil, nil
			}
			return &jxc.StockLevelChange{Seq: ev.Seq, Level: lvl}, nil
		},
		func() jxc.StockLevelChange { return jxc.StockLevelChange{Resync: true} })
}

// AlertsRaised implements jxc.LiveService. The alert travels whole in the
// event, so no record is loaded per subscriber.
func (l *Live) AlertsRaised(ctx context.Context, kinds []string, ownerID *int64, after int64) (<-chan jxc.AlertChange, error) {
	keep := func(ev Event) bool {
		if len(kinds) == 0 {
			return true
		}
		kind, _, _ := strings.Cut(ev.Key, ":")
		return slices.Contains(kinds, kind)
	}
	return stream(ctx, l, []string{"alert"}, after, keep,
		func(ev Event) (*jxc.AlertChange, error) {
			var p struct {
				AlertID   int64            `json:"alertId"`
				Kind      string           `json:"kind"`
				Subject   string           `json:"subject"`
				Message   string           `json:"message"`
				Template  *string          `json:"messageTemplate"`
				Params    jxc.StoredParams `json:"-"`
				RawParams json.RawMessage  `json:"messageParams"`
				OwnerID   *int64           `json:"ownerId"`
				Audience  *jxc.Roles       `json:"audience"`
			}
			if err := json.Unmarshal(ev.Payload, &p); err != nil {
				return nil, err
			}
			if len(p.RawParams) > 0 {
				if err := p.Params.Scan([]byte(p.RawParams)); err != nil {
					return nil, err
				}
			}
			if ownerID != nil && p.OwnerID != nil && *p.OwnerID != *ownerID {
				return nil, nil
			}
			if p.Audience == nil { // raised before alerts had an audience
				a := jxc.AlertAudience(p.Kind)
				p.Audience = &a
			}
			// Only the alerts addressed to the subscriber (jxc.AlertAddressedTo).
			if u := jxc.UserFromContext(ctx); u != nil && !jxc.AlertAddressedTo(u, p.OwnerID, *p.Audience) {
				return nil, nil
			}
			return &jxc.AlertChange{Seq: ev.Seq, Alert: &jxc.Alert{ID: p.AlertID, Kind: p.Kind, Subject: p.Subject,
				Message: p.Message, MessageTemplate: p.Template, MessageParams: p.Params, OwnerID: p.OwnerID, Audience: *p.Audience, Payload: ev.Payload, CreatedAt: ev.At}}, nil
		},
		func() jxc.AlertChange { return jxc.AlertChange{Resync: true} })
}

// ReceivableChanges implements jxc.LiveService. The amounts are those the
// change committed; the customer record is loaded once per event.
func (l *Live) ReceivableChanges(ctx context.Context, f jxc.ReceivableFilter, after int64) (<-chan jxc.ReceivableChange, error) {
	keep := func(ev Event) bool {
		return f.CustomerID == nil || ev.Key == strconv.FormatInt(*f.CustomerID, 10)
	}
	return stream(ctx, l, []string{"receivable"}, after, keep,
		func(ev Event) (*jxc.ReceivableChange, error) {
			var p struct {
				CustomerID      string          `json:"customerId"`
				OpenBalance     decimal.Decimal `json:"openBalance"`
				OverdueAmount   decimal.Decimal `json:"overdueAmount"`
				CreditAvailable decimal.Decimal `json:"creditAvailable"`
				OnCreditHold    bool            `json:"onCreditHold"`
			}
			if err := json.Unmarshal(ev.Payload, &p); err != nil {
				return nil, err
			}
			id, err := strconv.ParseInt(p.CustomerID, 10, 64)
			if err != nil {
				return nil, err
			}
			v, err := l.shared(ctx, ev.Seq, func(ctx context.Context) (any, error) { return l.sales.FindCustomerByID(ctx, id) })
			if err != nil {
				return nil, err
			}
			c := v.(*jxc.Customer)
			if f.Region != nil && c.Region != *f.Region {
				return nil, nil
			}
			return &jxc.ReceivableChange{Seq: ev.Seq, Customer: c, OpenBalance: p.OpenBalance, OverdueAmount: p.OverdueAmount,
				CreditAvailable: p.CreditAvailable, OnCreditHold: p.OnCreditHold}, nil
		},
		func() jxc.ReceivableChange { return jxc.ReceivableChange{Resync: true} })
}

func (l *Live) stockLevel(ctx context.Context, ev Event) (*jxc.StockLevel, error) {
	var p stockPayload
	if err := json.Unmarshal(ev.Payload, &p); err != nil {
		return nil, err
	}
	prod, err := l.catalog.FindProductByID(ctx, p.ProductID)
	if err != nil {
		return nil, err
	}
	wh, err := l.catalog.FindWarehouseByID(ctx, p.WarehouseID)
	if err != nil {
		return nil, err
	}
	// What open transfers bring is read as it stands now (a transfer's
	// shipment announces the receiving level too: migration 0150).
	var inTransit decimal.Decimal
	if err := l.catalog.db.GetContext(ctx, &inTransit, `SELECT `+strings.TrimSuffix(inTransitInCol, " AS in_transit_in")+`
		FROM (SELECT $1::bigint AS product_id, $2::bigint AS warehouse_id) b`, p.ProductID, p.WarehouseID); err != nil {
		return nil, err
	}
	return &jxc.StockLevel{
		StockBalance: jxc.StockBalance{ProductID: p.ProductID, WarehouseID: p.WarehouseID, OnHand: p.OnHand, Reserved: p.Reserved, Value: p.Value},
		InTransitIn:  inTransit,
		Product:      prod,
		Warehouse:    wh,
	}, nil
}

// matchesStockFilter applies the filter fields that need the product or
// warehouse (ids were matched on the event key already).
func matchesStockFilter(l *jxc.StockLevel, f jxc.StockLevelFilter) bool {
	if f.CategoryID != nil && (l.Product.CategoryID == nil || *l.Product.CategoryID != *f.CategoryID) {
		return false
	}
	if f.Region != nil && l.Warehouse.Region != *f.Region {
		return false
	}
	if f.InStock != nil && *f.InStock != l.OnHand.IsPositive() {
		return false
	}
	// As the stockLevels query: true keeps levels under the reorder point;
	// false does not filter.
	if f.BelowReorderPoint != nil && *f.BelowReorderPoint && !l.Available().LessThan(l.Product.ReorderPoint) {
		return false
	}
	return true
}
