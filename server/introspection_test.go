package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/graph"
)

// introspectionResult is the part of an introspection answer the tests read.
type introspectionResult struct {
	Schema struct {
		Description *string
		QueryType   struct{ Name string }
		Types       []struct {
			Kind, Name     string
			Description    *string
			SpecifiedByURL *string
			IsOneOf        *bool
			Fields         []struct {
				Name              string
				Description       *string
				IsDeprecated      bool
				DeprecationReason *string
				Args              []introspectionInputValue
			}
			InputFields []introspectionInputValue
		}
		Directives []struct {
			Name         string
			IsRepeatable *bool
			Args         []introspectionInputValue
		}
	} `json:"__schema"`
}

type introspectionInputValue struct {
	Name              string
	Description       *string
	IsDeprecated      *bool
	DeprecationReason *string
}

// standardIntrospectionQuery is graphql-js's getIntrospectionQuery with
// every option on (descriptions, specifiedByUrl, directiveIsRepeatable,
// schemaDescription, inputValueDeprecation), as GraphiQL, Apollo,
// graphql-codegen and Altair send it; with oneOf it also asks __Type.isOneOf
// (graphql-js 16.9 and later).
func standardIntrospectionQuery(t *testing.T, oneOf bool) string {
	t.Helper()
	b, err := os.ReadFile("testdata/introspection.graphql")
	if err != nil {
		t.Fatal(err)
	}
	q := string(b)
	for _, want := range []string{"description\n", "specifiedByURL", "isRepeatable", "args(includeDeprecated: true)", "inputFields(includeDeprecated: true)", "isDeprecated"} {
		if !strings.Contains(q, want) {
			t.Fatalf("testdata/introspection.graphql lacks %q: it is not the query with every option", want)
		}
	}
	if oneOf {
		q = strings.Replace(q, "specifiedByURL\n", "specifiedByURL\n      isOneOf\n", 1)
	}
	return q
}

// TestStandardIntrospectionQueryWithEveryOption: the standard introspection
// query with every option runs for a signed-in user, through a session and
// through an API token, in full (the depth limit of 12 does not refuse
// it), returns the schema's descriptions and the deprecation fields of
// arguments and input fields, and is priced at its fixed cost, well within
// one operation's limit and the caller's bucket.
func TestStandardIntrospectionQueryWithEveryOption(t *testing.T) {
	app := newTestApp(t)
	session := app.client(t).mustLogin("analyst")
	callers := map[string]*client{"session": session, "token": session.newToken()}
	for name, c := range callers {
		for _, oneOf := range []bool{false, true} {
			q := standardIntrospectionQuery(t, oneOf)
			r := c.postAs(app.URL, q)
			label := name
			if oneOf {
				label += " (with isOneOf)"
			}
			if len(r.Errors) > 0 || r.Data["__schema"] == nil {
				t.Errorf("%s: the standard introspection query: %+v", label, r.Errors)
				continue
			}
			var res introspectionResult
			if err := json.Unmarshal(mustMarshal(t, r.Data), &res); err != nil {
				t.Fatal(err)
			}
			checkIntrospection(t, label, &res, oneOf)
			cost := r.Extensions.Cost
			if cost == nil || cost.ThrottleStatus == nil {
				t.Errorf("%s: no extensions.cost with the bucket: %+v", label, cost)
				continue
			}
			if cost.RequestedQueryCost != graph.IntrospectionSchemaCost || cost.ActualQueryCost != graph.IntrospectionSchemaCost {
				t.Errorf("%s: cost requested %d, actual %d; want the fixed price %d", label, cost.RequestedQueryCost, cost.ActualQueryCost, graph.IntrospectionSchemaCost)
			}
			if cost.RequestedQueryCost > graph.MaxQueryCost || cost.RequestedQueryCost > jxc.CostBucketMaximum/10 {
				t.Errorf("%s: introspection costs %d: GraphiQL could fetch the schema fewer than ten times from a full bucket of %d", label, cost.RequestedQueryCost, jxc.CostBucketMaximum)
			}
			if ts := cost.ThrottleStatus; ts.CurrentlyAvailable < ts.MaximumAvailable-4*graph.IntrospectionSchemaCost-100 {
				t.Errorf("%s: the bucket after a few introspections: %+v", label, *ts)
			}
		}
	}
	// Shaped like the standard query but a level deeper than the
	// introspection limit: still refused by depth, so the limit is real.
	deep := "{ __schema { types { " + strings.Repeat("ofType { ", graph.MaxIntrospectionDepth) + "name" + strings.Repeat(" }", graph.MaxIntrospectionDepth) + " } } }"
	if r := session.postAs(app.URL, deep); r.code() != graph.CodeDepth {
		t.Errorf("introspection %d levels deep: code %q, want %s", graph.MaxIntrospectionDepth+3, r.code(), graph.CodeDepth)
	}
}

