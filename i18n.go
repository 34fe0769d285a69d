package jxc

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/shopspring/decimal"
)

// The languages the server writes in. The company's language (LangZH) is
// the default: texts that are stored (a journal description) are stored in
// it, and a reader with no preference reads it.
const (
	LangZH = "zh-CN"
	LangEN = "en"
)

// DefaultLang is the company language: what a reader without a saved
// preference and without Accept-Language reads, and what stored texts are
// written in.
const DefaultLang = LangZH

// P holds the named parameters of a message template: the figures and
// names that go into its {name} placeholders. They travel to clients as
// UserError.params too, so a program can act on them.
type P map[string]any

// Messages: every text the server writes for a person is a template, the
// English text with {name} placeholders ("only {available} of {product} are
// available in {warehouse}"). The English template is the key of every
// other language's catalogue, so a message is written once where it is
// raised and translated once in a catalogue file (i18n_zh_<module>.go):
//
//	func init() { RegisterMessages(LangZH, map[string]string{
//		"only {available} of {product} are available in {warehouse}": "{warehouse} 中 {product} 仅有 {available} 可用",
//	}) }
var (
	catalogueMu sync.RWMutex
	catalogues  = map[string]map[string]string{}
	reasons     = map[string]string{}
)

// RegisterMessages adds translations to a language's catalogue. A template
// translated twice differently is a programming error and panics at start.
func RegisterMessages(lang string, m map[string]string) {
	catalogueMu.Lock()
	defer catalogueMu.Unlock()
	c := catalogues[lang]
	if c == nil {
		c = map[string]string{}
		catalogues[lang] = c
	}
	for k, v := range m {
		if old, ok := c[k]; ok && old != v {
			panic(fmt.Sprintf("i18n: %q translated twice into %s: %q and %q", k, lang, old, v))
		}
		c[k] = v
	}
}

// RegisterReasons names the specific error code (UserError.reason, such as
// INSUFFICIENT_STOCK) of message templates, so that a program can act on
// the error without reading its text.
func RegisterReasons(m map[string]string) {
	catalogueMu.Lock()
	defer catalogueMu.Unlock()
	for k, v := range m {
		if old, ok := reasons[k]; ok && old != v {
			panic(fmt.Sprintf("i18n: %q has two reasons: %s and %s", k, old, v))
		}
		reasons[k] = v
	}
}

// Catalogue returns a copy of a language's catalogue (for the parity test
// and for tools).
func Catalogue(lang string) map[string]string {
	catalogueMu.RLock()
	defer catalogueMu.RUnlock()
	out := make(map[string]string, len(catalogues[lang]))
	for k, v := range catalogues[lang] {
		out[k] = v
	}
	return out
}

// ReasonOf returns the specific code registered for a template, or "".
func ReasonOf(template string) string {
	catalogueMu.RLock()
	defer catalogueMu.RUnlock()
	return reasons[template]
}

var placeholder = regexp.MustCompile(`\{(\w+)\}`)

// Placeholders lists the names of a template's placeholders, sorted and
// without repeats.
func Placeholders(template string) []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range placeholder.FindAllStringSubmatch(template, -1) {
		if !seen[m[1]] {
			seen[m[1]] = true
			out = append(out, m[1])
		}
	}
	sort.Strings(out)
	return out
}

// Localized is a value that reads differently per language (a record's
// name in Chinese and English, an enum's label).
type Localized interface {
	Localize(lang string) string
}

// Texts is a Localized value given in both languages.
type Texts struct{ ZH, EN string }

// Localize picks the text of a language, falling back to the other one.
func (t Texts) Localize(lang string) string {
	if lang == LangEN && t.EN != "" || t.ZH == "" {
		return t.EN
	}
	return t.ZH
}

// Render writes a template in a language: the catalogue's translation (the
// English template itself for LangEN or when there is none) with each
// placeholder replaced by its parameter formatted for the language.
func Render(lang, template string, p P) string {
	text := template
	if lang != LangEN {
		catalogueMu.RLock()
		if t, ok := catalogues[lang][template]; ok {
			text = t
		}
		catalogueMu.RUnlock()
	}
	if len(p) == 0 {
		return text
	}
	return placeholder.ReplaceAllStringFunc(text, func(m string) string {
		v, ok := p[m[1:len(m)-1]]
		if !ok {
			return m
		}
		return FormatValue(lang, v)
	})
}

// FormatValue writes one parameter for a language: decimals without
// trailing zeros (51, not 51.0000) and with thousands separators, Localized
// values in the language, anything else as fmt writes it.
func FormatValue(lang string, v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case Localized:
		return x.Localize(lang)
	case decimal.Decimal:
		return formatDecimal(x)
	case *decimal.Decimal:
		if x == nil {
			return ""
		}
		return formatDecimal(*x)
	case fmt.Stringer:
		return x.String()
	default:
		return fmt.Sprint(v)
	}
}

