package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/cookiejar"
	"os"
	"os/exec"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"
	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc/db/dbtest"
	"github.com/jxcgraph/jxc/graph"
	"github.com/jxcgraph/jxc/graph/graphqltest"
)

// TestFanoutFigures is `make bench`'s live figure: the real binary, 1,000
// websocket subscribers, changes committed through GraphQL, and the time
// from sending each mutation to each subscriber receiving its change (an
// upper bound of commit-to-receive). Run with JXC_BENCH=1.
func TestFanoutFigures(t *testing.T) {
	graphqltest.SkipUnlessBench(t)
	subscribers := envInt("JXC_BENCH_SUBSCRIBERS", 1000)
	changes := envInt("JXC_BENCH_CHANGES", 50)

	bin := buildBinary(t)
	cmd := exec.Command(bin)
	cmd.Env = append(os.Environ(), "DEMO=1", "ADDR=127.0.0.1:0", "DATABASE_URL="+dbtest.NewURL(t), "LOG_LEVEL=warn")
	stdout, _ := cmd.StdoutPipe()
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = cmd.Process.Signal(os.Interrupt); _ = cmd.Wait() }()
	url := ""
	sc := bufio.NewScanner(stdout)
	re := regexp.MustCompile(`running at (http://\S+)/`)
	for url == "" && sc.Scan() {
		if m := re.FindStringSubmatch(sc.Text()); m != nil {
			url = m[1]
		}
	}
	go func() {
		for sc.Scan() {
		}
	}()
	waitReady(t, url)
	// Let the demo's own events be numbered and delivered first.
	time.Sleep(1500 * time.Millisecond)

	login := func(user string) *http.Client {
		jar, _ := cookiejar.New(nil)
		c := &http.Client{Jar: jar}
		resp, err := c.Post(url+"/graphql", "application/json", strings.NewReader(
			`{"query":"mutation { login(input: {username: \"`+user+`\", password: \"demo\"}) { user { id } } }"}`))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return c
	}
	gql := func(c *http.Client, query string, vars map[string]any) map[string]any {
		b, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
		resp, err := c.Post(url+"/graphql", "application/json", strings.NewReader(string(b)))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var out map[string]any
		_ = json.NewDecoder(resp.Body).Decode(&out)
		return out
	}
	wh := login("warehouse")
	first := gql(wh, `{ stockLevels(first: 1, filter: {inStock: true}) { nodes { onHand product { id } warehouse { id } } } }`, nil)
	node := first["data"].(map[string]any)["stockLevels"].(map[string]any)["nodes"].([]any)[0].(map[string]any)
	pid := node["product"].(map[string]any)["id"].(string)
	wid := node["warehouse"].(map[string]any)["id"].(string)
	onHand := decimal.RequireFromString(node["onHand"].(string))

	// One user may hold graph.MaxSocketsPerUser sockets: the subscribers
	// are wallboards of as many managers as that takes.
	u, _ := http.NewRequest("GET", url, nil)
	admin := login("admin")
	var boards []http.Header
	for n := 0; n*graph.MaxSocketsPerUser < subscribers; n++ {
		name := fmt.Sprintf("board%03d", n)
		gql(admin, `mutation($u: String!) { createUser(input: {username: $u, password: "demo", roles: [MANAGER]}) { userErrors { message } } }`,
			map[string]any{"u": name})
		h := http.Header{}
		for _, ck := range login(name).Jar.Cookies(u.URL) {
			h.Add("Cookie", ck.Name+"="+ck.Value)
		}
		boards = append(boards, h)
	}
	type sample struct {
		onHand string
		at     time.Time
	}
	received := make([][]sample, subscribers)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var ready, done sync.WaitGroup
	setup := time.Now()
	for i := 0; i < subscribers; i++ {
		ready.Add(1)
		done.Add(1)
		go func(i int) {
			defer done.Done()
			conn, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(url, "http")+"/graphql",
				&websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}, HTTPHeader: boards[i/graph.MaxSocketsPerUser]})
			if err != nil {
				t.Errorf("dial %d: %v", i, err)
				ready.Done()
				return
			}
			defer conn.CloseNow()
			_ = wsjson.Write(ctx, conn, map[string]any{"type": "connection_init"})
			_ = wsjson.Write(ctx, conn, map[string]any{"type": "subscribe", "id": "1", "payload": map[string]any{
				"query":     `subscription($f: StockLevelFilter) { stockLevelChanged(filter: $f) { seq level { onHand } } }`,
				"variables": map[string]any{"f": map[string]any{"productId": pid, "warehouseId": wid}}}})
			var ack map[string]any
			_ = wsjson.Read(ctx, conn, &ack)
			ready.Done()
			for len(received[i]) < changes {
				var m struct {
					Type    string
					Payload struct {
						Data struct {
							StockLevelChanged struct{ Level struct{ OnHand string } }
						}
					}
				}
				if err := wsjson.Read(ctx, conn, &m); err != nil {
					return
				}
				if m.Type == "next" {
					received[i] = append(received[i], sample{m.Payload.Data.StockLevelChanged.Level.OnHand, time.Now()})
				}
			}
		}(i)
	}
	ready.Wait()
	setupTime := time.Since(setup)
	time.Sleep(500 * time.Millisecond) // every subscription registered

	sent := map[string]time.Time{}
	for k := 0; k < changes; k++ {
		dir := "DECREASE"
		if k%2 == 1 {
			dir = "INCREASE"
		}
		start := time.Now()
		r := gql(wh, `mutation($in: StockAdjustmentInput!) { postStockAdjustment(input: $in) { userErrors { message } } }`,
			map[string]any{"in": map[string]any{"reason": "COUNT_VARIANCE", "lines": []any{map[string]any{
				"productId": pid, "warehouseId": wid, "direction": dir, "quantity": "1"}}}})
		if errs := r["data"].(map[string]any)["postStockAdjustment"].(map[string]any)["userErrors"].([]any); len(errs) > 0 {
			t.Fatalf("adjustment refused: %v", errs)
		}
		if dir == "DECREASE" {
			onHand = onHand.Sub(decimal.NewFromInt(1))
		} else {
			onHand = onHand.Add(decimal.NewFromInt(1))
		}
		// Alternating values repeat: key each sample by change number instead.
		sent[fmt.Sprintf("%d:%s", k, onHand.String())] = start
		time.Sleep(100 * time.Millisecond)
	}
	waitc := make(chan struct{})
	go func() { done.Wait(); close(waitc) }()
	select {
	case <-waitc:
	case <-time.After(30 * time.Second):
		cancel()
		<-waitc
	}

	var lat []time.Duration
	missing := 0
	for i := range received {
		if len(received[i]) < changes {
			missing += changes - len(received[i])
		}
		for k, s := range received[i] {
			at, ok := sent[fmt.Sprintf("%d:%s", k, s.onHand)]
			if !ok {
				t.Errorf("subscriber %d: change %d arrived as %s, out of order", i, k, s.onHand)
				continue
			}
			lat = append(lat, s.at.Sub(at))
		}
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	pct := func(p float64) time.Duration {
		if len(lat) == 0 {
			return 0
		}
		return lat[int(p*float64(len(lat)-1))]
	}
	rss, peak := graphqltest.ProcessMemory(cmd.Process.Pid)
	fmt.Printf("\nfan-out: %d subscribers, %d changes, %d deliveries (%d missing), setup %v\n", subscribers, changes, len(lat), missing, setupTime.Round(time.Millisecond))
	fmt.Printf("%-34s %-12s %-12s\n", "figure", "target", "measured")
	fmt.Printf("%-34s %-12s %-12s\n", "commit-to-receive p50", "", pct(0.50).Round(100*time.Microsecond))
	fmt.Printf("%-34s %-12s %-12s\n", "commit-to-receive p99", "<= 100ms", pct(0.99).Round(100*time.Microsecond))
	fmt.Printf("%-34s %-12s %-12s\n", "server RSS now / peak", "<= 150MB", fmt.Sprintf("%dMB / %dMB", rss>>20, peak>>20))
	if out := os.Getenv("JXC_BENCH_FANOUT"); out != "" {
		b, _ := json.Marshal(map[string]string{"p50": pct(0.50).Round(100 * time.Microsecond).String(),
			"p99": pct(0.99).Round(100 * time.Microsecond).String(), "peak": fmt.Sprintf("%dMB", peak>>20)})
		_ = os.WriteFile(out, b, 0o644)
	}
	if missing > 0 {
		t.Errorf("%d deliveries missing", missing)
	}
}

func envInt(k string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(k)); err == nil && v > 0 {
		return v
	}
	return def
}

// procMem returns a process's resident set size and its peak, in bytes.
