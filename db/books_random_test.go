package db_test

import (
	"context"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
)

// randomEvents is how many events TestRandomEventsKeepTheBooksReconciled
// posts: JXC_RANDOM_EVENTS, 10,000 by default (short mode: 1,000).
func randomEvents() int {
	if s := os.Getenv("JXC_RANDOM_EVENTS"); s != "" {
		if n, err := strconv.Atoi(s); err == nil && n > 0 {
			return n
		}
	}
	if testing.Short() {
		return 1000
	}
	return 10000
}

// outcome is what the test expects of one event.
type outcome int

const (
	mustPost    outcome = iota // succeeds
	mayOverdraw                // succeeds, or is refused because a concurrent issue took the stock
	mustRefuse                 // is refused with the given code and field
)

type randomEvent struct {
	name    string
	outcome outcome
	code    string
	field   string
	run     func(ctx context.Context) (*result, error)
}

// result is what a posted event wrote, to add up what the tables must hold.
type result struct {
	moves   map[jxc.StockKey]decimal.Decimal
	nMoves  int
	entries int
	docs    int
	bank    decimal.Decimal
}

// moreRandomEvents are the random events of the warehouse operations
// (transfers, counts, scrap, supplier returns...): each module's test file
// adds its maker in an init function, so the modules do not share one
// switch. A maker returns nil when it has nothing to do (e.g. nothing in
// transit to receive); the test then draws a core event.
var moreRandomEvents []randomEventMaker

// randomEventMaker makes one random event of a module on the given day;
// key draws a product and a warehouse index (b.pid, b.wid).
type randomEventMaker func(b *books, r *rand.Rand, day jxc.Date, key func(*rand.Rand) (int, int)) *randomEvent

func randDec(r *rand.Rand, max int64, places int32) decimal.Decimal {
	return decimal.New(1+r.Int64N(max), -places)
}

