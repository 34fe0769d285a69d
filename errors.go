// Package jxc is the domain of the business system: purchasing, sales,
// inventory and finance. It holds domain types, service interfaces and the
// pure business rules; db/ implements the services on PostgreSQL and graph/
// exposes them over GraphQL.
package jxc

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Error codes. They travel to clients as `extensions.code` on top-level
// GraphQL errors, or as `UserError.code` in mutation payloads.
const (
	EINVALID         = "INVALID"         // the input breaks a rule
	ENOTFOUND        = "NOT_FOUND"       // a referenced record does not exist
	ECONFLICT        = "CONFLICT"        // the record's state forbids the change
	EUNAUTHENTICATED = "UNAUTHENTICATED" // no valid session or token
	EFORBIDDEN       = "FORBIDDEN"       // signed in, but the role does not allow it
	ETHROTTLED       = "THROTTLED"       // too many attempts; try later
	EINTERNAL        = "INTERNAL"        // anything unexpected; details only in the log
	// EKEYREUSED: an idempotency key sent again with another input.
	EKEYREUSED = "IDEMPOTENCY_KEY_REUSED"
	// EDATERANGE: a business date outside the posting window (before the
	// earliest open period, after the horizon, outside the company's years).
	EDATERANGE = "DATE_OUT_OF_RANGE"
	// EPERIODCLOSED: a posting dated on or before the lock date (the end of
	// the latest closed period).
	EPERIODCLOSED = "PERIOD_CLOSED"
)

// Error is a domain error: a code, the input field it concerns (a dotted
// path such as "input.lines.0.quantity", empty when none) and a message a
// person can act on.
//
// A message written as a template with named parameters (see i18n.go:
// Errorf(code, "{product} is short by {missing}", P{...})) keeps the template
// and its parameters, so that it can be rendered in each reader's language
// (Localize); Message holds it in English for logs and tests.
type Error struct {
	Code     string
	Field    string
	Message  string
	Template string
	Params   P
}

// Localize renders the message in a language: from its template when it has
// one, else the message as it was written.
func (e *Error) Localize(lang string) string {
	if e.Template == "" {
		return e.Message
	}
	return Render(lang, e.Template, e.Params)
}

// Reason is the error's specific code (such as INSUFFICIENT_STOCK) that the
// catalogue registers for its template; when none is, the generic reason of
// its code (GenericReason).
func (e *Error) Reason() string {
	if e.Template != "" {
		if r := ReasonOf(e.Template); r != "" {
			return r
		}
	}
	return GenericReason(e.Code)
}

// GenericReason is the reason of an error no specific reason is registered
// for: its code's own name, except INVALID, which reads INVALID_VALUE (the
// schema's UserErrorReason documents the rule).
func GenericReason(code string) string {
	if code == EINVALID {
		return "INVALID_VALUE"
	}
	return code
}

// LocalizedParams writes the error's parameters for a program, in a
// language (see ParamString), sorted by name.
func (e *Error) LocalizedParams(lang string) [][2]string {
	names := make([]string, 0, len(e.Params))
	for k := range e.Params {
		names = append(names, k)
	}
	sort.Strings(names)
	out := make([][2]string, len(names))
	for i, k := range names {
		out[i] = [2]string{k, ParamString(lang, e.Params[k])}
	}
	return out
}

// newError builds a domain error. A format given a single P is a template
// with named parameters; anything else is an fmt format (kept for texts no
// person reads, such as internal errors).
func newError(code, field, format string, args []any) *Error {
	if len(args) == 1 {
		if p, ok := args[0].(P); ok {
			return &Error{Code: code, Field: field, Message: Render(LangEN, format, p), Template: format, Params: p}
		}
	}
	if len(args) == 0 && !strings.Contains(format, "%") {
		// A template without parameters.
		return &Error{Code: code, Field: field, Message: format, Template: format}
	}
	return &Error{Code: code, Field: field, Message: fmt.Sprintf(format, args...)}
}

func (e *Error) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("%s: %s (%s)", e.Field, e.Message, e.Code)
	}
	return fmt.Sprintf("%s (%s)", e.Message, e.Code)
}

// Errorf returns a domain error with a code and no field.
func Errorf(code, format string, args ...any) *Error {
	return newError(code, "", format, args)
}

// FieldErrorf returns a domain error that names the input field it concerns.
func FieldErrorf(code, field, format string, args ...any) *Error {
	return newError(code, field, format, args)
}

// ErrorCode returns the code of a domain error, or EINTERNAL for any other error.
func ErrorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// Errors collects several validation failures so that a user sees them all at
// once rather than one per try.
type Errors []*Error

func (es Errors) Error() string {
	if len(es) == 0 {
		return "no errors"
	}
	s := es[0].Error()
	if len(es) > 1 {
		s += fmt.Sprintf(" (and %d more)", len(es)-1)
	}
	return s
}

// Add appends a field error.
func (es *Errors) Add(code, field, format string, args ...any) {
	*es = append(*es, FieldErrorf(code, field, format, args...))
}

// Err returns nil when nothing was collected, so callers can `return es.Err()`.
func (es Errors) Err() error {
	if len(es) == 0 {
		return nil
	}
	return es
}

// AsErrors flattens an error into the domain errors it carries: an Errors
// list, a single *Error, or nothing (ok=false) for anything else.
func AsErrors(err error) (Errors, bool) {
	var es Errors
	if errors.As(err, &es) {
		return es, true
	}
	var e *Error
	if errors.As(err, &e) {
		return Errors{e}, true
	}
	return nil, false
}
