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
		es.Add(EINVALID, field, "{what} must be 1 to 40 characters of A-Z, a-z, 0-9, '.', '_' or '-'", P{"what": Noun(what)})
	}
}

func checkText(es *Errors, field, what, s string, minLen, maxLen int) {
	n := utf8.RuneCountInString(strings.TrimSpace(s))
	if n < minLen || utf8.RuneCountInString(s) > maxLen {
		if minLen > 0 {
			if n < minLen && minLen == 1 {
				es.Add(EINVALID, field, "{what} is required (at most {max} characters)", P{"what": Noun(what), "max": maxLen})
			} else {
				es.Add(EINVALID, field, "{what} must be {min} to {max} characters", P{"what": Noun(what), "min": minLen, "max": maxLen})
			}
		} else {
			es.Add(EINVALID, field, "{what} may have at most {max} characters", P{"what": Noun(what), "max": maxLen})
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
		es.Add(EINVALID, "input.lines", "a document needs {min} to {max} lines", P{"min": min, "max": max})
	}
}

// checkEachOnce checks each entry of a list (check gets its field prefix,
// such as "input.lines.3.") and refuses an entry naming an id an earlier
// entry named: idField is the id's field, twice the message: a template
// whose {earlier} is the 1-based position of the earlier entry (a format
// with %d for the id is still taken from files not converted yet).
func checkEachOnce[L any](es *Errors, list string, entries []L, id func(L) int64, idField, twice string, check func(f string, l L)) {
	seen := map[int64]int{}
	for i, l := range entries {
		f := fmt.Sprintf("%s.%d.", list, i)
		check(f, l)
		if j, ok := seen[id(l)]; ok {
			if strings.Contains(twice, "%") { // not converted yet: the id's format
				es.Add(EINVALID, f+idField, twice, id(l))
			} else {
				es.Add(EINVALID, f+idField, twice, P{"earlier": j + 1})
			}
			continue
		}
		seen[id(l)] = i
	}
}
