package sqlexec

import (
	"context"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// A sequence is no SQLite relation: its state is a row of
// raftsql_sequences (pgdialect/catalog_sequences.go), so a statement that
// reads it as a relation (SELECT * FROM s, SELECT last_value FROM s) finds
// no table. PostgreSQL 15 answers such a read with the sequence's one row
// (last_value, log_cnt, is_called). A read-only statement that failed so
// is run again with the sequence's FROM items rewritten into a derived
// table of that row (pgdialect.SequenceRelation). The look-up happens only
// on the error, so statements that read tables pay nothing for it.
//
// A statement that writes the sequence (INSERT INTO s, UPDATE s, DELETE
// FROM s) is PostgreSQL's 42809 "cannot change sequence". Any other
// statement that reads a sequence as a relation (INSERT ... SELECT
// last_value FROM s, DECLARE, COPY (SELECT ...) TO) is refused with 0A000
// naming the construct: a write's first try was an entry of the log, and
// running it again would propose another.

// isSequence reports whether name is a sequence on the state the
// statement saw.
func (s *Session) isSequence(ctx context.Context, name string) bool {
	found := false
	_ = s.onTxState(ctx, func(c *lconn) error { // txn.go
		_, ok, err := queryInt(c, "SELECT 1 FROM main.raftsql_sequences WHERE name = ?1", name)
		found = ok && err == nil
		return nil
	})
	return found
}

// sequenceRelationRead returns orig rewritten to read the sequence that
// e (a 42P01) names as a relation, when st is a read-only query and the
// relation is a sequence.
func (s *Session) sequenceRelationRead(ctx context.Context, orig string, st *pgdialect.Stmt, e *Error) (string, bool) {
	if e.Code != CodeUndefinedTable || e.Table == "" || st == nil || st.Kind != pgdialect.KindQuery || !st.ReadOnly {
		return "", false
	}
	if !s.isSequence(ctx, e.Table) {
		return "", false
	}
	return pgdialect.SequenceRelation(orig, e.Table)
}

// sequenceRelationError turns e, a 42P01 for a relation that is a
// sequence on the state the statement saw, into PostgreSQL's 42809 when
// orig writes it, else into the 0A000 above; any other error, or a failed
// look-up, leaves e as it is.
func (s *Session) sequenceRelationError(ctx context.Context, orig string, e *Error) {
	if e.Code != CodeUndefinedTable || e.Table == "" || !s.isSequence(ctx, e.Table) {
		return
	}
	if pgdialect.ChangesRelation(orig, e.Table) {
		e.Code = CodeWrongObjectType
		e.Message = "cannot change sequence " + `"` + e.Table + `"`
		e.Table, e.HintText = "", ""
		return
	}
	e.Code = CodeFeatureNotSupported
	e.Message = "reading sequence \"" + e.Table + "\" as a relation is not supported in this statement (only in a SELECT that writes nothing)"
	e.HintText = "Read it in a SELECT of its own, or use currval('" + e.Table + "') or last_value of pg_sequences."
}
