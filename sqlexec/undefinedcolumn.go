package sqlexec

import "context"

// An aggregate's argument of a type the statement shows and the aggregate
// does not take (sum(nocol::bool)) is refused by the translation
// (pgdialect/aggregate_shown.go); PostgreSQL analyses the argument first,
// so a column it names that does not exist is 42703, not 42883. Only that
// refusal pays for this compile (pgdialect.CompileFirst).

// undefinedColumn is the 42703 of the SQLite text sqlText (the
// statement's translation) when SQLite does not find one of its columns,
// placed in the client's text orig; nil otherwise (it compiles, or fails
// otherwise: the translation's error stands, as a reader does not see a
// session's temporary tables).
func (s *Session) undefinedColumn(ctx context.Context, sqlText, orig string) *Error {
	var out *Error
	_ = s.e.db.withReader(ctx, func(c *lconn) error {
		p, _, err := c.prepare(sqlText)
		if p != nil {
			p.finalize()
		}
		if err == nil {
			return nil
		}
		if e := mapError(err, sqlText); e != nil && e.Code == CodeUndefinedColumn {
			fixPosition(e, orig)
			out = e
		}
		return nil
	})
	return out
}