// ParamString writes a parameter for a program (UserError.params): exact
// decimals as they are, Localized values in the language.
func ParamString(lang string, v any) string {
	switch x := v.(type) {
	case decimal.Decimal:
		return x.String()
	case *decimal.Decimal:
		if x == nil {
			return ""
		}
		return x.String()
	case MoneyValue:
		return x.Amount.StringFixed(MoneyPlaces)
	default:
		return FormatValue(lang, v)
	}
}

// formatDecimal drops trailing zeros and groups the integer part by
// thousands: 1234567.5000 → 1,234,567.5.
func formatDecimal(d decimal.Decimal) string {
	return groupThousands(d.String()) // shortest exact form, no trailing zeros
}

// groupThousands groups the integer part of a decimal's text by thousands.
func groupThousands(s string) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

type langKey struct{}

// WithLang returns a context carrying the reader's language.
func WithLang(ctx context.Context, lang string) context.Context {
	return context.WithValue(ctx, langKey{}, NormalizeLang(lang))
}

// LangOf returns the reader's language, DefaultLang when none was set.
func LangOf(ctx context.Context) string {
	if l, ok := ctx.Value(langKey{}).(string); ok && l != "" {
		return l
	}
	return DefaultLang
}

// NormalizeLang maps a language tag (zh, zh-CN, zh-Hans, en-US, ...) to a
// language the server writes; "" for one it does not.
func NormalizeLang(tag string) string {
	t := strings.ToLower(strings.TrimSpace(tag))
	switch {
	case t == "":
		return ""
	case t == "zh" || strings.HasPrefix(t, "zh-") || strings.HasPrefix(t, "zh_"):
		return LangZH
	case t == "en" || strings.HasPrefix(t, "en-") || strings.HasPrefix(t, "en_"):
		return LangEN
	}
	return ""
}

// LangFromAcceptLanguage picks the first language of an Accept-Language
// header the server writes (by weight), or "".
func LangFromAcceptLanguage(h string) string {
	type cand struct {
		lang string
		q    float64
		pos  int
	}
	var cs []cand
	for i, part := range strings.Split(h, ",") {
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		q := 1.0
		if qs, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			if _, err := fmt.Sscan(qs, &q); err != nil {
				q = 0
			}
		}
		if l := NormalizeLang(tag); l != "" && q > 0 {
			cs = append(cs, cand{l, q, i})
		}
	}
	sort.SliceStable(cs, func(a, b int) bool { return cs[a].q > cs[b].q })
	if len(cs) == 0 {
		return ""
	}
	return cs[0].lang
}

// Language is a language the server writes in, as the schema's Language
// enum names it (a user's saved preference).
type Language string

const (
	LanguageZhCN Language = "ZH_CN"
	LanguageEN   Language = "EN"
)

// Tag is the language's tag as Render and WithLang take it (zh-CN, en).
func (l Language) Tag() string {
	switch l {
	case LanguageEN:
		return LangEN
	case LanguageZhCN:
		return LangZH
	}
	return ""
}

// LanguageOf is the enum value of a language tag; "" for one the server
// does not write.
func LanguageOf(tag string) Language {
	switch NormalizeLang(tag) {
	case LangEN:
		return LanguageEN
	case LangZH:
		return LanguageZhCN
	}
	return ""
}

// Noun is a word or phrase of a message that is itself translated, such as
// the name of the field a generic check refers to ("customer code"): its
// text is a catalogue key like any template.
type Noun string

// Localize implements Localized.
func (n Noun) Localize(lang string) string { return Render(lang, string(n), nil) }

// Phrase is a part of a message that is itself a template with parameters
// (such as "the sum of the lines' quantity x {price}"), rendered in the
// reader's language with the message.
type Phrase struct {
	Template string
	Params   P
}

// Localize implements Localized.
func (p Phrase) Localize(lang string) string { return Render(lang, p.Template, p.Params) }

// Reasons returns a copy of the registered reasons by template (for the
// parity test and for tools).
func Reasons() map[string]string {
	catalogueMu.RLock()
	defer catalogueMu.RUnlock()
	out := make(map[string]string, len(reasons))
	for k, v := range reasons {
		out[k] = v
	}
	return out
}

// MoneyValue is an amount of money as a message parameter: written with
// its two decimals (12.50, 1,234.00), exactly for programs.
type MoneyValue struct{ Amount decimal.Decimal }

// Money makes an amount a message parameter written with two decimals.
func Money(d decimal.Decimal) MoneyValue { return MoneyValue{d} }

// String writes the amount with two decimals and thousands separators.
func (m MoneyValue) String() string {
	return groupThousands(m.Amount.StringFixed(MoneyPlaces))
}
