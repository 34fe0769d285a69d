package jxc

import "strconv"

func itoa(i int) string { return strconv.Itoa(i) }

// Ptr returns a pointer to a copy of v: optional inputs and fields are
// pointers, and literals have no address.
func Ptr[T any](v T) *T { return &v }
