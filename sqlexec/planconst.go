package sqlexec

import (
	"context"
	"strconv"
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
		key := s.planConstKey(c.Expr)
		if c.Unsupported {
			key += "\x00unsupported"
		}
		verdict, known := s.planConsts[key]
		if !known {
			verdict = s.evalPlanConstant(ctx, c.Expr, c.Unsupported)
			if s.planConsts == nil || len(s.planConsts) >= planConstCacheSize {
				s.planConsts = make(map[string]*Error)
			}
			s.planConsts[key] = verdict
		}
		if verdict == nil {
			continue
		}
		e := *verdict
		e.Pos = 0
		if c.Pos >= 0 && c.Pos < len(orig) && (orig[c.Pos] == '\'' || orig[c.Pos] == '$') {
			e.Pos = utf8.RuneCountInString(orig[:c.Pos]) + 1 // at the literal, as PostgreSQL's parse analysis
		}
		return &e
	}
	return nil
}

// evalPlanConstant runs one constant alone: its data exception (class
// 22), with unsupported its 0A000 too, or nil.
func (s *Session) evalPlanConstant(ctx context.Context, expr string, unsupported bool) *Error {
	q, err := translate("SELECT " + expr)
	if err == nil && (q.Kind != pgdialect.KindQuery || len(q.Exec) != 1) {
		return nil
	}
	if err == nil {
		_, err = s.tryRead(ctx, q.Exec[0], nil, "SELECT")
	}
	if err == nil {
		return nil
	}
	e, ok := toError(err).(*Error)
	if !ok || !strings.HasPrefix(e.Code, "22") && !(unsupported && e.Code == CodeFeatureNotSupported) {
		return nil
	}
	return e
}

// A constant's verdict depends only on its text, the settings that change
// how its values read, the schema and the enums' labels, so the session
// remembers it: a prepared statement, or a statement sent again, pays for
// the extra read once (planConsts, bounded by planConstCacheSize).
const planConstCacheSize = 256

func (s *Session) planConstKey(expr string) string {
	return strings.Join([]string{expr, s.settings["datestyle"], s.settings["intervalstyle"], s.settings["timezone"],
		s.settings["search_path"], s.settings["extra_float_digits"], strconv.FormatInt(s.e.db.schemaVer.Load(), 10), strconv.FormatUint(s.e.db.enums.gen.Load(), 10)}, "\x00")
}
