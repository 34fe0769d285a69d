package graph

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/99designs/gqlgen/graphql"
	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

// MarshalDecimal writes a decimal as a JSON string so no client parses it
// into a float.
func MarshalDecimal(d decimal.Decimal) graphql.Marshaler {
	return graphql.WriterFunc(func(w io.Writer) {
		io.WriteString(w, strconv.Quote(d.String()))
	})
}

// UnmarshalDecimal accepts a string or an integer; floats are refused
// because they have already lost exactness on the way in.
func UnmarshalDecimal(v any) (decimal.Decimal, error) {
	switch x := v.(type) {
	case string:
		d, err := decimal.NewFromString(x)
		if err != nil || !plainDecimal(x) {
			return decimal.Zero, inputErrorf("{value} is not a decimal number: write digits with an optional sign and '.'", jxc.P{"value": strconv.Quote(x)})
		}
		return d, nil
	case int:
		return decimal.NewFromInt(int64(x)), nil
	case int64:
		return decimal.NewFromInt(x), nil
	case json.Number:
		if _, err := strconv.ParseInt(string(x), 10, 64); err == nil {
			return decimal.NewFromString(string(x))
		}
		return decimal.Zero, inputErrorf("decimals must be sent as strings, such as \"{value}\", not as JSON numbers", jxc.P{"value": string(x)})
	case float64, float32:
		return decimal.Zero, inputErrorf("decimals must be sent as strings, not as floating-point numbers", nil)
	}
	return decimal.Zero, inputErrorf("a decimal must be a string, not {type}", jxc.P{"type": fmt.Sprintf("%T", v)})
}

// plainDecimal accepts [+-]digits[.digits] only: no exponents, no spaces,
// at most 30 digits, so "1e9999" cannot blow up memory.
func plainDecimal(s string) bool {
	if s == "" {
		return false
	}
	i := 0
	if s[0] == '-' || s[0] == '+' {
		i++
	}
	digits, dot := 0, false
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && !dot:
			dot = true
		default:
			return false
		}
	}
	return digits > 0 && digits <= 30
}

// MarshalDate writes YYYY-MM-DD.
func MarshalDate(d jxc.Date) graphql.Marshaler {
	return graphql.WriterFunc(func(w io.Writer) {
		io.WriteString(w, strconv.Quote(d.String()))
	})
}

// UnmarshalDate reads YYYY-MM-DD.
func UnmarshalDate(v any) (jxc.Date, error) {
	s, ok := v.(string)
	if !ok {
		return jxc.Date{}, inputErrorf("a date must be a string YYYY-MM-DD, not {type}", jxc.P{"type": fmt.Sprintf("%T", v)})
	}
	d, err := jxc.ParseDate(s)
	if err != nil {
		if de, ok := err.(*jxc.Error); ok {
			return d, &inputError{template: de.Template, params: de.Params}
		}
		return d, err
	}
	return d, nil
}

// MarshalInt64ID writes a database id as the GraphQL ID string.
func MarshalInt64ID(id int64) graphql.Marshaler {
	return graphql.WriterFunc(func(w io.Writer) {
		io.WriteString(w, strconv.Quote(strconv.FormatInt(id, 10)))
	})
}

// UnmarshalInt64ID reads an ID that must be a positive whole number.
func UnmarshalInt64ID(v any) (int64, error) {
	var s string
	switch x := v.(type) {
	case string:
		s = x
	case int:
		s = strconv.Itoa(x)
	case int64:
		s = strconv.FormatInt(x, 10)
	case json.Number:
		s = string(x)
	default:
		return 0, inputErrorf("an ID must be a string, not {type}", jxc.P{"type": fmt.Sprintf("%T", v)})
	}
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, inputErrorf("{value} is not a valid ID", jxc.P{"value": strconv.Quote(s)})
	}
	return id, nil
}

// inputError is a value the client sent that its scalar type refuses. The
// error presenter shows it as INVALID, naming the input path, in the
// reader's language.
type inputError struct {
	template string
	params   jxc.P
}

func (e *inputError) Error() string { return jxc.Render(jxc.LangEN, e.template, e.params) }

// inputErrorf is the error of a refused scalar: a message template and
// its parameters (nil for none).
func inputErrorf(template string, p jxc.P) error {
	return &inputError{template: template, params: p}
}
