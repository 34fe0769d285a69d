// Package graphqltest helps tests and benchmarks that drive the real
// server over HTTP: one GraphQL call decoded into plain maps, values read
// by path, and the switch that keeps benchmarks out of `make test`. It
// imports nothing of the product, so tests in any package may use it.
package graphqltest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"strconv"
	"strings"
	"testing"
)

// Post sends one GraphQL request to base+"/graphql" and returns its data;
// errors in the response become the error (with whatever data came back).
func Post(c *http.Client, base, query string, vars map[string]any) (map[string]any, error) {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	resp, err := c.Post(base+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var out struct {
		Data   map[string]any
		Errors []any
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return nil, err
	}
	if len(out.Errors) > 0 {
		return out.Data, fmt.Errorf("%v", out.Errors)
	}
	return out.Data, nil
}

// DigAny follows path through nested objects; nil when a step is missing.
func DigAny(d map[string]any, path ...string) any {
	var cur any = d
	for _, p := range path {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		cur = m[p]
	}
	return cur
}

// Dig is DigAny for a string value; "" when it is missing or not a string.
func Dig(d map[string]any, path ...string) string {
	s, _ := DigAny(d, path...).(string)
	return s
}

// SkipUnlessBench skips a benchmark-sized test unless JXC_BENCH is set
// (`make bench` sets it).
func SkipUnlessBench(t testing.TB) {
	t.Helper()
	if os.Getenv("JXC_BENCH") == "" {
		t.Skip("a benchmark: run with JXC_BENCH=1 (make bench)")
	}
}

// PendingShipment is the id of the pending shipment among the shipments at
// path (a confirmed order's), or "" when there is none.
func PendingShipment(d map[string]any, path ...string) string {
	ship := ""
	shs, _ := DigAny(d, path...).([]any)
	for _, s := range shs {
		if m, ok := s.(map[string]any); ok && m["status"] == "PENDING" {
			ship, _ = m["id"].(string)
		}
	}
	return ship
}

// ProcessMemory reads a process's resident memory now and at its peak, in
// bytes (Linux /proc), for the benchmarks' memory figures.
func ProcessMemory(pid int) (rss, peak int64) {
	b, _ := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) >= 2 {
			n, _ := strconv.ParseInt(f[1], 10, 64)
			switch f[0] {
			case "VmRSS:":
				rss = n << 10
			case "VmHWM:":
				peak = n << 10
			}
		}
	}
	return rss, peak
}
