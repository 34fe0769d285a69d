package jxc

import (
	"database/sql/driver"
	"fmt"
	"strconv"
	"time"
)

// Date is a calendar date without a time of day or zone: a posting date, a
// due date. It is written YYYY-MM-DD on the wire and stored as SQL date.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// The years a Date may have: four digits, so that every date the server
// writes (YYYY-MM-DD) it can read back. Business dates are narrower still
// (the posting window, posting_date.go).
const (
	MinDateYear = 1
	MaxDateYear = 9999
)

// ParseDate parses YYYY-MM-DD and refuses dates that do not exist, and
// years outside 0001 to 9999.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil || len(s) != len(time.DateOnly) {
		return Date{}, Errorf(EINVALID, "{value} is not a date in the form YYYY-MM-DD", P{"value": strconv.Quote(s)})
	}
	d := DateOf(t)
	if !d.InRange() {
		return Date{}, Errorf(EINVALID, "{value} is outside the years {first} to {last}", P{"value": strconv.Quote(s), "first": fmt.Sprintf("%04d", MinDateYear), "last": fmt.Sprintf("%04d", MaxDateYear)})
	}
	return d, nil
}

// InRange reports whether d's year is one a Date may have (0001 to 9999).
func (d Date) InRange() bool { return d.Year >= MinDateYear && d.Year <= MaxDateYear }

// DateOf returns the date of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// Time returns midnight UTC of the date.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// IsZero reports whether d is the zero date.
func (d Date) IsZero() bool { return d == Date{} }

func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day) }

// AddDays returns the date n days later (earlier when n < 0).
func (d Date) AddDays(n int) Date { return DateOf(d.Time().AddDate(0, 0, n)) }

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Time().Before(e.Time()) }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.Time().After(e.Time()) }

// DaysSince returns the number of days from e to d.
func (d Date) DaysSince(e Date) int { return int(d.Time().Sub(e.Time()).Hours() / 24) }

// Value implements driver.Valuer.
func (d Date) Value() (driver.Value, error) { return d.String(), nil }

// Scan implements sql.Scanner.
func (d *Date) Scan(src any) error {
	switch v := src.(type) {
	case time.Time:
		*d = DateOf(v)
		return nil
	case string:
		p, err := ParseDate(v[:min(len(v), 10)])
		*d = p
		return err
	case []byte:
		p, err := ParseDate(string(v[:min(len(v), 10)]))
		*d = p
		return err
	}
	return fmt.Errorf("cannot scan %T into a Date", src)
}
