package pgwire

import "time"

// TextValue is v as PostgreSQL's output function for typeOID writes it
// (the text format of a result column; timestamptz in loc), and ok=false
// for NULL or a value the type cannot encode. The engine uses it where a
// value is shown inside a message, as in PostgreSQL's "Failing row
// contains (...)" and "Key (a)=(1)" details.
func TextValue(v any, typeOID uint32, loc *time.Location) (string, bool) {
	b, err := encodeText(v, typeOID, loc)
	if err != nil || b == nil {
		return "", false
	}
	return string(b), true
}
