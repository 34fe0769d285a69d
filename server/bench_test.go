package main

import (
	"testing"
)

// BenchmarkMeQueryOverHTTP measures one authenticated GraphQL read through
// the whole HTTP stack: session lookup, parsing (cached), execution.
func BenchmarkMeQueryOverHTTP(b *testing.B) {
	app := newTestAppTB(b)
	c := app.clientTB(b).mustLogin("manager")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r := c.do(`{ me { id username roles } }`, nil)
		if len(r.Errors) > 0 {
			b.Fatal(r.Errors)
		}
	}
}
