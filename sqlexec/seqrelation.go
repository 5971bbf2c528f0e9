package sqlexec

import "context"

// A sequence is no SQLite relation: its state is a row of
// raftsql_sequences (pgdialect/catalog_sequences.go), so a statement that
// reads it as a relation (SELECT * FROM s, SELECT last_value FROM s) finds
// no table. PostgreSQL 15 answers such a read with the sequence's one row
// (last_value, log_cnt, is_called); raftsql answers pg_dump's own form
// ("SELECT last_value, is_called FROM s", dumpseq.go) and refuses any other
// with 0A000 naming the construct, rather than the 42P01 "does not exist"
// of a sequence that does.

// sequenceRelationRefusal turns e, a 42P01 for a relation that is a
// sequence on the state the statement saw, into that 0A000; any other
// error, or a failed look-up, leaves e as it is.
func (s *Session) sequenceRelationRefusal(ctx context.Context, e *Error) {
	if e.Code != CodeUndefinedTable || e.Table == "" {
		return
	}
	found := false
	_ = s.onTxState(ctx, func(c *lconn) error { // txn.go
		_, ok, err := queryInt(c, "SELECT 1 FROM main.raftsql_sequences WHERE name = ?1", e.Table)
		found = ok && err == nil
		return nil
	})
	if !found {
		return
	}
	e.Code = CodeFeatureNotSupported
	e.Message = "reading sequence \"" + e.Table + "\" as a relation (SELECT ... FROM " + quoteIdent(e.Table) + ") is not supported"
	e.HintText = "Use currval('" + e.Table + "'), or last_value of pg_sequences; SELECT last_value, is_called FROM " + quoteIdent(e.Table) + " (pg_dump's form) is answered."
}