func TestRandomEventsKeepTheBooksReconciled(t *testing.T) {
	const (
		workers    = 8
		nProducts  = 24
		nWarehouse = 3
		batchSize  = 500
	)
	total := randomEvents()
	ctx := context.Background()
	b := newBooks(t, nProducts, nWarehouse)
	// Opening stock is one of the random events, on keys that already
	// moved: the once-per-key control of the company settings is off.
	setDuties(t, b.d, jxc.CompanySettingsUpdate{OpeningStockByFinance: jxc.Ptr(false)})
	start := jxc.Date{Year: 2026, Month: 3, Day: 1}
	closed := jxc.Date{Year: 2026, Month: 1, Day: 15}
	backDated := jxc.Date{Year: 2026, Month: 2, Day: 15}
	if _, err := b.ledger.CloseFiscalPeriod(ctx, 2026, 1, false); err != nil {
		t.Fatal(err)
	}
	// Every product moves on the first day, so a stock posting in February is back-dated.
	expected := map[jxc.StockKey]decimal.Decimal{}
	var open []jxc.OpeningStockLine
	for p := range nProducts {
		for w := range nWarehouse {
			q := decimal.New(int64(10+p+w), 0)
			open = append(open, jxc.OpeningStockLine{ProductID: b.pid(p), WarehouseID: b.wid(w), Quantity: q, UnitCost: dec("12.345678")})
			expected[jxc.StockKey{ProductID: b.pid(p), WarehouseID: b.wid(w)}] = q
		}
	}
	if _, err := b.stock.PostOpeningStock(ctx, jxc.OpeningStock{Date: start, Lines: open}); err != nil {
		t.Fatal(err)
	}
	nMoves, nEntries, nDocs, bank := len(open), 1, 1, decimal.Zero

	key := func(r *rand.Rand) (int, int) { return r.IntN(nProducts), r.IntN(nWarehouse) }
	budget := db.NewBudgetService(b.d)
	costs := &costPool{}
	stockResult := func(doc *jxc.StockDocument) *result {
		res := &result{moves: map[jxc.StockKey]decimal.Decimal{}, nMoves: len(doc.Lines), docs: 1}
		for _, l := range doc.Lines {
			k := jxc.StockKey{ProductID: l.ProductID, WarehouseID: l.WarehouseID}
			res.moves[k] = res.moves[k].Add(l.Quantity)
		}
		if doc.JournalEntryID != nil {
			res.entries = 1
		}
		return res
	}
	newEvent := func(r *rand.Rand, day jxc.Date) randomEvent {
		// About a third of the events come from the modules' makers.
		if len(moreRandomEvents) > 0 && r.IntN(3) == 0 {
			if ev := moreRandomEvents[r.IntN(len(moreRandomEvents))](b, r, day, key); ev != nil {
				return *ev
			}
		}
		switch n := r.IntN(100); {
		case n < 12:
			p, w := key(r)
			e := jxc.OpeningStock{Date: day, Lines: []jxc.OpeningStockLine{{ProductID: b.pid(p), WarehouseID: b.wid(w),
				Quantity: randDec(r, 500000, 4), UnitCost: randDec(r, 100000000, 6)}}}
			return randomEvent{name: "opening stock", run: func(ctx context.Context) (*result, error) {
				doc, err := b.stock.PostOpeningStock(ctx, e)
				if err != nil {
					return nil, err
				}
				return stockResult(doc), nil
			}}
		case n < 35:
			e := jxc.StockAdjustment{Date: day, Reason: jxc.ReasonCountVariance}
			for range 1 + r.IntN(3) {
				p, w := key(r)
				e.Lines = append(e.Lines, jxc.AdjustmentLine{ProductID: b.pid(p), WarehouseID: b.wid(w), Direction: jxc.Increase,
					Quantity: randDec(r, 200000, 4), UnitCost: jxc.Ptr(randDec(r, 50000000, 6))})
			}
			return randomEvent{name: "receipt-like increase", run: func(ctx context.Context) (*result, error) {
				doc, err := b.stock.PostStockAdjustment(ctx, e)
				if err != nil {
					return nil, err
				}
				return stockResult(doc), nil
			}}
		case n < 62:
			reason := jxc.ReasonScrap
			if r.IntN(2) == 0 {
				reason = jxc.ReasonCountVariance
			}
			e := jxc.StockAdjustment{Date: day, Reason: reason}
			for range 1 + r.IntN(2) {
				p, w := key(r)
				e.Lines = append(e.Lines, jxc.AdjustmentLine{ProductID: b.pid(p), WarehouseID: b.wid(w), Direction: jxc.Decrease,
					Quantity: randDec(r, 300000, 4)})
			}
			return randomEvent{name: "issue or scrap", outcome: mayOverdraw, run: func(ctx context.Context) (*result, error) {
				doc, err := b.stock.PostStockAdjustment(ctx, e)
				if err != nil {
					return nil, err
				}
				return stockResult(doc), nil
			}}
		case n < 74:
			amount := randDec(r, 10000000, 2)
			e := jxc.ManualEntry{Date: start.AddDays(r.IntN(25)), Description: "office costs", Lines: []jxc.ManualLine{
				{AccountCode: "6602", Debit: amount, CostCentre: jxc.Ptr("ADMIN")}, {AccountCode: "1002", Credit: amount}}}
			reverse := r.IntN(5) == 0
			return randomEvent{name: "manual entry", run: func(ctx context.Context) (*result, error) {
				m, err := b.ledger.PostManualEntry(ctx, e)
				if err != nil || !reverse {
					return &result{entries: 1, bank: amount.Neg()}, err
				}
				// A manual entry reverses alone: it is its own document.
				if _, err := b.ledger.ReverseJournalEntry(ctx, m.ID, e.Date, ""); err != nil {
					if isCode(err, jxc.EPERIODCLOSED) {
						// March closed between the entry and its reversal:
						// the entry stands, and only the reversal was refused.
						return &result{entries: 1, bank: amount.Neg()}, nil
					}
					return nil, err
				}
				return &result{entries: 2}, nil
			}}
		case n < 78:
			in := jxc.OperatingCostInput{Category: jxc.CostOverhead, PostingDate: day, CostCentre: "ADMIN", AccountCode: "6602",
				Amount: randDec(r, 1000000, 2).Add(dec("0.01")), PayFrom: jxc.PayFromBank, Description: "utilities"}
			return randomEvent{name: "operating cost", run: func(ctx context.Context) (*result, error) {
				c, err := budget.PostOperatingCost(ctx, in)
				if err != nil {
					return nil, err
				}
				costs.put(c)
				return &result{entries: 1, bank: in.Amount.Neg()}, nil
			}}
		case n < 80:
			c := costs.take(r)
			if c == nil {
				break
			}
			if r.IntN(2) == 0 {
				// The cost's entry alone is refused: the cost would still count.
				return randomEvent{name: "reversal of an operating cost's entry", outcome: mustRefuse, code: jxc.ECONFLICT, field: "input.id",
					run: func(ctx context.Context) (*result, error) {
						defer costs.put(c)
						_, err := b.ledger.ReverseJournalEntry(ctx, *c.JournalEntryID, day, "")
						return nil, err
					}}
			}
			return randomEvent{name: "operating cost cancelled", run: func(ctx context.Context) (*result, error) {
				if _, err := budget.CancelOperatingCost(ctx, jxc.CancelOperatingCostInput{ID: c.ID, PostingDate: &day, Reason: "posted in error"}); err != nil {
					return nil, err
				}
				return &result{entries: 1, bank: c.Amount}, nil
			}}
		}
		return refusal(r, b, day, closed, backDated, key)
	}

	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d, %d events, %d workers", seed, total, workers)
	var posted, refused, overdrawn, locked int
	began := time.Now()
	for batch := 0; batch*batchSize < total; batch++ {
		day := start.AddDays(1 + batch)
		n := min(batchSize, total-batch*batchSize)
		var mu sync.Mutex
		var wg sync.WaitGroup
		// Every other batch, March (the month being posted into) closes
		// while the workers post: each posting lands before the close or is
		// refused as PERIOD_CLOSED, never behind it (booksCheck's lock date
		// rule checks that below). February, never posted into, closes with
		// it as closeEarlier asks.
		closing := batch%2 == 1
		var closeErr error
		if closing {
			wg.Add(1)
			go func() {
				defer wg.Done()
				time.Sleep(time.Duration(1+batch%7) * time.Millisecond)
				_, closeErr = b.ledger.CloseFiscalPeriod(ctx, 2026, 3, true)
			}()
		}
		for w := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r := rand.New(rand.NewPCG(seed, uint64(batch*workers+w)))
				for i := w; i < n; i += workers {
					ev := newEvent(r, day)
					res, err := ev.run(ctx)
					mu.Lock()
					switch {
					case err == nil && ev.outcome != mustRefuse:
						posted++
						for k, q := range res.moves {
							expected[k] = expected[k].Add(q)
						}
						nMoves += res.nMoves
						nEntries += res.entries
						nDocs += res.docs
						bank = bank.Add(res.bank)
					case err == nil:
						t.Errorf("%s was posted but must be refused", ev.name)
					case closing && isCode(err, jxc.EPERIODCLOSED):
						locked++
					case ev.outcome == mustRefuse:
						refused++
						if es, ok := jxc.AsErrors(err); !ok || es[0].Code != ev.code || es[0].Field != ev.field {
							t.Errorf("%s: want %s on %s, got %v", ev.name, ev.code, ev.field, err)
						}
					case ev.outcome == mayOverdraw:
						overdrawn++
						if es, ok := jxc.AsErrors(err); !ok || es[0].Code != jxc.ECONFLICT || !strings.HasSuffix(es[0].Field, ".quantity") {
							t.Errorf("%s: want an overdraw refusal, got %v", ev.name, err)
						}
					default:
						t.Errorf("%s: %v", ev.name, err)
					}
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		if closeErr != nil {
			t.Fatalf("closing March while posting: %v", closeErr)
		}
		if closing {
			nEntries += carriedMarch(t, b)
		}
		if t.Failed() {
			t.FailNow()
		}
		// After each batch: the invariants hold (voucher numbers among them:
		// 1..n per month though refusals ran between the postings), and the
		// tables hold exactly what the posted events wrote, so no refused
		// event left anything, nor consumed a voucher number.
		b.mustCheck(t)
		b.checkTotals(t, expected, nMoves, nEntries, nDocs, bank)
		// And one of each refusal, alone, leaves every table as it was (the
		// voucher counters too: the snapshot holds them).
		r := rand.New(rand.NewPCG(seed, uint64(1_000_000+batch)))
		for kind := range 4 {
			ev := refusalOf(kind, r, b, day, closed, backDated, key)
			before := snapshot(t, b.d)
			if _, err := ev.run(ctx); err == nil {
				t.Fatalf("%s was posted", ev.name)
			}
			if after := snapshot(t, b.d); after != before {
				t.Fatalf("%s left something behind:\nbefore %s\nafter  %s", ev.name, before, after)
			}
		}
		if closing {
			nEntries += reopenMarch(t, b, day)
		}
	}
	// The journal filtered by account counts its entries from the per-day
	// totals: the count equals the entries that have a line on it.
	for _, acct := range []string{"1405", "1002", "6602", "6401"} {
		for _, f := range []jxc.JournalEntryFilter{{AccountCode: jxc.Ptr(acct)}, {AccountCode: jxc.Ptr(acct), Year: jxc.Ptr(2026), Month: jxc.Ptr(2)},
			{AccountCode: jxc.Ptr(acct), DateFrom: jxc.Ptr(jxc.Date{Year: 2026, Month: 2, Day: 10})}} {
			pg, err := b.ledger.FindJournalEntries(ctx, f, nil, jxc.PageArgs{First: jxc.Ptr(1)})
			if err != nil {
				t.Fatal(err)
			}
			from, to := jxc.Date{Year: 1, Month: 1, Day: 1}, jxc.Date{Year: 9999, Month: 12, Day: 31}
			if f.Year != nil {
				from, to = jxc.Date{Year: 2026, Month: 2, Day: 1}, jxc.Date{Year: 2026, Month: 2, Day: 28}
			}
			if f.DateFrom != nil {
				from = *f.DateFrom
			}
			var want int
			if err := b.d.GetContext(ctx, &want, `SELECT count(DISTINCT entry_id) FROM journal_lines WHERE account_code = $1 AND posting_date BETWEEN $2 AND $3`,
				acct, from, to); err != nil {
				t.Fatal(err)
			}
			if pg.TotalCount != want || (want > 0) != (len(pg.Items) == 1) {
				t.Fatalf("journal of %s (%+v): total %d, %d items; the lines say %d", acct, f, pg.TotalCount, len(pg.Items), want)
			}
		}
	}
	// Auxiliary accounting: the inventory account per product is the stock
	// ledger's value per product, and per warehouse the rows add up to the
	// account (booksCheck's DIMENSION_MISSING ran after every batch).
	checkInventoryByDimension(t, b)
	var cancelled, counting int
	if err := b.d.QueryRowContext(ctx, `SELECT count(*) FILTER (WHERE status = 'CANCELLED'), count(*) FILTER (WHERE status = 'POSTED') FROM operating_costs`).
		Scan(&cancelled, &counting); err != nil {
		t.Fatal(err)
	}
	t.Logf("operating costs: %d cancelled, %d counting", cancelled, counting)
	if total >= 1000 && (cancelled == 0 || counting == 0) {
		t.Errorf("the mix is off: %d operating costs cancelled, %d counting", cancelled, counting)
	}
	elapsed := time.Since(began)
	t.Logf("%d events in %s (%.0f/s): %d posted, %d refused as they must be, %d issues refused for lack of stock, %d refused by a concurrent close",
		total, elapsed.Round(time.Millisecond), float64(total)/elapsed.Seconds(), posted, refused, overdrawn, locked)
	// Four in ten at least post: with the warehouse operations' events
	// (multi-step transfers, counts, pick lists) about half do, the rest
	// refused by the rules, for lack of stock or by a concurrent close.
	if posted < total*2/5 || refused < total/10 {
		t.Errorf("the mix is off: %d posted, %d refused", posted, refused)
	}
}

func isCode(err error, code string) bool {
	es, ok := jxc.AsErrors(err)
	return ok && es[0].Code == code
}

// reopenMarch: with March (and February) closed, a posting dated in March
// is refused and writes nothing; a reopening without a reason is refused;
// reopening February states why and reopens March with it, so the next
// batch posts into March again. January stays closed.
// openClosingVouchers counts March's closing vouchers not reversed.
func openClosingVouchers(t *testing.T, b *books) int {
	t.Helper()
	var n int
	if err := b.d.GetContext(context.Background(), &n, `SELECT count(*) FROM journal_entries e WHERE e.source_type = 'CLOSING'
		AND e.reverses_id IS NULL AND e.posting_date BETWEEN '2026-03-01' AND '2026-03-31'
		AND NOT EXISTS (SELECT 1 FROM journal_entries r WHERE r.reverses_id = e.id)`); err != nil {
		t.Fatal(err)
	}
	return n
}

// carriedMarch: closing March carried its income and expense to 3103 by
// one closing voucher (none when there was nothing to carry), the income
// statement and 3103 agree with the journal lines; it returns the entries
// the close posted.
func carriedMarch(t *testing.T, b *books) int {
	t.Helper()
	checkCarried(t, b.d, b.ledger, 2026, 3)
	types, want := accountTypes(t, b.d), 0
	for code, net := range monthMovement(t, b.d, 2026, 3, false) {
		if tp := types[code]; (tp == jxc.AccountRevenueT || tp == jxc.AccountExpense) && !net.IsZero() {
			want = 1
		}
	}
	if got := openClosingVouchers(t, b); got != want {
		t.Fatalf("closing March left %d closing vouchers standing, want %d", got, want)
	}
	return want
}

// reopenMarch reopens March (with February) and returns the entries that
// posted: the reversals of its closing vouchers.
func reopenMarch(t *testing.T, b *books, day jxc.Date) int {
	t.Helper()
	ctx := context.Background()
	closing := openClosingVouchers(t, b)
	before := snapshot(t, b.d)
	_, err := b.ledger.PostManualEntry(ctx, jxc.ManualEntry{Date: day, Description: "late", Lines: []jxc.ManualLine{
		{AccountCode: "6602", Debit: dec("1")}, {AccountCode: "1002", Credit: dec("1")}}})
	if !isCode(err, jxc.EPERIODCLOSED) {
		t.Fatalf("posting into closed March: want PERIOD_CLOSED, got %v", err)
	}
	if _, err := b.ledger.ReopenFiscalPeriod(ctx, 2026, 2, ""); !isCode(err, jxc.EINVALID) {
		t.Fatalf("reopening without a reason: %v", err)
	}
	if after := snapshot(t, b.d); after != before {
		t.Fatalf("refused posting or reopening left something behind:\nbefore %s\nafter  %s", before, after)
	}
	c, err := b.ledger.ReopenFiscalPeriod(ctx, 2026, 2, "random test: the next batch posts into March")
	if err != nil {
		t.Fatal(err)
	}
	jan31 := jxc.Date{Year: 2026, Month: 1, Day: 31}
	if c.LockDate == nil || *c.LockDate != jan31 || c.Changed[len(c.Changed)-1].Month != 3 {
		t.Fatalf("reopening February: %+v", c)
	}
	if n := openClosingVouchers(t, b); n != 0 {
		t.Fatalf("reopening March left %d closing vouchers standing", n)
	}
	b.mustCheck(t)
	return closing
}

func refusal(r *rand.Rand, b *books, day, closed, backDated jxc.Date, key func(*rand.Rand) (int, int)) randomEvent {
	return refusalOf(r.IntN(4), r, b, day, closed, backDated, key)
}

// refusalOf builds an event that must be refused: an overdraw, a posting
// into a closed period, a back-dated stock posting, an unbalanced entry.
func refusalOf(kind int, r *rand.Rand, b *books, day, closed, backDated jxc.Date, key func(*rand.Rand) (int, int)) randomEvent {
	p, w := key(r)
	adjust := func(e jxc.StockAdjustment) func(ctx context.Context) (*result, error) {
		return func(ctx context.Context) (*result, error) {
			_, err := b.stock.PostStockAdjustment(ctx, e)
			return nil, err
		}
	}
	switch kind {
	case 0:
		return randomEvent{name: "overdraw", outcome: mustRefuse, code: jxc.ECONFLICT, field: "input.lines.0.quantity",
			run: adjust(jxc.StockAdjustment{Date: day, Reason: jxc.ReasonScrap, Lines: []jxc.AdjustmentLine{
				{ProductID: b.pid(p), WarehouseID: b.wid(w), Direction: jxc.Decrease, Quantity: dec("1000000000")}}})}
	case 1:
		amount := randDec(r, 100000, 2)
		e := jxc.ManualEntry{Date: closed, Description: "late", Lines: []jxc.ManualLine{
			{AccountCode: "6602", Debit: amount}, {AccountCode: "1002", Credit: amount}}}
		if r.IntN(2) == 0 {
			return randomEvent{name: "stock into a closed period", outcome: mustRefuse, code: jxc.EPERIODCLOSED, field: "input.postingDate",
				run: adjust(jxc.StockAdjustment{Date: closed, Reason: jxc.ReasonCountVariance, Lines: []jxc.AdjustmentLine{
					{ProductID: b.pid(p), WarehouseID: b.wid(w), Direction: jxc.Increase, Quantity: dec("1"), UnitCost: jxc.Ptr(dec("1"))}}})}
		}
		return randomEvent{name: "entry into a closed period", outcome: mustRefuse, code: jxc.EPERIODCLOSED, field: "input.postingDate",
			run: func(ctx context.Context) (*result, error) {
				_, err := b.ledger.PostManualEntry(ctx, e)
				return nil, err
			}}
	case 2:
		return randomEvent{name: "back-dated stock posting", outcome: mustRefuse, code: jxc.ECONFLICT, field: "input.postingDate",
			run: adjust(jxc.StockAdjustment{Date: backDated, Reason: jxc.ReasonCountVariance, Lines: []jxc.AdjustmentLine{
				{ProductID: b.pid(p), WarehouseID: b.wid(w), Direction: jxc.Increase, Quantity: dec("1"), UnitCost: jxc.Ptr(dec("1"))}}})}
	}
	amount := randDec(r, 100000, 2)
	e := jxc.ManualEntry{Date: day, Description: "unbalanced", Lines: []jxc.ManualLine{
		{AccountCode: "6602", Debit: amount}, {AccountCode: "1002", Credit: amount.Add(dec("0.01"))}}}
	return randomEvent{name: "unbalanced entry", outcome: mustRefuse, code: jxc.EINVALID, field: "input.lines",
		run: func(ctx context.Context) (*result, error) {
			_, err := b.ledger.PostManualEntry(ctx, e)
			return nil, err
		}}
}

// checkTotals compares the tables with what the posted events wrote.
func (b *books) checkTotals(t *testing.T, expected map[jxc.StockKey]decimal.Decimal, nMoves, nEntries, nDocs int, bank decimal.Decimal) {
	t.Helper()
	ctx := context.Background()
	var bals []jxc.StockBalance
	if err := b.d.SelectContext(ctx, &bals, `SELECT product_id, warehouse_id, on_hand, reserved, value FROM stock_balances`); err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, bal := range bals {
		want := expected[bal.Key()]
		if !bal.OnHand.Equal(want) {
			t.Errorf("product %d warehouse %d: on hand %s, posted events add up to %s", bal.ProductID, bal.WarehouseID, bal.OnHand, want)
		}
		seen++
	}
	if seen != len(expected) {
		t.Errorf("%d balances, %d expected", seen, len(expected))
	}
	var got struct {
		Moves   int             `db:"moves"`
		Entries int             `db:"entries"`
		Docs    int             `db:"docs"`
		Bank    decimal.Decimal `db:"bank"`
	}
	if err := b.d.GetContext(ctx, &got, `SELECT (SELECT count(*) FROM stock_moves) AS moves, (SELECT count(*) FROM journal_entries) AS entries,
		(SELECT count(*) FROM stock_documents) AS docs,
		(SELECT coalesce(sum(debit - credit), 0) FROM account_daily WHERE account_code = '1002') AS bank`); err != nil {
		t.Fatal(err)
	}
	var vouchers int
	if err := b.d.GetContext(ctx, &vouchers, `SELECT coalesce(sum(last_no), 0) FROM voucher_counters`); err != nil {
		t.Fatal(err)
	}
	if vouchers != nEntries {
		t.Errorf("%d voucher numbers taken for %d entries posted", vouchers, nEntries)
	}
	if got.Moves != nMoves || got.Entries != nEntries || got.Docs != nDocs || !got.Bank.Equal(bank) {
		t.Errorf("tables hold %d moves, %d entries, %d documents, bank %s; posted events wrote %d, %d, %d, %s",
			got.Moves, got.Entries, got.Docs, got.Bank, nMoves, nEntries, nDocs, bank)
	}
	if t.Failed() {
		t.FailNow()
	}
}

// costPool holds the posted operating costs that an event may cancel or
// try to reverse, each taken by one event at a time.
type costPool struct {
	mu    sync.Mutex
	costs []*jxc.OperatingCost
}

func (p *costPool) put(c *jxc.OperatingCost) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.costs = append(p.costs, c)
}

