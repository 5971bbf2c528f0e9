package sqlexec

import (
	"context"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// What an autocommit statement needs to know before it is proposed, found
// on one read connection, and remembered per prepared statement.
//
// Before a statement outside a transaction is proposed, the session asks
// SQLite whether it only reads (then it runs locally) and, when it writes,
// compiles it under the write allow-list (authorize.go) to refuse a
// non-deterministic statement before it enters the log. Both answers are
// functions of the statement's text and of the database schema (the main
// schema and the read connections' fixed catalog views): nothing of the
// session enters them: the session's temporary objects are routed before
// (temp.go); the translation was fixed when the statement was prepared
// and reads no session setting (TimeZone travels with each proposal,
// Command.TimeZone; search_path is only reported, never resolved). So:
//
//   - classify does both on one read connection (one pool checkout instead
//     of two), and
//   - a prepared statement remembers the answer "writes, and passes the
//     allow-list" together with the schema it was found for (schemaKey);
//     its next Executes skip both while the schema is the same. Any schema
//     change committed by apply, and any reopening of the connections (a
//     restored snapshot), moves the key, and the next Execute asks again.
//
// The apply path enforces the allow-list again at the statement's log
// position on every node; this check only answers the client early, so a
// verdict found against a schema that changed in between is never a
// safety question, and the key is read before the check, so a verdict is
// never used for a schema older than the one it was found against.

// schemaKey names one database schema as seen by the read connections.
type schemaKey struct {
	conns  uint64 // DB.connGen: connections opened (Open, Restore)
	schema int64  // DB.schemaVer: SQLite's schema version
}

func (db *DB) schemaKey() schemaKey {
	return schemaKey{conns: db.connGen.Load(), schema: db.schemaVer.Load()}
}

// writeVerdict is a prepared statement's remembered classification.
type writeVerdict struct {
	// guarded: the statement's text passed guardInternal (a function of
	// the text alone).
	guarded bool
	// writes: at schema key, the statement writes and passes the write
	// allow-list.
	writes bool
	key    schemaKey
}

// class is classify's answer.
type class int

const (
	// classUnknown: classification failed with the error returned (a
	// syntax error, or an object this replica has not applied yet).
	classUnknown class = iota
	classRead
	// classWrite: it writes; the allow-list was not checked.
	classWrite
	// classWriteChecked: it writes and was compiled under the write
	// allow-list; the error returned is the allow-list's refusal, if any
	// (what checkWrite would have returned).
	classWriteChecked
)

// classify compiles sqlText on one read connection (prepareRead), and, when it writes and check is set, under the
// write allow-list too (checkWrite's answer, on the same connection).
func (s *Session) classify(ctx context.Context, sqlText string, check bool) (class, error) {
	cl := classUnknown
	err := s.e.db.withReader(ctx, func(c *lconn) error {
		st, err := prepareRead(c, sqlText)
		if err == nil {
			if st != nil {
				st.release()
			}
			cl = classRead // (nothing to run: the read path answers EmptyQuery)
			return nil
		}
		if err != errNotReadonly {
			return err
		}
		if !check {
			cl = classWrite
			return nil
		}
		cl = classWriteChecked
		if e := refuseStatementKind(sqlText); e != nil {
			return e
		}
		if refusal, _ := compileWriteOn(c, sqlText); refusal != nil {
			return refusal
		}
		return nil
	})
	if err != nil && cl != classWriteChecked {
		cl = classUnknown
	}
	return cl, err
}

// verdict is the remembered classification of st when st is the
// prepared statement being executed (nil otherwise: the simple query
// protocol, or a statement run on its behalf such as SQL EXECUTE's).
func (s *Session) verdict(st *pgdialect.Stmt) *writeVerdict {
	if p := s.executing; p != nil && p.st == st {
		return &p.verdict
	}
	return nil
}
