package jxc

import "time"

// The posting window: the dates a document may be posted on. Every posting
// (db.post) and every business date that dates an event a report counts
// (a delivery's date) is checked against it, in one place, so that a typo
// (2062 for 2026) cannot date stock two years ahead and block every later
// posting of the product, and a date the server cannot write back
// (9999-12-31 plus payment terms) never reaches the books.

// PostingWindowSettings is the company's window, kept in the database.
type PostingWindowSettings struct {
	// HorizonMonths: postings may be dated up to the end of the month that
	// many months after today (1: the end of next month).
	HorizonMonths int `db:"horizon_months"`
	// FirstYear and LastYear bound every business date (2000 and 2099 by
	// default); a company taking over older books widens them.
	FirstYear int `db:"first_year"`
	LastYear  int `db:"last_year"`
}

// FirstPostingYear is the earliest year the books have periods for.
const FirstPostingYear = 1900

// DefaultPostingWindow is the window of a company that has not set one.
var DefaultPostingWindow = PostingWindowSettings{HorizonMonths: 1, FirstYear: 2000, LastYear: 2099}

// ValidatePostingWindowSettings returns every rule the settings break.
func ValidatePostingWindowSettings(s PostingWindowSettings) error {
	var es Errors
	if s.HorizonMonths < 0 || s.HorizonMonths > 24 {
		es.Add(EINVALID, "input.horizonMonths", "the horizon is 0 to 24 months after the current month")
	}
	// Fiscal periods start in 1900; the last year leaves room for due
	// dates and terms after it to stay writable.
	if s.FirstYear < FirstPostingYear || s.FirstYear > MaxDateYear-1 {
		es.Add(EINVALID, "input.firstYear", "the first year is {min} to {max}", P{"min": FirstPostingYear, "max": MaxDateYear - 1})
	}
	if s.LastYear < FirstPostingYear || s.LastYear > MaxDateYear-1 {
		es.Add(EINVALID, "input.lastYear", "the last year is {min} to {max}", P{"min": FirstPostingYear, "max": MaxDateYear - 1})
	}
	if s.FirstYear > s.LastYear {
		es.Add(EINVALID, "input.lastYear", "the last year may not be before the first year")
	}
	return es.Err()
}

// PostingWindow is the window on one day: the settings, today's horizon
// and the lock date.
type PostingWindow struct {
	Settings PostingWindowSettings
	// LockDate is the end of the latest closed period: nothing posts on or
	// before it. Nil when no period was ever closed.
	LockDate *Date
	// Horizon is the latest date a posting may have.
	Horizon Date
}

// NewPostingWindow is the window on today.
func NewPostingWindow(s PostingWindowSettings, today Date, lock *Date) PostingWindow {
	return PostingWindow{Settings: s, LockDate: lock, Horizon: MonthEnd(today, s.HorizonMonths)}
}

// MonthEnd is the last day of the month n months after d's.
func MonthEnd(d Date, n int) Date {
	first := time.Date(d.Year, d.Month, 1, 0, 0, 0, 0, time.UTC).AddDate(0, n+1, -1)
	return DateOf(first)
}

// HorizonMonths is the setting the horizon comes from.
func (w PostingWindow) HorizonMonths() int { return w.Settings.HorizonMonths }

// FirstYear is the first year postings may be dated in.
func (w PostingWindow) FirstYear() int { return w.Settings.FirstYear }

// LastYear is the last year postings may be dated in.
func (w PostingWindow) LastYear() int { return w.Settings.LastYear }

// EarliestDate is the first date a posting may have: the day after the
// lock date, or the first day of the first year.
func (w PostingWindow) EarliestDate() Date {
	first := Date{w.Settings.FirstYear, time.January, 1}
	if w.LockDate != nil && !w.LockDate.Before(first) {
		return w.LockDate.AddDays(1)
	}
	return first
}

// Check adds an error naming field when d lies outside the window: outside
// the company's years or after the horizon (DATE_OUT_OF_RANGE), on or
// before the lock date (PERIOD_CLOSED). It reports whether d is inside.
func (w PostingWindow) Check(es *Errors, field, what string, d Date) bool {
	switch {
	case d.Year < w.Settings.FirstYear || d.Year > w.Settings.LastYear:
		es.Add(EDATERANGE, field, "{what} {date} is outside the years {first} to {last} the company posts in", P{"what": Noun(what), "date": d, "first": w.Settings.FirstYear, "last": w.Settings.LastYear})
	case w.LockDate != nil && !d.After(*w.LockDate):
		es.Add(EPERIODCLOSED, field, "{what} {date} is on or before the lock date {lockDate} (periods up to it are closed); post into an open period or ask finance to reopen it",
			P{"what": Noun(what), "date": d, "lockDate": *w.LockDate})
	case d.After(w.Horizon):
		es.Add(EDATERANGE, field, "{what} {date} is after {horizon}, the latest date the company accepts (the end of the month {months} month(s) ahead)",
			P{"what": Noun(what), "date": d, "horizon": w.Horizon, "months": w.Settings.HorizonMonths})
	default:
		return true
	}
	return false
}

// CheckYears adds an error naming field when d is outside the company's
// years: for dates that do not post (an order's date, an expected or
// promised date), so that no date the server derives from them (plus lead
// times, terms) leaves what it can write back.
func (s PostingWindowSettings) CheckYears(es *Errors, field, what string, d Date) bool {
	if d.Year < s.FirstYear || d.Year > s.LastYear {
		es.Add(EDATERANGE, field, "{what} {date} is outside the years {first} to {last} the company works in", P{"what": Noun(what), "date": d, "first": s.FirstYear, "last": s.LastYear})
		return false
	}
	return true
}

// CheckEventDate adds an error naming field when an event's date d (a
// delivery, a rating) is before the document it follows (notBefore) or
// after today, or outside the company's years.
func CheckEventDate(es *Errors, field, what string, d Date, notBeforeWhat string, notBefore, today Date, s PostingWindowSettings) bool {
	switch {
	case d.Year < s.FirstYear || d.Year > s.LastYear:
		es.Add(EDATERANGE, field, "{what} {date} is outside the years {first} to {last} the company posts in", P{"what": Noun(what), "date": d, "first": s.FirstYear, "last": s.LastYear})
	case d.Before(notBefore):
		es.Add(EINVALID, field, "{what} {date} may not be before {other} ({otherDate})", P{"what": Noun(what), "date": d, "other": Noun(notBeforeWhat), "otherDate": notBefore})
	case d.After(today):
		es.Add(EDATERANGE, field, "{what} {date} is in the future (today is {today})", P{"what": Noun(what), "date": d, "today": today})
	default:
		return true
	}
	return false
}