// take removes a random cost, or returns nil when there is none.
func (p *costPool) take(r *rand.Rand) *jxc.OperatingCost {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.costs) == 0 {
		return nil
	}
	i := r.IntN(len(p.costs))
	c := p.costs[i]
	p.costs[i] = p.costs[len(p.costs)-1]
	p.costs = p.costs[:len(p.costs)-1]
	return c
}

// checkInventoryByDimension: 1405's auxiliary balances per product equal
// the stock ledger's value per product; per warehouse they add up to the
// account's balance.
func checkInventoryByDimension(t *testing.T, b *books) {
	t.Helper()
	ctx := context.Background()
	from, to := jxc.Date{Year: 2026, Month: 1, Day: 1}, jxc.Date{Year: 2099, Month: 12, Day: 31}
	byProduct, err := b.ledger.AuxiliaryBalances(ctx, jxc.AuxiliaryQuery{AccountCode: jxc.AccountInventory, Dimension: jxc.DimProduct, From: from, To: to})
	if err != nil {
		t.Fatal(err)
	}
	var stock []struct {
		ProductID int64           `db:"product_id"`
		Value     decimal.Decimal `db:"value"`
	}
	if err := b.d.SelectContext(ctx, &stock, `SELECT product_id, sum(value) AS value FROM stock_balances GROUP BY product_id`); err != nil {
		t.Fatal(err)
	}
	want := map[int64]decimal.Decimal{}
	for _, s := range stock {
		want[s.ProductID] = s.Value
	}
	got := map[int64]decimal.Decimal{}
	for _, r := range byProduct.Rows {
		if r.ValueID == nil {
			t.Errorf("inventory lines without their product: %s", r.Closing)
			continue
		}
		got[*r.ValueID] = r.Closing
	}
	for pid, v := range want {
		if !got[pid].Equal(v) {
			t.Errorf("product %d: 1405 by product %s, stock value %s", pid, got[pid], v)
		}
	}
	byWarehouse, err := b.ledger.AuxiliaryBalances(ctx, jxc.AuxiliaryQuery{AccountCode: jxc.AccountInventory, Dimension: jxc.DimWarehouse, From: from, To: to})
	if err != nil {
		t.Fatal(err)
	}
	if !byWarehouse.Closing.Equal(byProduct.Closing) || len(byWarehouse.Rows) == 0 {
		t.Errorf("1405 by warehouse totals %s, by product %s", byWarehouse.Closing, byProduct.Closing)
	}
}
