package jxc

import (
	"testing"

	"github.com/shopspring/decimal"
)

func TestRenderTemplatesPerLanguage(t *testing.T) {
	// A template of the catalogue (db/sales_orders.go), not one registered
	// here: the parity test finds every registered entry in the code.
	const tmpl = "only {available} of {product} available in warehouse {warehouse}; {missing} would be recorded as a replenishment need"
	p := P{"available": decimal.RequireFromString("1051.0000"), "product": "AP-FRG-420", "warehouse": "BJ01 北京大兴仓", "missing": decimal.RequireFromString("4.5000")}
	e := FieldErrorf(EINVALID, "input.lines.0.quantity", tmpl, p)
	if got, want := e.Message, "only 1,051 of AP-FRG-420 available in warehouse BJ01 北京大兴仓; 4.5 would be recorded as a replenishment need"; got != want {
		t.Errorf("English: %q, want %q", got, want)
	}
	if got, want := e.Localize(LangZH), "仓库 BJ01 北京大兴仓 中 AP-FRG-420 仅有 1,051 可用；缺少的 4.5 将记为补货需求"; got != want {
		t.Errorf("Chinese: %q, want %q", got, want)
	}
	if e.Reason() != "INSUFFICIENT_STOCK" {
		t.Errorf("reason %q", e.Reason())
	}
	if got := ParamString(LangZH, p["available"]); got != "1051" {
		t.Errorf("param %q", got)
	}
	if r := Errorf(EINVALID, "nothing registered {x}", P{"x": 1}).Reason(); r != "INVALID_VALUE" {
		t.Errorf("generic reason %q", r)
	}
	if got := (Texts{ZH: "甲", EN: "A"}).Localize(LangEN) + Noun("customer").Localize(LangZH); got != "A客户" {
		t.Errorf("texts and nouns: %q", got)
	}
	legacy := Errorf(EINVALID, "%d%% off", 5)
	if legacy.Message != "5% off" || legacy.Template != "" {
		t.Errorf("fmt format: %+v", legacy)
	}
}

func TestAcceptLanguage(t *testing.T) {
	for h, want := range map[string]string{
		"en-US,en;q=0.9,zh-CN;q=0.8": LangEN,
		"zh-CN,zh;q=0.9":             LangZH,
		"fr-FR, en;q=0.5":            LangEN,
		"de":                         "",
		"en;q=0.2, zh-Hans;q=0.7":    LangZH,
	} {
		if got := LangFromAcceptLanguage(h); got != want {
			t.Errorf("%q: %q, want %q", h, got, want)
		}
	}
}
