package graph

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"runtime/debug"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/jxcgraph/jxc"
)

// Top-level error codes beyond the domain's (STYLE.md rule 6).
const (
	CodeValidationFailed = "GRAPHQL_VALIDATION_FAILED"
	CodeComplexity       = "COMPLEXITY_LIMIT_EXCEEDED"
	CodeDepth            = "DEPTH_LIMIT_EXCEEDED"
	CodeUnavailable      = "UNAVAILABLE" // the database cannot be reached right now
	CodeTimeout          = "TIMEOUT"     // a statement ran past its statement timeout
)

// presentError is the one error presenter: domain errors keep their code
// and message; errors gqlgen already coded (validation, complexity) pass
// through; anything else is logged with the request id and shown as
// "internal error".
func presentError(log *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		var gqlErr *gqlerror.Error
		if errors.As(err, &gqlErr) && gqlErr.Err == nil {
			if gqlErr.Extensions == nil || gqlErr.Extensions["code"] == nil {
				gqlErr.Extensions = withCode(gqlErr.Extensions, CodeValidationFailed)
			}
			return gqlErr
		}
		out := graphql.DefaultErrorPresenter(ctx, err)
		var ie *inputError
		if errors.As(err, &ie) {
			out.Message = jxc.Render(jxc.LangOf(ctx), ie.template, ie.params)
			out.Extensions = withCode(out.Extensions, jxc.EINVALID)
			out.Extensions["reason"] = jxc.ReasonOf(ie.template)
			if out.Extensions["reason"] == "" {
				out.Extensions["reason"] = jxc.GenericReason(jxc.EINVALID)
			}
			if len(out.Path) > 1 {
				// The path is the field then the argument: name the argument.
				out.Extensions["field"] = strings.TrimPrefix(out.Path[1:].String(), ".")
			}
			return out
		}
		// Several validation failures of a query's arguments: the first
		// names its code and field, and all of them travel in extensions.
		var des jxc.Errors
		if errors.As(err, &des) && len(des) > 0 {
			lang := jxc.LangOf(ctx)
			out.Message = fieldMessage(des[0], lang)
			if len(des) > 1 {
				out.Message += jxc.Render(lang, " (and {more} more)", jxc.P{"more": len(des) - 1})
			}
			out.Extensions = withCode(out.Extensions, des[0].Code)
			addReason(out.Extensions, des[0], lang)
			all := make([]map[string]any, len(des))
			for i, e := range des {
				all[i] = map[string]any{"code": e.Code, "field": e.Field, "message": e.Localize(lang), "reason": e.Reason(), "params": paramsMap(e, lang)}
			}
			out.Extensions["errors"] = all
			return out
		}
		var de *jxc.Error
		if errors.As(err, &de) {
			lang := jxc.LangOf(ctx)
			out.Message = fieldMessage(de, lang)
			out.Extensions = withCode(out.Extensions, de.Code)
			addReason(out.Extensions, de, lang)
			return out
		}
		var netErr *net.OpError
		if errors.As(err, &netErr) || errors.Is(err, driver.ErrBadConn) || errors.Is(err, io.ErrUnexpectedEOF) {
			log.WarnContext(ctx, "database unavailable", "err", err, "request_id", RequestID(ctx))
			out.Message = jxc.Render(jxc.LangOf(ctx), msgUnavailable, nil)
			out.Extensions = withCode(nil, CodeUnavailable)
			return out
		}
		// PostgreSQL's query_canceled: the statement timeout cut it (the
		// driver's own cancellations come back as context errors).
		var se interface{ SQLState() string }
		if errors.As(err, &se) && se.SQLState() == "57014" {
			log.WarnContext(ctx, "statement timeout", "err", err, "path", out.Path.String(), "request_id", RequestID(ctx))
			out.Message = jxc.Render(jxc.LangOf(ctx), "this took longer than the server allows (statement timeout); ask for less: a shorter period, a smaller page or a narrower filter", nil)
			out.Extensions = withCode(nil, CodeTimeout)
			return out
		}
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			out.Message = jxc.Render(jxc.LangOf(ctx), "request cancelled or timed out", nil)
			out.Extensions = withCode(nil, jxc.EINTERNAL)
			return out
		}
		log.ErrorContext(ctx, "internal error", "err", err, "path", out.Path.String(), "request_id", RequestID(ctx))
		out.Message = jxc.Render(jxc.LangOf(ctx), msgInternal, nil)
		out.Extensions = withCode(nil, jxc.EINTERNAL)
		if id := RequestID(ctx); id != "" {
			out.Extensions["requestId"] = id
		}
		return out
	}
}

