package sqlexec

import (
	"context"
	"errors"
	"strings"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// PostgreSQL parses a whole query string before it runs any statement of
// it: a syntax error in a later statement runs none of the earlier ones (an
// earlier BEGIN leaves no transaction block open, an earlier INSERT writes
// nothing). The translation finds PostgreSQL's lexical and some grammar
// errors; SQLite's parser finds the rest only when the statement is
// compiled, so before a string of several statements runs, each
// statement's SQLite text is compiled once (and thrown away) for its parse
// errors alone: errors of names and types come when the statement runs, as
// PostgreSQL's analysis of a statement does.

// parseString translates the statements of the query string sql (pieces:
// pgdialect.SplitPieces) and, when there are several, checks that SQLite
// parses each (parseFirst), before any runs. An error is placed in sql.
func (s *Session) parseString(ctx context.Context, sql string, pieces []pgdialect.Piece) ([]*pgdialect.Stmt, error) {
	parts := make([]string, len(pieces))
	stmts := make([]*pgdialect.Stmt, len(pieces))
	for i, p := range pieces {
		st, err := s.translateShaped(ctx, p.Text) // shapecache.go
		if err != nil {
			return nil, placeInString(toError(err), p, sql)
		}
		if st.ParamCount > 0 {
			// a query string has no parameters to bind: PostgreSQL's
			// analysis refuses the first $n it meets
			return nil, placeInString(noParameter(p.Text), p, sql)
		}
		parts[i], stmts[i] = p.Text, st
	}
	if len(stmts) > 1 {
		if i, err := s.parseFirst(ctx, parts, stmts); err != nil {
			return nil, placeInString(err, pieces[i], sql)
		}
	}
	return stmts, nil
}

// parseFirst returns the index of the first statement of a multi-statement
// string whose SQLite text does not parse, and that syntax error, placed
// in the statement's text (parts[i]); -1 and nil when all parse.
func (s *Session) parseFirst(ctx context.Context, parts []string, stmts []*pgdialect.Stmt) (int, error) {
	for i, st := range stmts {
		if st.Kind != pgdialect.KindQuery {
			continue // the others' Exec is raftsql's own text
		}
		for _, sqlText := range st.Exec {
			var perr error
			err := s.e.db.withReader(ctx, func(c *lconn) error {
				p, _, err := c.prepare(sqlText)
				if p != nil {
					p.finalize()
				}
				var se *sqliteErr
				if errors.As(err, &se) && isParseError(se.msg) {
					perr = err
				}
				return nil
			})
			if err != nil {
				return -1, nil // no reader now: each statement is compiled when it runs
			}
			if perr != nil {
				e := mapError(perr, sqlText)
				fixPosition(e, parts[i])
				return i, e
			}
		}
	}
	return -1, nil
}

// isParseError reports whether SQLite's error message is one of its
// parser's (or tokenizer's), which PostgreSQL's raw parser would raise.
func isParseError(msg string) bool {
	return strings.Contains(msg, "syntax error") || strings.Contains(msg, "incomplete input") || strings.Contains(msg, "unrecognized token")
}

// noParameter is PostgreSQL's 42P02 for the first parameter reference
// ($n outside quotes) of a statement that has no parameters to bind.
func noParameter(text string) error {
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c == '\'' || c == '"':
			if j := strings.IndexByte(text[i+1:], c); j >= 0 {
				i += j + 1
			}
		case c == '$' && i+1 < len(text) && text[i+1] >= '0' && text[i+1] <= '9' && (i == 0 || !isIdentByte(text[i-1])): // exec.go (a$1 is a name)
			j := i + 1
			for j < len(text) && text[j] >= '0' && text[j] <= '9' {
				j++
			}
			return &Error{Code: "42P02", Message: "there is no parameter " + text[i:j], Pos: len([]rune(text[:i])) + 1, Statement: -1}
		}
	}
	return &Error{Code: "42P02", Message: "there is no parameter $1", Statement: -1}
}
