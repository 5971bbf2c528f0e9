package pgdialect

import "testing"

// A message ending in " (n)" keeps its number whether or not the driver
// appended SQLite's result code after it.
func TestErrEndKeepsNumber(t *testing.T) {
	err := pgErr("2200H", "nextval: reached maximum value of sequence \"%s\" (%d)", "s", 3)
	want := "nextval: reached maximum value of sequence \"s\" (3)"
	for _, text := range []string{err.Error(), err.Error() + " (1)"} {
		code, msg, ok := ParseSQLStateError(text)
		if !ok || code != "2200H" || msg != want {
			t.Errorf("ParseSQLStateError(%q) = %q, %q, %v; want %q", text, code, msg, ok, want)
		}
	}
	plain := pgErr("22P02", "invalid input syntax for type %s: \"%s\"", "integer", "x")
	if _, msg, _ := ParseSQLStateError(plain.Error() + " (1)"); msg != "invalid input syntax for type integer: \"x\"" {
		t.Errorf("driver code not stripped: %q", msg)
	}
}
