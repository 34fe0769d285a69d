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
			out.Extensions = withCode(out.Extensions, jxc.EINVALID)
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
			out.Message = des.Error()
			out.Extensions = withCode(out.Extensions, des[0].Code)
			if des[0].Field != "" {
				out.Extensions["field"] = des[0].Field
			}
			all := make([]map[string]string, len(des))
			for i, e := range des {
				all[i] = map[string]string{"code": e.Code, "field": e.Field, "message": e.Message}
			}
			out.Extensions["errors"] = all
			return out
		}
		var de *jxc.Error
		if errors.As(err, &de) {
			out.Message = de.Message
			if de.Field != "" {
				out.Message = de.Field + ": " + de.Message
			}
			out.Extensions = withCode(out.Extensions, de.Code)
			if de.Field != "" {
				out.Extensions["field"] = de.Field
			}
			return out
		}
		var netErr *net.OpError
		if errors.As(err, &netErr) || errors.Is(err, driver.ErrBadConn) || errors.Is(err, io.ErrUnexpectedEOF) {
			log.WarnContext(ctx, "database unavailable", "err", err, "request_id", RequestID(ctx))
			out.Message = "the database is unavailable; try again shortly"
			out.Extensions = withCode(nil, CodeUnavailable)
			return out
		}
		// PostgreSQL's query_canceled: the statement timeout cut it (the
		// driver's own cancellations come back as context errors).
		var se interface{ SQLState() string }
		if errors.As(err, &se) && se.SQLState() == "57014" {
			log.WarnContext(ctx, "statement timeout", "err", err, "path", out.Path.String(), "request_id", RequestID(ctx))
			out.Message = "this took longer than the server allows (statement timeout); ask for less: a shorter period, a smaller page or a narrower filter"
			out.Extensions = withCode(nil, CodeTimeout)
			return out
		}
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			out.Message = "request cancelled or timed out"
			out.Extensions = withCode(nil, jxc.EINTERNAL)
			return out
		}
		log.ErrorContext(ctx, "internal error", "err", err, "path", out.Path.String(), "request_id", RequestID(ctx))
		out.Message = "internal error"
		out.Extensions = withCode(nil, jxc.EINTERNAL)
		if id := RequestID(ctx); id != "" {
			out.Extensions["requestId"] = id
		}
		return out
	}
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
		return &gqlerror.Error{Message: "internal error", Extensions: map[string]any{"code": jxc.EINTERNAL, "requestId": RequestID(ctx)}}
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
		ue := &UserError{Code: code, Message: e.Message}
		if e.Field != "" {
			f := e.Field
			ue.Field = &f
		}
		out = append(out, ue)
	}
	return out, nil
}
