package jxc

import "strconv"

func itoa(i int) string { return strconv.Itoa(i) }

// Ptr returns a pointer to a copy of v: optional inputs and fields are
// pointers, and literals have no address.
func Ptr[T any](v T) *T { return &v }

// Deref returns what p points to, or the zero value when p is nil.
func Deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// DerefOr returns what p points to, or def when p is nil.
func DerefOr[T any](p *T, def T) T {
	if p == nil {
		return def
	}
	return *p
}
