package jxc

import (
	"encoding/base64"
	"strconv"
	"strings"
)

// Page sizes of every list (STYLE.md rule 8: a hard cap).
const (
	DefaultPageSize = 50
	MaxPageSize     = 200
	// maxCursorPosition bounds the positions a cursor may name: no list
	// holds a billion rows, and the offset after it (position + 1) must not
	// overflow on its way to SQL.
	maxCursorPosition = 1_000_000_000
)

// PageArgs is a Relay page request: up to First items after the cursor After.
type PageArgs struct {
	First *int
	After *string
}

// Window returns the limit and offset the page asks for, or an error naming
// the argument at fault. Cursors are opaque positions in the ordered list.
func (p PageArgs) Window() (limit, offset int, err error) {
	limit = DefaultPageSize
	if p.First != nil {
		limit = *p.First
	}
	if limit < 0 || limit > MaxPageSize {
		return 0, 0, FieldErrorf(EINVALID, "first", "first must be between 0 and {max}", P{"max": MaxPageSize})
	}
	if p.After != nil && *p.After != "" {
		n, ok := DecodeCursor(*p.After)
		if !ok {
			return 0, 0, FieldErrorf(EINVALID, "after", "after is not a cursor this list gave out")
		}
		offset = n + 1
	}
	return limit, offset, nil
}

// Page is one page of a list.
type Page[T any] struct {
	Items      []T
	Offset     int // position of Items[0] in the whole list
	TotalCount int
}

// HasNextPage reports whether items follow this page.
func (p *Page[T]) HasNextPage() bool { return p.Offset+len(p.Items) < p.TotalCount }

// EncodeCursor returns the cursor of the item at position i.
func EncodeCursor(i int) string {
	return base64.RawURLEncoding.EncodeToString([]byte("pos:" + strconv.Itoa(i)))
}

// DecodeCursor returns the position a cursor names: a number from 0 to
// maxCursorPosition; anything else is no cursor a list gave out.
func DecodeCursor(c string) (int, bool) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return 0, false
	}
	s, ok := strings.CutPrefix(string(b), "pos:")
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil && n >= 0 && n <= maxCursorPosition
}

// SortDirection orders a list.
type SortDirection string

const (
	Asc  SortDirection = "ASC"
	Desc SortDirection = "DESC"
)

// SQL returns the direction as SQL.
func (d SortDirection) SQL() string {
	if d == Desc {
		return "DESC"
	}
	return "ASC"
}
