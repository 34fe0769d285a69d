package jxc_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/jxcgraph/jxc"
)

// Every template written in the purchasing, ledger, budget, alerts and
// analytics files, and every stored text (jxc.T) anywhere, has a Chinese
// translation with the same placeholders, and none is still an fmt format.
func TestBooksTemplatesAreTranslated(t *testing.T) {
	var files []string
	for _, pat := range []string{"purchasing*.go", "ledger*.go", "budget.go", "alerts.go", "posting.go", "*_posting.go", "sales_shipment.go", "sales_order.go",
		"db/purchasing*.go", "db/ledger*.go", "db/budget*.go", "db/alerts.go", "db/analytics*.go", "db/*books_check.go", "db/sales_*.go"} {
		m, _ := filepath.Glob(pat)
		files = append(files, m...)
	}
	zh := jxc.Catalogue(jxc.LangZH)
	// The argument that is the template, by function name.
	at := map[string]int{"T": 0, "Errorf": 1, "FieldErrorf": 2, "Add": 2, "Render": 1}
	fset := token.NewFileSet()
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		// Other modules' errors are converted elsewhere: only their stored texts here.
		base := filepath.Base(f)
		mine := !strings.HasPrefix(base, "sales_") && base != "posting.go" && base != "stock_posting.go"
		ast.Inspect(file, func(x ast.Node) bool {
			call, ok := x.(*ast.CallExpr)
			if !ok {
				return true
			}
			var name string
			switch fn := call.Fun.(type) {
			case *ast.Ident:
				name = fn.Name
			case *ast.SelectorExpr:
				name = fn.Sel.Name
			}
			i, ok := at[name]
			if !ok || len(call.Args) <= i || (!mine && name != "T") {
				return true
			}
			lit, ok := call.Args[i].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			tmpl, _ := strconv.Unquote(lit.Value)
			n++
			pos := fset.Position(lit.Pos())
			if strings.Contains(tmpl, "%") && !strings.Contains(tmpl, "{") && name != "T" {
				if code, ok := call.Args[0].(*ast.SelectorExpr); !ok || code.Sel.Name != "EINTERNAL" {
					t.Errorf("%s: fmt-style message %q", pos, tmpl)
				}
				return true
			}
			tr, ok := zh[tmpl]
			if !ok {
				t.Errorf("%s: no Chinese translation of %q", pos, tmpl)
				return true
			}
			if !slices.Equal(jxc.Placeholders(tr), jxc.Placeholders(tmpl)) {
				t.Errorf("%s: %q translated with other placeholders: %q", pos, tmpl, tr)
			}
			return true
		})
	}
	t.Logf("%d templates checked", n)
	if n < 100 {
		t.Fatalf("found only %d templates: the files moved?", n)
	}
}
