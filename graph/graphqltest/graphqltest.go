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
