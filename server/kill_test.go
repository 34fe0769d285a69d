package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"os"
	"os/exec"
	"regexp"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jxcgraph/jxc/db"
	"github.com/jxcgraph/jxc/db/dbtest"
	"github.com/jxcgraph/jxc/graph/graphqltest"
)

// TestSIGKILLUnderWriteLoadLosesNothing kills the server ten times while
// clients create orders and record payments, each with an idempotency key
// that they retry, unchanged, until they see an answer. Afterwards every
// operation a client saw succeed is in the database exactly once, nothing
// is half-written (the books reconcile), and retried keys did not post twice.
func TestSIGKILLUnderWriteLoadLosesNothing(t *testing.T) {
	bin := buildBinaryUnlessShort(t, "builds the binary and kills it ten times")
	url := dbtest.NewURL(t)
	var mu sync.Mutex
	base := ""
	start := func() *exec.Cmd {
		cmd := exec.Command(bin)
		cmd.Env = append(os.Environ(), "DEMO=1", "ADDR=127.0.0.1:0", "DATABASE_URL="+url, "LOG_LEVEL=error")
		stdout, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(stdout)
		re := regexp.MustCompile(`running at (http://\S+)/`)
		for sc.Scan() {
			if m := re.FindStringSubmatch(sc.Text()); m != nil {
				mu.Lock()
				base = m[1]
				mu.Unlock()
				break
			}
		}
		go func() {
			for sc.Scan() {
			}
		}()
		return cmd
	}
	cmd := start()
	defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()

	// A client: signs in again after each restart (sessions survive in the
	// database; the address changes), and retries one operation with the
	// same key until it gets an answer.
	type client struct {
		http *http.Client
		at   string
	}
	newClient := func() *client {
		jar, _ := cookiejar.New(nil)
		return &client{http: &http.Client{Jar: jar, Timeout: 5 * time.Second}}
	}
	post := func(c *client, q string, vars map[string]any) (map[string]any, error) {
		mu.Lock()
		b := base
		mu.Unlock()
		if c.at != b {
			body, _ := json.Marshal(map[string]any{"query": `mutation { login(input: {username: "admin", password: "demo"}) { user { id } } }`})
			resp, err := c.http.Post(b+"/graphql", "application/json", bytes.NewReader(body))
			if err != nil {
				return nil, err
			}
			resp.Body.Close()
			c.at = b
		}
		data, err := graphqltest.Post(c.http, b, q, vars)
		if err != nil {
			return nil, err
		}
		return data, nil
	}
	// Demo ids to work with.
	setup := newClient()
	var d map[string]any
	var err error
	for i := 0; i < 50; i++ {
		if d, err = post(setup, `{ products(first: 5) { nodes { id } } customers(first: 5) { nodes { id } } }`, nil); err == nil {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err != nil {
		t.Fatal(err)
	}
	ids := func(k string) []string {
		var out []string
		for _, n := range d[k].(map[string]any)["nodes"].([]any) {
			out = append(out, n.(map[string]any)["id"].(string))
		}
		return out
	}
	products, customers := ids("products"), ids("customers")

	var smu sync.Mutex
	succeeded := map[string]string{} // key -> kind
	var retries atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			c := newClient()
			for n := 0; ; n++ {
				select {
				case <-stop:
					return
				default:
				}
				key := fmt.Sprintf("kill-%d-%d", w, n)
				kind, q, vars := "order", `mutation($in: SalesOrderInput!) { createSalesOrder(input: $in) { order { id } userErrors { message } } }`,
					map[string]any{"in": map[string]any{"customerId": customers[n%len(customers)], "notes": key, "idempotencyKey": key,
						"lines": []any{map[string]any{"productId": products[n%len(products)], "quantity": "1"}}}}
				if n%2 == 1 {
					kind, q, vars = "payment", `mutation($in: RecordCustomerPaymentInput!) { recordCustomerPayment(input: $in) { payment { id } userErrors { message } } }`,
						map[string]any{"in": map[string]any{"customerId": customers[n%len(customers)], "amount": "1.00", "reference": key, "idempotencyKey": key}}
				}
				for {
					d, err := post(c, q, vars)
					if err == nil {
						ok := false
						for _, v := range d {
							if m, _ := v.(map[string]any); m != nil && len(m["userErrors"].([]any)) == 0 {
								ok = true
							}
						}
						if ok {
							smu.Lock()
							succeeded[key] = kind
							smu.Unlock()
						}
						break
					}
					retries.Add(1)
					select {
					case <-stop:
						return
					case <-time.After(50 * time.Millisecond):
					}
				}
			}
		}(w)
	}
	for k := 0; k < 10; k++ {
		time.Sleep(time.Duration(300+k*70) * time.Millisecond)
		_ = cmd.Process.Kill() // SIGKILL
		_ = cmd.Wait()
		cmd = start()
	}
	time.Sleep(500 * time.Millisecond)
	close(stop)
	wg.Wait()

	store, err := db.Open(context.Background(), url, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	orders, payments := 0, 0
	for key, kind := range succeeded {
		var n int
		q := `SELECT count(*) FROM sales_orders WHERE notes = $1`
		if kind == "payment" {
			q = `SELECT count(*) FROM customer_payments WHERE reference = $1`
			payments++
		} else {
			orders++
		}
		if err := store.GetContext(context.Background(), &n, q, key); err != nil || n != 1 {
			t.Errorf("%s %s, seen to succeed, is in the database %d times (%v)", kind, key, n, err)
		}
	}
	t.Logf("10 kills: %d orders and %d payments seen to succeed, each stored exactly once; %d retries with the same key", orders, payments, retries.Load())
	if retries.Load() == 0 {
		t.Error("no operation was interrupted by a kill: the test proved nothing")
	}
	if orders+payments < 20 {
		t.Errorf("only %d operations succeeded across the kills", orders+payments)
	}
	check, err := db.NewLedgerService(store).BooksCheck(context.Background())
	if err != nil || !check.OK() {
		t.Errorf("books after the kills: %+v %v", check, err)
	}
}