// Messages of top-level errors the presenter writes itself.
const (
	msgInternal    = "internal error"
	msgUnavailable = "the database is unavailable; try again shortly"
)

// fieldMessage is a top-level error's message in a language: the field's
// path first when it names one.
func fieldMessage(e *jxc.Error, lang string) string {
	if e.Field != "" {
		return e.Field + ": " + e.Localize(lang)
	}
	return e.Localize(lang)
}

// addReason puts a domain error's field, reason and params into a
// top-level error's extensions.
func addReason(ext map[string]any, e *jxc.Error, lang string) {
	if e.Field != "" {
		ext["field"] = e.Field
	}
	ext["reason"] = e.Reason()
	ext["params"] = paramsMap(e, lang)
}

func paramsMap(e *jxc.Error, lang string) map[string]string {
	out := map[string]string{}
	for _, p := range e.LocalizedParams(lang) {
		out[p[0]] = p[1]
	}
	return out
}

func withCode(ext map[string]any, code string) map[string]any {
	if ext == nil {
		ext = map[string]any{}
	}
	ext["code"] = code
	return ext
}

// recoverPanic logs a panic with its stack and shows it as an internal error.
func recoverPanic(log *slog.Logger) graphql.RecoverFunc {
	return func(ctx context.Context, p any) error {
		log.ErrorContext(ctx, "panic in resolver", "panic", fmt.Sprint(p), "stack", string(debug.Stack()), "request_id", RequestID(ctx))
		return &gqlerror.Error{Message: jxc.Render(jxc.LangOf(ctx), msgInternal, nil), Extensions: map[string]any{"code": jxc.EINTERNAL, "requestId": RequestID(ctx)}}
	}
}

// userErrors turns a service error into the payload's userErrors when it is
// the user's business mistake; any other error is returned to become a
// top-level error.
func userErrors(err error) ([]*UserError, error) {
	if err == nil {
		return []*UserError{}, nil
	}
	es, ok := jxc.AsErrors(err)
	if !ok {
		return nil, err
	}
	out := make([]*UserError, 0, len(es))
	for _, e := range es {
		var code UserErrorCode
		switch e.Code {
		case jxc.EINVALID:
			code = UserErrorCodeInvalid
		case jxc.ENOTFOUND:
			code = UserErrorCodeNotFound
		case jxc.ECONFLICT:
			code = UserErrorCodeConflict
		case jxc.EFORBIDDEN:
			code = UserErrorCodeForbidden
		case jxc.EKEYREUSED:
			code = UserErrorCodeIdempotencyKeyReused
		case jxc.EDUTY:
			code = UserErrorCodeDutySeparation
		case jxc.EPERMISSION:
			code = UserErrorCodePermissionRequired
		case jxc.EDATERANGE:
			code = UserErrorCodeDateOutOfRange
		case jxc.EPERIODCLOSED:
			code = UserErrorCodePeriodClosed
		default:
			// Throttling, authentication and internal failures are not the
			// user's input mistake: they stay top-level errors.
			return nil, e
		}
		ue := &UserError{Code: code, err: e}
		if e.Field != "" {
			f := e.Field
			ue.Field = &f
		}
		out = append(out, ue)
	}
	return out, nil
}

// UserError is a business error in a mutation's payload. Its message and
// params are rendered when the response is written, in the reader's
// language (jxc.LangOf of the request), so that userErrors needs no
// context: the one place they are rendered is here.
type UserError struct {
	// Code is the generic class.
	Code UserErrorCode
	// Field is the input path at fault, nil for the whole input.
	Field *string
	err   *jxc.Error
}

// Message is the message in the reader's language.
func (u *UserError) Message(ctx context.Context) string {
	if u.err == nil {
		return ""
	}
	return u.err.Localize(jxc.LangOf(ctx))
}

// Reason is the specific reason (jxc.Error.Reason).
func (u *UserError) Reason() UserErrorReason {
	if u.err == nil {
		return UserErrorReason(jxc.GenericReason(string(u.Code)))
	}
	return UserErrorReason(u.err.Reason())
}

// Params are the message's parameters, written for a program.
func (u *UserError) Params(ctx context.Context) []*MessageParam {
	if u.err == nil {
		return []*MessageParam{}
	}
	ps := u.err.LocalizedParams(jxc.LangOf(ctx))
	out := make([]*MessageParam, len(ps))
	for i, p := range ps {
		out[i] = &MessageParam{Name: p[0], Value: p[1]}
	}
	return out
}
