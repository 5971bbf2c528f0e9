package sqlexec

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// storedParamOIDs is, when the client declared a parameter timestamptz,
// the types the statement gives its parameters from the columns they are
// stored into or compared with (inferParams without the declared types);
// nil otherwise.
func (s *Session) storedParamOIDs(ctx context.Context, sql string, st *pgdialect.Stmt, declared []uint32) []uint32 {
	if !slices.Contains(declared, pgoid.Timestamptz) {
		return nil
	}
	oids := make([]uint32, len(declared))
	for i := range oids {
		if i < len(st.ParamOIDs) {
			oids[i] = st.ParamOIDs[i]
		}
	}
	s.inferParams(ctx, st, oids)
	for i, o := range oids {
		if (o == pgoid.Timestamp || o == pgoid.Date) && paramUses(sql, i+1) > 1 {
			// one type per parameter, its first use's: $2 stored into a
			// timestamp and a text column takes the timestamptz's text,
			// which the timestamp's input reads without its offset (the
			// local wall time alone would lose the offset the text keeps)
			oids[i] = pgoid.Text
		}
	}
	return oids
}

// paramUses counts $n in the statement's text (not $n0, $n1 ...).
func paramUses(sql string, n int) int {
	p, uses := "$"+strconv.Itoa(n), 0
	for rest := sql; ; {
		k := strings.Index(rest, p)
		if k < 0 {
			return uses
		}
		rest = rest[k+len(p):]
		if rest == "" || rest[0] < '0' || rest[0] > '9' {
			uses++
		}
	}
}

// assignTimestamptzParams converts the arguments of parameters the client
// declared timestamptz in Parse while the statement stores them into a
// timestamp, date, time, timetz or text column (inferred: storedParamOIDs): PostgreSQL reads
// such a value as a timestamptz and converts it by the assignment cast in
// the session zone (pgdialect/datetime_assign.go), where the column's
// input alone would keep the fields as written. The converted text is the
// argument the entry carries, so every node stores the same value. zone
// is the session's zone, asked only when a parameter needs it (most
// Executes have none, and looking the zone up is not free).
func assignTimestamptzParams(args []any, declared, inferred []uint32, zone func() *time.Location) []any {
	var out []any
	for i, a := range args {
		if i >= len(declared) || i >= len(inferred) || declared[i] != pgoid.Timestamptz {
			continue
		}
		switch inferred[i] {
		case pgoid.Timestamp, pgoid.Date, pgoid.Time, pgoid.Timetz, pgoid.Text, pgoid.Varchar:
		default:
			continue
		}
		if out == nil {
			out = append([]any(nil), args...)
		}
		as := ""
		switch inferred[i] {
		case pgoid.Timestamp:
			as = "timestamp"
		case pgoid.Date:
			as = "date"
		}
		out[i] = pgdialect.TimestamptzParamText(a, as, zone())
	}
	if out == nil {
		return args
	}
	return out
}
