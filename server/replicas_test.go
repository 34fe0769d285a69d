package main

import (
	"bufio"
	"encoding/json"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"os"
	"os/exec"
	"regexp"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc/db/dbtest"
)

// TestTwoServerProcessesShareOneDatabase starts two replicas of the real
// binary together on one database (migrations and the demo under advisory
// locks: applied once) and shows a change committed through one reaching a
// websocket subscriber of the other.
func TestTwoServerProcessesShareOneDatabase(t *testing.T) {
	bin := buildBinaryUnlessShort(t, "builds and runs the binary twice")
	url := dbtest.NewURL(t)
	start := func() string {
		cmd := exec.Command(bin)
		cmd.Env = append(os.Environ(), "DEMO=1", "ADDR=127.0.0.1:0", "DATABASE_URL="+url, "LOG_LEVEL=warn")
		stdout, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = cmd.Process.Signal(os.Interrupt); _ = cmd.Wait() })
		urlc := make(chan string, 1)
		go func() {
			sc := bufio.NewScanner(stdout)
			re := regexp.MustCompile(`running at (http://\S+)/`)
			for sc.Scan() {
				if m := re.FindStringSubmatch(sc.Text()); m != nil {
					urlc <- m[1]
				}
			}
		}()
		select {
		case u := <-urlc:
			waitReady(t, u)
			return u
		case <-time.After(90 * time.Second):
			t.Fatal("a replica did not start")
		}
		return ""
	}
	// Both start at once.
	urls := make(chan string, 2)
	go func() { urls <- start() }()
	a, b := start(), <-urls

	var demo int
	login := func(base, user string) *client {
		jar, _ := cookiejar.New(nil)
		c := &client{t: t, app: &testApp{Server: &httptest.Server{URL: base}}, http: &http.Client{Jar: jar}}
		return c.mustLogin(user)
	}
	wh := login(a, "warehouse")
	var lv struct {
		StockLevels struct {
			Nodes []struct {
				OnHand    string
				Product   struct{ ID string }
				Warehouse struct{ ID string }
			}
		}
		Products struct{ TotalCount int }
	}
	mustJSON(t, wh.do(`{ products(first: 1) { totalCount } stockLevels(first: 1, filter: {inStock: true}) { nodes { onHand product { id } warehouse { id } } } }`, nil).Data, &lv)
	demo = lv.Products.TotalCount
	if demo != 55 {
		t.Fatalf("%d products after two replicas loaded the demo together, want the 55 of one demo", demo)
	}
	n := lv.StockLevels.Nodes[0]
	sub := login(b, "manager").subscribe(stockSub, map[string]any{"f": map[string]any{"productId": n.Product.ID, "warehouseId": n.Warehouse.ID}})
	r := wh.do(`mutation($in: StockAdjustmentInput!) { postStockAdjustment(input: $in) { userErrors { message } } }`,
		map[string]any{"in": map[string]any{"reason": "COUNT_VARIANCE", "lines": []any{map[string]any{
			"productId": n.Product.ID, "warehouseId": n.Warehouse.ID, "direction": "INCREASE", "quantity": "7"}}}})
	if len(r.Errors) > 0 {
		t.Fatal(r.Errors)
	}
	// The demo's own events may still be numbered and delivered after the
	// subscription starts (they committed before it): read past them.
	want := decimal.RequireFromString(n.OnHand).Add(decimal.NewFromInt(7))
	deadline := time.Now().Add(15 * time.Second)
	var seen []string
	for time.Now().Before(deadline) {
		m := sub.next(time.Until(deadline))
		if m == nil {
			break
		}
		var c stockChange
		_ = json.Unmarshal(m, &c)
		if c.StockLevelChanged.Level.OnHand.Equal(want) {
			return
		}
		seen = append(seen, string(m))
	}
	t.Fatalf("the subscriber on replica B never got on hand %s after a change through replica A; got %v", want, seen)
}
