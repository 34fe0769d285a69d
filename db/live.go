package db

import (
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"sync"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

// Live turns the event stream into the typed changes the live graph
// pushes. Records an event refers to (its product, its warehouse) are
// loaded once per event per process, however many subscribers receive it.
type Live struct {
	events  *Events
	catalog *CatalogService

	mu   sync.Mutex
	memo map[int64]*memoEntry
}

type memoEntry struct {
	once sync.Once
	v    any
	err  error
}

// NewLive returns the live service over an event hub.
func NewLive(events *Events, catalog *CatalogService) *Live {
	return &Live{events: events, catalog: catalog, memo: map[int64]*memoEntry{}}
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
	return e.v, e.err
}

type stockPayload struct {
	ProductID   int64           `json:"productId"`
	WarehouseID int64           `json:"warehouseId"`
	OnHand      decimal.Decimal `json:"onHand"`
	Reserved    decimal.Decimal `json:"reserved"`
	Value       decimal.Decimal `json:"value"`
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
	sub, err := l.events.Subscribe(ctx, []string{"stock"}, after, keep)
	if err != nil {
		return nil, err
	}
	ch := make(chan jxc.StockLevelChange)
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
				case ch <- jxc.StockLevelChange{Resync: true}:
				case <-ctx.Done():
				}
				return
			}
			for _, ev := range evs {
				v, err := l.once(ev.Seq, func() (any, error) { return l.stockLevel(ctx, ev) })
				if err != nil {
					l.events.log.Warn("live stock level", "seq", ev.Seq, "err", err)
					continue
				}
				lvl := v.(*jxc.StockLevel)
				if !matchesStockFilter(lvl, f) {
					continue
				}
				select {
				case ch <- jxc.StockLevelChange{Seq: ev.Seq, Level: lvl}:
				case <-ctx.Done():
					return
				}
			}
		}
	}()
	return ch, nil
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
	return &jxc.StockLevel{
		StockBalance: jxc.StockBalance{ProductID: p.ProductID, WarehouseID: p.WarehouseID, OnHand: p.OnHand, Reserved: p.Reserved, Value: p.Value},
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
