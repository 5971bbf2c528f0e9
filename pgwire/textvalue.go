package pgwire

import "time"

// TextValue is v as PostgreSQL's output function for col's type writes it
// (the text format of a result column, col's type modifier applied as a
// result column's is: numeric(p,s) with s fraction digits; timestamptz in
// loc), and ok=false for NULL or a value the type cannot encode. The
// engine uses it where a value is shown inside a message, as in
// PostgreSQL's "Failing row contains (...)" and "Key (a)=(1)" details.
func TextValue(v any, col Column, loc *time.Location) (string, bool) {
	b, err := encodeText(adjustForColumn(v, col), col.TypeOID, loc)
	if err != nil || b == nil {
		return "", false
	}
	return string(b), true
}
