package jxc

import "testing"

func TestParseDateRefusesYearsTheServerCannotWriteBack(t *testing.T) {
	for s, ok := range map[string]bool{
		"2026-02-28": true, "0001-01-01": true, "9999-12-31": true,
		"0000-12-31": false, "10000-01-01": false, "2026-02-29": false, "2026-2-1": false, "+2026-01-01": false, " 2026-01-01": false,
	} {
		d, err := ParseDate(s)
		if (err == nil) != ok {
			t.Errorf("ParseDate(%q) = %v, %v", s, d, err)
		}
		if err == nil && d.String() != s {
			t.Errorf("ParseDate(%q) writes back as %s", s, d)
		}
	}
}

func TestPostingWindowCheck(t *testing.T) {
	today := Date{2026, 12, 4}
	lock := Date{2026, 10, 31}
	w := NewPostingWindow(DefaultPostingWindow, today, &lock)
	if w.Horizon != (Date{2027, 1, 31}) || w.EarliestDate() != (Date{2026, 11, 1}) {
		t.Fatalf("window %+v earliest %s", w, w.EarliestDate())
	}
	for _, c := range []struct {
		d    Date
		code string
	}{
		{Date{2026, 11, 1}, ""}, {Date{2027, 1, 31}, ""}, {today, ""},
		{Date{2026, 10, 31}, EPERIODCLOSED}, {Date{2025, 1, 1}, EPERIODCLOSED},
		{Date{2027, 2, 1}, EDATERANGE}, {Date{2028, 12, 4}, EDATERANGE},
		{Date{1, 1, 1}, EDATERANGE}, {Date{9999, 12, 31}, EDATERANGE}, {Date{1999, 12, 31}, EDATERANGE},
	} {
		var es Errors
		in := w.Check(&es, "input.postingDate", "the posting date", c.d)
		switch {
		case c.code == "" && (!in || len(es) > 0):
			t.Errorf("%s refused: %v", c.d, es)
		case c.code != "" && (in || len(es) != 1 || es[0].Code != c.code || es[0].Field != "input.postingDate"):
			t.Errorf("%s: want %s, got %v", c.d, c.code, es)
		}
	}
	// December: the end of next month is in the next year; February ends on the 28th.
	if MonthEnd(Date{2026, 12, 15}, 1) != (Date{2027, 1, 31}) || MonthEnd(Date{2027, 1, 31}, 1) != (Date{2027, 2, 28}) || MonthEnd(Date{2027, 1, 31}, 0) != (Date{2027, 1, 31}) {
		t.Error("MonthEnd")
	}
}