// postAs is post with the client's bearer token, if it has one (its
// cookies otherwise).
func (c *client) postAs(base, query string) *costResponse {
	c.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query})
	req, _ := http.NewRequest("POST", base+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	out := costResponse{status: resp.StatusCode, header: resp.Header}
	if err := json.Unmarshal(b, &out); err != nil {
		c.t.Fatalf("status %d, not JSON: %.300s", resp.StatusCode, b)
	}
	return &out
}

func mustMarshal(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func checkIntrospection(t *testing.T, label string, res *introspectionResult, oneOf bool) {
	t.Helper()
	s := res.Schema
	if s.QueryType.Name != "Query" {
		t.Errorf("%s: queryType %q", label, s.QueryType.Name)
	}
	described, fields := 0, 0
	var customer, query, deprecatedField, decimal, oneInput bool
	for _, ty := range s.Types {
		for _, f := range ty.Fields {
			fields++
			if f.Description != nil && strings.TrimSpace(*f.Description) != "" {
				described++
			}
			for _, a := range f.Args {
				if a.IsDeprecated == nil {
					t.Errorf("%s: %s.%s(%s) has no isDeprecated: inputValueDeprecation was not answered", label, ty.Name, f.Name, a.Name)
					return
				}
			}
			// includeDeprecated: true brings the deprecated fields (today
			// AgingBuckets.current) with their reasons.
			if f.IsDeprecated && f.DeprecationReason != nil && *f.DeprecationReason != "" {
				deprecatedField = true
			}
		}
		for _, in := range ty.InputFields {
			if in.IsDeprecated == nil {
				t.Errorf("%s: input field %s.%s has no isDeprecated", label, ty.Name, in.Name)
				return
			}
			oneInput = true
		}
		if oneOf && ty.Kind == "INPUT_OBJECT" && ty.IsOneOf == nil {
			t.Errorf("%s: input %s has no isOneOf", label, ty.Name)
			return
		}
		switch ty.Name {
		case "Customer":
			customer = ty.Description != nil && strings.Contains(*ty.Description, "Someone we sell to")
		case "Query":
			for _, f := range ty.Fields {
				if f.Name == "customers" && f.Description != nil && *f.Description != "" {
					query = true
				}
			}
		case "Decimal":
			decimal = ty.Kind == "SCALAR"
		}
	}
	if !customer {
		t.Errorf("%s: no Customer type with its description", label)
	}
	if !query {
		t.Errorf("%s: no Query.customers with its description", label)
	}
	if !deprecatedField {
		t.Errorf("%s: no deprecated field (AgingBuckets.current) came back with its reason (includeDeprecated: true)", label)
	}
	if !decimal {
		t.Errorf("%s: no Decimal scalar", label)
	}
	if !oneInput {
		t.Errorf("%s: no input object has inputFields", label)
	}
	// The analysts' manual: nearly every field is described.
	if fields < 500 || described*100 < fields*95 {
		t.Errorf("%s: %d of %d fields have a description", label, described, fields)
	}
	var deprecated bool
	for _, d := range s.Directives {
		if d.IsRepeatable == nil {
			t.Errorf("%s: directive @%s has no isRepeatable", label, d.Name)
		}
		if d.Name == "deprecated" {
			deprecated = len(d.Args) == 1 && d.Args[0].Name == "reason" && d.Args[0].IsDeprecated != nil
		}
	}
	if !deprecated {
		t.Errorf("%s: @deprecated(reason:) is not in the directives with its argument's deprecation fields", label)
	}
}
