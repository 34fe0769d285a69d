package jxc

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Input checks every module uses. Each adds to the caller's Errors, naming
// the field and the rule, so that a person sees every violation at once.

func checkCode(es *Errors, field, what, s string) {
	if !codePattern.MatchString(s) {
		es.Add(EINVALID, field, "%s must be 1 to 40 characters of A-Z, a-z, 0-9, '.', '_' or '-'", what)
	}
}

func checkText(es *Errors, field, what, s string, minLen, maxLen int) {
	n := utf8.RuneCountInString(strings.TrimSpace(s))
	if n < minLen || utf8.RuneCountInString(s) > maxLen {
		if minLen > 0 {
			es.Add(EINVALID, field, "%s must be %d to %d characters", what, minLen, maxLen)
		} else {
			es.Add(EINVALID, field, "%s may have at most %d characters", what, maxLen)
		}
	}
}

func checkOptText(es *Errors, field, what string, s *string, minLen, maxLen int) {
	if s != nil {
		checkText(es, field, what, *s, minLen, maxLen)
	}
}

func checkIdempotencyKey(es *Errors, key *string) {
	if key != nil && (len(*key) < 1 || len(*key) > 200) {
		es.Add(EINVALID, "input.idempotencyKey", "idempotency key must be 1 to 200 characters")
	}
}

func checkDescription(es *Errors, field, s string, required bool) {
	if required {
		checkText(es, field, "description", s, 1, 500)
	} else {
		checkText(es, field, "description", s, 0, 500)
	}
}

func checkLineCount(es *Errors, n, min, max int) {
	if n < min || n > max {
		es.Add(EINVALID, "input.lines", "a document needs %d to %d lines", min, max)
	}
}

// checkEachOnce checks each entry of a list (check gets its field prefix,
// such as "input.lines.3.") and refuses an entry naming an id an earlier
// entry named: idField is the id's field, twice the message with %d for it.
func checkEachOnce[L any](es *Errors, list string, entries []L, id func(L) int64, idField, twice string, check func(f string, l L)) {
	seen := map[int64]bool{}
	for i, l := range entries {
		f := fmt.Sprintf("%s.%d.", list, i)
		check(f, l)
		if seen[id(l)] {
			if strings.Contains(twice, "%") { // an fmt format given the id (not yet a template)
				es.Add(EINVALID, f+idField, twice, id(l))
			} else {
				es.Add(EINVALID, f+idField, twice)
			}
		}
		seen[id(l)] = true
	}
}
