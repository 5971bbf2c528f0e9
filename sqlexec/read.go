package sqlexec

import (
	"context"
	"errors"
	"strings"

	"github.com/raftsql/raftsql/pgwire"
)

// The read path: a read-only statement outside a transaction runs on a
// pooled read connection, after a read barrier when the session reads
// linearizably, and streams its rows to the client.

func (s *Session) barrier(ctx context.Context) error {
	if sc, ok := s.e.r.(ServingChecker); ok {
		if err := sc.Serving(); err != nil {
			return toError(err)
		}
	}
	if !s.linearizable() || s.e.r == nil {
		return nil
	}
	if err := s.e.r.ReadBarrier(ctx); err != nil {
		return toError(err)
	}
	return nil
}

// notReadonly is returned by tryRead when the statement writes.
var errNotReadonly = errors.New("statement is not read-only")

// tryRead executes sqlText on a read connection if SQLite says it is
// read-only; errNotReadonly otherwise.
func (s *Session) tryRead(ctx context.Context, sqlText string, args []any, verb string) (StatementResult, error) {
	var res StatementResult
	err := s.e.db.withReader(ctx, func(c *lconn) error {
		st, err := prepareRead(c, sqlText)
		if err != nil {
			return err
		}
		if st == nil {
			res.Tag = "EMPTY"
			return nil
		}
		defer st.release()
		defer s.bindConn(c)()
		res = runPrepared(c, st, sqlText, args, verb)
		return nil
	})
	if err != nil {
		return res, err
	}
	return res, res.Err
}

// prepareRead compiles sqlText (cached; release it) on the read
// connection c: errNotReadonly if SQLite says it writes, nil if there is
// nothing to run.
func prepareRead(c *lconn, sqlText string) (*lstmt, error) {
	if err := guardInternal(sqlText); err != nil {
		return nil, err
	}
	// Cached: a prepared write is classified at every Execute that has
	// no remembered verdict (verdict.go), and compiling it each time was
	// a quarter of an INSERT's CPU.
	st, tail, err := c.prepareUser(sqlText)
	if err != nil {
		return nil, mapError(err, sqlText)
	}
	if st == nil {
		return nil, nil
	}
	if !st.readonly() || strings.TrimSpace(tail) != "" || isPragmaWrite(sqlText) {
		st.release()
		return nil, errNotReadonly
	}
	return st, nil
}

// streamRead runs a read-only statement on a read connection, streaming
// rows to w. It returns errNotReadonly, before writing anything, if SQLite
// says the statement writes.
func (s *Session) streamRead(ctx context.Context, sqlText string, args []any, verb string, hints colHints, w pgwire.ResultWriter, describe bool) error {
	return s.e.db.withHeldReader(ctx, &s.watch, func(c *lconn) error {
		defer s.bindConn(c)()
		if err := guardInternal(sqlText); err != nil {
			return err
		}
		st, tail, err := c.prepareUser(sqlText)
		if err != nil {
			return mapError(err, sqlText)
		}
		if st == nil {
			return w.EmptyQuery()
		}
		defer st.release()
		if !st.readonly() || strings.TrimSpace(tail) != "" || isPragmaWrite(sqlText) {
			return errNotReadonly
		}
		desc := st.readDescription(c, sqlText, hints) // readdesc.go
		infos, ncol := desc.infos, len(desc.infos)
		var cols []pgwire.Column
		nrows := int64(0)
		n, err := st.run(args, func(r []any) error {
			if cols == nil {
				if cols = desc.cols; cols == nil {
					cols = buildColumns(infos, r)
				}
				if describe {
					if err := w.Describe(cols); err != nil {
						return err
					}
				}
			}
			convertRow(cols, r)
			nrows++
			return w.Row(r)
		})
		if err != nil {
			var se *sqliteErr
			if !errors.As(err, &se) {
				return err // the writer's own error
			}
			e := mapError(err, sqlText)
			if e.Code == CodeQueryCanceled && errors.Is(ctx.Err(), context.DeadlineExceeded) {
				e.Message = "canceling statement due to statement timeout"
			}
			return e
		}
		if cols == nil && ncol > 0 && describe {
			if err := w.Describe(buildColumns(infos, nil)); err != nil {
				return err
			}
		}
		if verb == "SELECT" {
			n = nrows
		}
		return w.Complete(makeTag(verb, n))
	})
}

func isPragmaWrite(sqlText string) bool {
	w, _ := nextWord(sqlText)
	return strings.EqualFold(w, "PRAGMA") && strings.ContainsAny(sqlText, "=") ||
		strings.EqualFold(w, "ATTACH") || strings.EqualFold(w, "DETACH")
}

// runPrepared runs a prepared statement (and finalizes nothing).
func runPrepared(c *lconn, st *lstmt, sqlText string, args []any, verb string) (res StatementResult) {
	ncol := st.columnCount()
	infos := make([]colInfo, ncol)
	for i := range infos {
		infos[i] = newColInfo(st, i)
	}
	var rows [][]any
	n, err := st.run(args, func(r []any) error {
		rows = append(rows, r)
		return nil
	})
	if err != nil {
		res.Err = mapError(err, sqlText)
		return res
	}
	if ncol > 0 {
		resultTypes(c, sqlText, infos) // resulttypes.go
		res.setRows(infos, rows)
	}
	if verb == "" {
		verb = deriveVerb(sqlText, true)
	}
	if verb == "SELECT" {
		res.RowsAffected = int64(len(rows))
	} else {
		res.RowsAffected = n
	}
	res.Tag = makeTag(verb, res.RowsAffected)
	return res
}

func readVerb(tag string) string {
	if tag == "" {
		return "SELECT"
	}
	return tag
}
