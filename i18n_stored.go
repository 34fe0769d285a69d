package jxc

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
)

// Text is a text for people that the server stores (a journal entry's
// description, a line's memo, an alert): a template with its parameters,
// rendered for each reader, or a text as a person typed it (Plain, no
// template), which reads the same in every language.
type Text struct {
	Template string
	Params   P
	Plain    string
}

// T is a stored text written as a template with named parameters, like
// the message of an Errorf: T("Supplier payment {number} to {supplier}",
// P{...}). Its template needs a translation in a catalogue like any other.
func T(template string, p ...P) Text {
	t := Text{Template: template}
	if len(p) > 0 {
		t.Params = p[0]
	}
	return t
}

// PlainText is a text a person typed: stored and shown as it is.
func PlainText(s string) Text { return Text{Plain: s} }

// Render writes the text in a language.
func (t Text) Render(lang string) string {
	if t.Template == "" {
		return t.Plain
	}
	return Render(lang, t.Template, t.Params)
}

// Stored returns the text as it is kept: its template (nil for a typed
// text), its parameters reduced to what survives a round trip through the
// database (StoreParams), and the text rendered in the company language,
// which is what the row's plain text column holds.
func (t Text) Stored() (template *string, params StoredParams, text string) {
	if t.Template == "" {
		return nil, nil, t.Plain
	}
	ps := StoreParams(t.Params)
	return &t.Template, ps, Render(DefaultLang, t.Template, P(ps))
}

// StoredText builds the text of a stored row: rendered from its template
// when it has one, else its stored text (rows older than templates, and
// texts a person typed).
func StoredText(template *string, params StoredParams, text string) Text {
	if template == nil || *template == "" {
		return PlainText(text)
	}
	return Text{Template: *template, Params: P(params)}
}

// StoredParams are the parameters of a stored text: each a string already
// formatted (FormatValue writes figures and codes the same in every
// language) or a Texts for a value that reads differently per language. In
// the database they are a jsonb object whose values are strings or
// {"zh": ..., "en": ...} objects.
type StoredParams P

// StoreParams reduces parameters to strings and Texts, so that a text
// renders the same before and after it is stored.
func StoreParams(p P) StoredParams {
	if len(p) == 0 {
		return nil
	}
	out := make(StoredParams, len(p))
	for k, v := range p {
		switch x := v.(type) {
		case Texts:
			out[k] = x
		case Localized:
			out[k] = Texts{ZH: x.Localize(LangZH), EN: x.Localize(LangEN)}
		default:
			out[k] = FormatValue(DefaultLang, v)
		}
	}
	return out
}

type storedTexts struct {
	ZH string `json:"zh"`
	EN string `json:"en"`
}

// Value writes the parameters as a jsonb object (NULL when there are none).
func (p StoredParams) Value() (driver.Value, error) {
	if len(p) == 0 {
		return nil, nil
	}
	m := make(map[string]any, len(p))
	for k, v := range StoreParams(P(p)) {
		if t, ok := v.(Texts); ok {
			m[k] = storedTexts{ZH: t.ZH, EN: t.EN}
		} else {
			m[k] = v
		}
	}
	b, err := json.Marshal(m)
	return string(b), err
}

// Scan reads the parameters written by Value.
func (p *StoredParams) Scan(src any) error {
	var b []byte
	switch x := src.(type) {
	case nil:
		*p = nil
		return nil
	case []byte:
		b = x
	case string:
		b = []byte(x)
	default:
		return fmt.Errorf("stored params: cannot scan %T", src)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return fmt.Errorf("stored params: %w", err)
	}
	out := make(StoredParams, len(raw))
	for k, v := range raw {
		var s string
		if err := json.Unmarshal(v, &s); err == nil {
			out[k] = s
			continue
		}
		var t storedTexts
		if err := json.Unmarshal(v, &t); err != nil {
			return fmt.Errorf("stored params: %s: %w", k, err)
		}
		out[k] = Texts{ZH: t.ZH, EN: t.EN}
	}
	*p = out
	return nil
}

// MarshalJSON writes the parameters as Value does (an event's payload
// carries them like the row).
func (p StoredParams) MarshalJSON() ([]byte, error) {
	v, err := p.Value()
	if err != nil || v == nil {
		return []byte("null"), err
	}
	return []byte(v.(string)), nil
}
