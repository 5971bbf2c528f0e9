package sqlexec

import (
	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// readParams reads each argument bound as text by the input function of
// its parameter's type (pgdialect.ParamIn), as PostgreSQL does at Bind: a
// time, interval, char(n), array or date/time value compared with a
// column meets the column's stored form (WHERE t = $1 with '10:00' found
// no '10:00:00' before), a timestamptz without an offset is read in the
// session's TimeZone, and a value the type does not accept is the type's
// error (22007, 22008, 22P02 ...). An INSERT's argument read here is read
// again by the column's input function at apply, which leaves a
// canonical value as it is; a write's entry carries the values read, so
// every node stores the same.
func (s *Session) readParams(args []any, oids []uint32) ([]any, error) {
	var out []any
	for i, a := range args {
		if _, ok := a.(string); !ok || i >= len(oids) || !pgdialect.ParamReads(oids[i]) {
			continue // (a text or numeric parameter: no zone lookup)
		}
		v, err := pgdialect.ParamIn(a, oids[i], s.e.now(), s.zone())
		if err != nil {
			code, msg, detail, ok := pgdialect.ParseSQLStateDetail(err.Error())
			if !ok {
				code, msg = CodeInvalidTextRepresentation, err.Error()
			}
			return nil, &Error{Code: code, Message: msg, DetailText: detail, Statement: -1}
		}
		if vs, ok := v.(string); ok && vs == a.(string) {
			continue
		}
		if out == nil {
			out = append([]any(nil), args...)
		}
		out[i] = v
	}
	if out == nil {
		return args, nil
	}
	return out, nil
}
