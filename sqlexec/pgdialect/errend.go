package pgdialect

// errend.go: a registered function's error whose PostgreSQL message ends
// in a parenthesised number (nextval's `reached maximum value of sequence
// "s" (3)`, `MINVALUE (1) must be less than MAXVALUE (1)`) lost that
// number: database/sql's driver appends SQLite's result code as " (1)"
// to an error that passed through SQLite, and ParseSQLStateFields strips
// a trailing " (n)" for it, the message's own when the error reached the
// session directly (a sequence function run in Go). Such a message ends
// with errEnd, which the parse strips after the driver's code, so the
// message's number stays either way.

import (
	"regexp"
)

// errEnd closes a marked message that ends in " (n)" (a control
// character no PostgreSQL message contains).
const errEnd = "\x1f"

// reParenEnd matches a message ending in " (n)".
var reParenEnd = regexp.MustCompile(` \(-?\d+\)$`)

// endParen is err with errEnd appended when its text ends in " (n)".
func endParen(err error) error {
	if reParenEnd.MatchString(err.Error()) {
		return &endedErr{err}
	}
	return err
}

// endedErr is an error whose text ends with errEnd.
type endedErr struct{ err error }

func (e *endedErr) Error() string { return e.err.Error() + errEnd }
func (e *endedErr) Unwrap() error { return e.err }
