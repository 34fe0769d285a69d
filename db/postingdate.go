package db

import (
	"context"
	"database/sql"
	"errors"

	"github.com/jxcgraph/jxc"
)

// The posting window in the database: the company's settings
// (posting_window, 0061) and the lock date (the end of the latest closed
// fiscal period). post() checks every posting's date here, and documents
// that are dated before they post (sales orders) use the same check.

// dateFields names the input field that dates each kind of posting, so the
// error points at what the user typed.
var dateFields = map[jxc.SourceType]string{
	jxc.SourcePurchaseReceipt: "input.receiptDate",
	jxc.SourceSupplierInvoice: "input.invoiceDate",
	jxc.SourceSupplierPayment: "input.paymentDate",
}

// dateFieldOf is the input field of an event's date.
func dateFieldOf(src jxc.SourceType) string {
	if f, ok := dateFields[src]; ok {
		return f
	}
	return "input.postingDate"
}

// loadPostingWindowSettings reads the company's window; lock holds its row
// shared until commit (every posting does: closing and reopening periods
// and changing the window take it exclusively, so none of them can
// interleave with a posting whose date was checked against the old state).
func loadPostingWindowSettings(ctx context.Context, q Queryer, lock bool) (jxc.PostingWindowSettings, error) {
	s := jxc.DefaultPostingWindow
	query := `SELECT horizon_months, first_year, last_year FROM posting_window`
	if lock {
		query += ` FOR SHARE`
	}
	err := q.GetContext(ctx, &s, query)
	if errors.Is(err, sql.ErrNoRows) {
		return jxc.DefaultPostingWindow, nil
	}
	return s, err
}

// lockDate is the end of the latest closed period, nil when none is closed.
func lockDate(ctx context.Context, q Queryer) (*jxc.Date, error) {
	var d *jxc.Date
	err := q.GetContext(ctx, &d, `SELECT (max(make_date(year, month, 1)) + interval '1 month - 1 day')::date FROM fiscal_periods WHERE status = 'CLOSED'`)
	return d, err
}

// postingWindow is the window on the transaction's day.
func postingWindow(ctx context.Context, q Queryer, today jxc.Date, lock bool) (jxc.PostingWindow, error) {
	s, err := loadPostingWindowSettings(ctx, q, lock)
	if err != nil {
		return jxc.PostingWindow{}, err
	}
	ld, err := lockDate(ctx, q)
	if err != nil {
		return jxc.PostingWindow{}, err
	}
	return jxc.NewPostingWindow(s, today, ld), nil
}

// lockPostingDate adds an error naming field when d is outside the posting
// window, and holds the window shared until commit: post() calls it first,
// before any period or stock lock.
func lockPostingDate(ctx context.Context, tx *Tx, es *jxc.Errors, field, what string, d jxc.Date) error {
	w, err := postingWindow(ctx, tx, today(tx), true)
	if err != nil {
		return err
	}
	w.Check(es, field, what, d)
	return nil
}

// checkPostingDate is lockPostingDate without the lock, for documents
// that are dated before they post (a sales order): their posting checks
// again.
func checkPostingDate(ctx context.Context, tx *Tx, es *jxc.Errors, field, what string, d jxc.Date) error {
	w, err := postingWindow(ctx, tx, today(tx), false)
	if err != nil {
		return err
	}
	w.Check(es, field, what, d)
	return nil
}

// checkDateYears adds an error naming field when a document date that does
// not post (an order date, an expected or promised date) lies outside the
// company's years.
func checkDateYears(ctx context.Context, q Queryer, es *jxc.Errors, field, what string, d *jxc.Date) error {
	if d == nil || d.IsZero() {
		return nil
	}
	s, err := loadPostingWindowSettings(ctx, q, false)
	if err != nil {
		return err
	}
	s.CheckYears(es, field, what, *d)
	return nil
}

// PostingWindow implements jxc.LedgerService.
func (s *LedgerService) PostingWindow(ctx context.Context) (*jxc.PostingWindow, error) {
	var out jxc.PostingWindow
	err := s.db.WithReadTx(ctx, func(tx *Tx) error {
		var err error
		out, err = postingWindow(ctx, tx, today(tx), false)
		return err
	})
	return &out, err
}

// UpdatePostingWindow implements jxc.LedgerService.
func (s *LedgerService) UpdatePostingWindow(ctx context.Context, in jxc.PostingWindowSettings) (*jxc.PostingWindow, error) {
	if err := jxc.ValidatePostingWindowSettings(in); err != nil {
		return nil, err
	}
	var out jxc.PostingWindow
	_, err := s.db.Write(ctx, jxc.Op{Name: "updatePostingWindow", Input: in}, func(tx *Tx) error {
		if _, err := tx.ExecContext(ctx, `SELECT 1 FROM posting_window FOR UPDATE`); err != nil {
			return err
		}
		if err := tx.Before(ctx, jxc.RecordPostingWindow, "posting_window"); err != nil {
			return err
		}
		tx.Audit(jxc.RecordPostingWindow, "posting_window", "", jxc.AuditUpdate)
		if _, err := tx.ExecContext(ctx, `INSERT INTO posting_window (one, horizon_months, first_year, last_year) VALUES (true, $1, $2, $3)
			ON CONFLICT (one) DO UPDATE SET horizon_months = excluded.horizon_months, first_year = excluded.first_year, last_year = excluded.last_year`,
			in.HorizonMonths, in.FirstYear, in.LastYear); err != nil {
			return err
		}
		var err error
		out, err = postingWindow(ctx, tx, today(tx), false)
		return err
	})
	return &out, err
}
