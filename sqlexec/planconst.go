package sqlexec

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// PostgreSQL evaluates a statement's constant expressions while it parses
// and plans it (a literal a cast reads, 1/0, sqrt(-1)), so their errors
// come even when no row is read; SQLite evaluates them per row, and on an
// empty table or under WHERE false would answer with no rows. The session
// evaluates the ones pgdialect finds (pgdialect/planconst.go) before it
// runs the statement, each as its own SELECT on a read connection with the
// session's settings: a failing write is refused before it is proposed,
// so it never enters the log, and only the session's node evaluates them.

// planConstants returns the first data exception (class 22) that one of
// st's constants raises, placed where PostgreSQL places it; nil when none
// does. Other errors are left to the statement itself: evaluated alone, a
// constant may lack its context (a translation the statement does not
// need), never a reason to refuse it.
func (s *Session) planConstants(ctx context.Context, orig string, st *pgdialect.Stmt) error {
	for _, c := range st.PlanConstants {
		q, err := translate("SELECT " + c.Expr)
		if err == nil && (q.Kind != pgdialect.KindQuery || len(q.Exec) != 1) {
			continue
		}
		if err == nil {
			_, err = s.tryRead(ctx, q.Exec[0], nil, "SELECT")
		}
		if err == nil {
			continue
		}
		e, ok := toError(err).(*Error)
		if !ok || !strings.HasPrefix(e.Code, "22") {
			continue
		}
		e.Pos = 0
		if c.Pos >= 0 && c.Pos < len(orig) && (orig[c.Pos] == '\'' || orig[c.Pos] == '$') {
			e.Pos = utf8.RuneCountInString(orig[:c.Pos]) + 1 // at the literal, as PostgreSQL's parse analysis
		}
		return e
	}
	return nil
}
