package sqlexec

import (
	"context"
	"strings"

	"github.com/raftsql/raftsql/pgwire"
	"github.com/raftsql/raftsql/sqlexec/pgdialect"
	lib "modernc.org/sqlite/lib"
)

// Deferred foreign keys and SET CONSTRAINTS.
//
// A foreign key declared DEFERRABLE INITIALLY DEFERRED is stored as such
// in SQLite (pgdialect/deferral.go), which then counts the rows that
// violate it instead of failing the statement, and fails the COMMIT of
// the SQLite transaction while the count is not zero. raftsql applies
// many entries in one SQLite transaction (a savepoint each), so that
// COMMIT comes too late: whether an entry failed would depend on the
// entries batched with it. So every entry is checked at its own end
// (checkDeferred, from applyEntry): a count above zero fails the entry
// with 23503, as PostgreSQL fails the COMMIT, and ROLLBACK TO its
// savepoint restores the count (SQLite keeps it per savepoint) to the
// zero it had before. The count is SQLite's own (sqlite3.nDeferredCons
// and nDeferredImmCons), read from the connection, so the check costs
// nothing when nothing is pending; only a failing entry looks for the
// row to name (pragma_foreign_key_check), and the same state gives every
// node the same row.
//
// An autocommit statement is an entry: it is checked at its end, as
// PostgreSQL checks it at its implicit COMMIT. A transaction is one
// entry (txn.go): its deferred violations fail the COMMIT with 23503 and
// nothing of it is stored on any node. Its speculation (statement by
// statement, before COMMIT) runs the same statements and does not check
// deferred keys, so the client sees the error at COMMIT, not before.
//
// SET CONSTRAINTS enters the transaction's statements as constraintsOp
// (args: DEFERRED or IMMEDIATE, then the names; none for ALL) and runs
// at its place in every replay:
//
//   - names are checked as PostgreSQL does: unknown 42704; made DEFERRED
//     but not deferrable 42809 (any constraint PostgreSQL would list:
//     primary keys, unique, CHECK, foreign keys declared NOT DEFERRABLE);
//   - DEFERRED turns PRAGMA defer_foreign_keys on until the entry ends.
//     SQLite has one switch for all foreign keys, so while it is on every
//     foreign key of the transaction is checked at COMMIT, also those
//     not named and those NOT DEFERRABLE (PostgreSQL checks those at the
//     statement): a violation is then reported at COMMIT instead;
//   - IMMEDIATE checks what is pending now: a violation fails the SET
//     CONSTRAINTS statement with 23503, as in PostgreSQL. ALL IMMEDIATE
//     then makes every later statement of the transaction check at its
//     end (runImmediate: the statement runs in a savepoint, rolled back
//     with 23503 when it leaves a violation), INITIALLY DEFERRED keys
//     included. Named IMMEDIATE checks the named keys now but leaves the
//     INITIALLY DEFERRED ones deferred afterwards (SQLite cannot make one
//     key immediate).
//
// As in PostgreSQL the setting is undone by ROLLBACK TO a savepoint set
// before it (fkSavepoint).
//
// Outside a transaction block SET CONSTRAINTS checks its names and does
// nothing else, with PostgreSQL's WARNING 25P01. A query string of several
// statements, and an extended-protocol pipeline up to its Sync, are
// implicit transactions, where it holds as in a transaction block.

// constraintsOp is the SQL text of SET CONSTRAINTS in the log. It cannot
// come from a client (the wire protocol's strings end at NUL).
const constraintsOp = "\x00SET CONSTRAINTS"

// fkMode is the apply connection's SET CONSTRAINTS state within one
// entry or speculation.
type fkMode struct {
	deferAll  bool // PRAGMA defer_foreign_keys is on
	immediate bool // SET CONSTRAINTS ALL IMMEDIATE: check after each statement
	// saved: the mode at each savepoint open in the entry, restored by
	// ROLLBACK TO (SET CONSTRAINTS is transactional in PostgreSQL)
	saved []fkSaved
}

// fkSaved is the SET CONSTRAINTS mode when a savepoint was set.
type fkSaved struct {
	name                string
	deferAll, immediate bool
}

// deferredCount is SQLite's count of pending foreign key violations on c
// (deferred keys, and immediate ones under PRAGMA defer_foreign_keys).
func (c *lconn) deferredCount() int64 {
	if c.db == 0 {
		return 0
	}
	db := (*lib.Tsqlite3)(cptr(c.db))
	return db.FnDeferredCons + db.FnDeferredImmCons
}

// endFKMode ends the entry's or speculation's SET CONSTRAINTS state.
// SQLite turns defer_foreign_keys off at COMMIT and ROLLBACK, but an
// entry ends at a RELEASE of its savepoint.
func (c *lconn) endFKMode() {
	if c.fk.deferAll && c.inTx() {
		_ = c.exec("PRAGMA defer_foreign_keys = OFF")
	}
	c.fk = fkMode{}
}

// checkDeferred fails an entry that leaves foreign key violations pending
// (23503 naming the first violating row found, as PostgreSQL's COMMIT);
// nil when none is pending.
func checkDeferred(c *lconn, stmts []Statement) *Error {
	if c.deferredCount() == 0 {
		return nil
	}
	if e := findViolation(c, stmts, nil); e != nil {
		return e
	}
	// Counted but not found (no row to name): still a violation.
	return &Error{Code: CodeForeignKeyViolation, Message: "insert or update violates a deferred foreign key constraint", Statement: -1}
}

// findViolation looks for a row violating a foreign key (only the
// constraints named in only, when it is not nil), in the tables that have
// foreign keys, those the statements name first. The message is PostgreSQL's for
// the row's side: "update or delete on table parent" when stmts are
// known and none wrote the child table, else "insert or update on table
// child".
func findViolation(c *lconn, stmts []Statement, only []string) *Error {
	type key struct {
		tbl  string
		fkid int64
	}
	var want map[key]bool
	if only != nil {
		want = map[key]bool{}
		for _, name := range only {
			st, _, err := c.prepareFresh(`SELECT tbl, id FROM pgd_fk WHERE conname = ?1`)
			if err != nil || st == nil {
				return nil
			}
			_, err = st.run([]any{name}, func(r []any) error {
				t, _ := r[0].(string)
				id, _ := r[1].(int64)
				want[key{strings.ToLower(t), id}] = true
				return nil
			})
			st.finalize()
			if err != nil {
				return nil
			}
		}
	}
	tables, err := queryStrings(c, `SELECT DISTINCT m.name FROM sqlite_schema m, pragma_foreign_key_list(m.name) f
 WHERE m.type = 'table' AND m.name NOT LIKE 'raftsql\_%' ESCAPE '\' ORDER BY m.name`)
	if err != nil {
		return nil
	}
	named := make([]string, 0, len(tables))
	var rest []string
	for _, t := range tables {
		if mentioned(stmts, t) {
			named = append(named, t)
		} else {
			rest = append(rest, t)
		}
	}
	base := &Error{Code: CodeForeignKeyViolation, Statement: -1}
	for _, child := range append(named, rest...) {
		var fkids []int64
		for k := range want {
			if k.tbl == strings.ToLower(child) {
				fkids = append(fkids, k.fkid)
			}
		}
		if want != nil && len(fkids) == 0 {
			continue
		}
		deleting := stmts != nil && !writes(stmts, child)
		if e := foreignKeyViolationOf(c, base, child, child, deleting, fkids); e != nil {
			return e
		}
	}
	return nil
}

// mentioned reports whether a statement's text names table (lexically).
func mentioned(stmts []Statement, table string) bool {
	for _, s := range stmts {
		if pgdialect.MentionsFold(s.SQL, table) {
			return true
		}
	}
	return false
}

// writes reports whether a statement inserts into or updates table
// (lexically: an INSERT, UPDATE, MERGE or WITH naming it; COPY's rows
// enter the log as INSERTs).
func writes(stmts []Statement, table string) bool {
	for _, s := range stmts {
		w := words(s.SQL, 1)
		if len(w) == 1 && (w[0] == "INSERT" || w[0] == "UPDATE" || w[0] == "MERGE" || w[0] == "WITH") && pgdialect.MentionsFold(s.SQL, table) {
			return true
		}
		if m, ok := pgdialect.ParseMerge(s.SQL); ok && strings.EqualFold(m.Target, table) { // merge.go: its plan writes the target
			return true
		}
	}
	return false
}

// runSetConstraints runs SET CONSTRAINTS (constraintsOp) on the apply
// connection; args are the mode and the names (none: ALL).
func runSetConstraints(c *lconn, args []any) StatementResult {
	res := StatementResult{Tag: "SET CONSTRAINTS"}
	if len(args) == 0 {
		res.Err = errf(CodeInternal, "SET CONSTRAINTS without a mode")
		return res
	}
	mode, _ := args[0].(string)
	var names []string
	for _, a := range args[1:] {
		n, _ := a.(string)
		names = append(names, n)
	}
	if e := checkConstraintNames(c, names, mode == "DEFERRED"); e != nil {
		res.Err = e
		return res
	}
	if mode == "DEFERRED" {
		if !c.fk.deferAll {
			if err := c.exec("PRAGMA defer_foreign_keys = ON"); err != nil {
				res.Err = mapError(err, "")
				return res
			}
		}
		c.fk.deferAll, c.fk.immediate = true, false
		return res
	}
	if c.deferredCount() > 0 {
		if e := findViolation(c, nil, names); e != nil {
			res.Err = e
			return res
		}
	}
	if names == nil || c.deferredCount() == 0 {
		// Turning the switch off forgets what it counted: only when
		// nothing is pending (else the pending rows, of other keys, stay
		// counted for the COMMIT).
		if c.fk.deferAll {
			if err := c.exec("PRAGMA defer_foreign_keys = OFF"); err != nil {
				res.Err = mapError(err, "")
				return res
			}
			c.fk.deferAll = false
		}
	}
	if names == nil {
		c.fk.immediate = true
	}
	return res
}

// checkConstraintNames checks SET CONSTRAINTS' names as PostgreSQL does.
// Only DEFERRED needs deferrable constraints (PostgreSQL accepts any
// constraint made IMMEDIATE).
func checkConstraintNames(c *lconn, names []string, deferring bool) *Error {
	for _, n := range names {
		found, deferrable := false, true
		st, _, err := c.prepareFresh(`SELECT condeferrable FROM pg_constraint WHERE conname = ?1`)
		if err != nil || st == nil {
			return errf(CodeInternal, "SET CONSTRAINTS: %v", err)
		}
		_, err = st.run([]any{n}, func(r []any) error {
			found = true
			if v, _ := r[0].(int64); v == 0 {
				deferrable = false
			}
			return nil
		})
		st.finalize()
		if err != nil {
			return mapError(err, "")
		}
		if !found {
			return errf(CodeUndefinedObject, "constraint \"%s\" does not exist", n)
		}
		if deferring && !deferrable {
			return errf(CodeWrongObjectType, "constraint \"%s\" is not deferrable", n)
		}
	}
	return nil
}

// runImmediate runs a statement after SET CONSTRAINTS ALL IMMEDIATE: in
// a savepoint, undone with 23503 when it leaves a foreign key violation.
func runImmediate(c *lconn, sqlText string, args []any, verb string) (StatementResult, bool) {
	if err := c.exec("SAVEPOINT raftsql_fk"); err != nil {
		return StatementResult{Err: mapError(err, "")}, false
	}
	c.fk.immediate = false
	res, ro := runSQL(c, sqlText, args, verb)
	c.fk.immediate = true
	if !c.inTx() {
		return res, ro
	}
	if res.Err == nil && c.deferredCount() > 0 {
		if e := findViolation(c, []Statement{{SQL: sqlText}}, nil); e != nil {
			res = StatementResult{Err: e}
		} else {
			res = StatementResult{Err: &Error{Code: CodeForeignKeyViolation, Message: "insert or update violates a foreign key constraint", Statement: -1}}
		}
		_ = c.exec("ROLLBACK TO raftsql_fk")
	}
	_ = c.exec("RELEASE raftsql_fk")
	return res, ro
}

// fkSavepoint keeps SET CONSTRAINTS transactional across savepoints:
// called after a SAVEPOINT, RELEASE or ROLLBACK TO statement succeeded, it
// records the mode at a savepoint and restores it at ROLLBACK TO, as
// PostgreSQL does.
func (c *lconn) fkSavepoint(sqlText string) {
	f := strings.Fields(sqlText)
	if len(f) < 2 {
		return
	}
	verb := strings.ToUpper(f[0])
	for len(f) > 1 && (strings.EqualFold(f[1], "TO") || strings.EqualFold(f[1], "SAVEPOINT")) {
		f = append(f[:1], f[2:]...)
	}
	name := strings.Join(f[1:], " ")
	if len(name) >= 2 && name[0] == '"' && name[len(name)-1] == '"' {
		name = strings.ReplaceAll(name[1:len(name)-1], `""`, `"`)
	} else {
		name = strings.ToLower(name)
	}
	at := -1
	for i := len(c.fk.saved) - 1; i >= 0; i-- {
		if c.fk.saved[i].name == name {
			at = i
			break
		}
	}
	switch {
	case verb == "SAVEPOINT":
		c.fk.saved = append(c.fk.saved, fkSaved{name, c.fk.deferAll, c.fk.immediate})
	case at < 0:
	case verb == "RELEASE":
		c.fk.saved = c.fk.saved[:at]
	case verb == "ROLLBACK":
		sp := c.fk.saved[at]
		c.fk.saved = c.fk.saved[:at+1]
		if sp.deferAll != c.fk.deferAll {
			// SQLite restored its counts to the savepoint's; the switch
			// is not part of them. Turning it off forgets only immediate
			// keys' counts, zero while it was off.
			pragma := "PRAGMA defer_foreign_keys = OFF"
			if sp.deferAll {
				pragma = "PRAGMA defer_foreign_keys = ON"
			}
			_ = c.exec(pragma)
		}
		c.fk.deferAll, c.fk.immediate = sp.deferAll, sp.immediate
	}
}

// transactionControl reports a SAVEPOINT, RELEASE or ROLLBACK statement
// (they write nothing and must not be nested in runImmediate's savepoint).
func transactionControl(sqlText string) bool {
	w := words(sqlText, 1)
	return len(w) == 1 && (w[0] == "SAVEPOINT" || w[0] == "RELEASE" || w[0] == "ROLLBACK")
}

// setConstraints is SET CONSTRAINTS from a client: in a transaction, a
// statement of its entry; outside one, the names are checked and PostgreSQL's
// warning given.
func (s *Session) setConstraints(ctx context.Context, st *pgdialect.Stmt, w pgwire.ResultWriter) error {
	if s.tx == nil && s.pipeMore {
		// More extended-protocol messages before Sync: they are one
		// implicit transaction (query.go), which this one starts.
		s.beginPipelineTxn()
	}
	if s.tx == nil {
		_ = w.Notice("WARNING", CodeNoActiveTransaction, "SET CONSTRAINTS can only be used in transaction blocks")
		if len(st.Constraints) > 0 {
			if err := s.e.db.withReader(ctx, func(c *lconn) error {
				if e := checkConstraintNames(c, st.Constraints, st.Value == "DEFERRED"); e != nil {
					return e
				}
				return nil
			}); err != nil {
				return err
			}
		}
		return w.Complete("SET CONSTRAINTS")
	}
	args := []any{st.Value}
	size := len(st.Value)
	for _, n := range st.Constraints {
		args = append(args, n)
		size += len(n)
	}
	stmt := Statement{SQL: constraintsOp, Args: args, Tag: "SET CONSTRAINTS", Digest: true}
	// Allowed in a READ ONLY transaction, and no write of its own: a
	// transaction that writes nothing else needs no log entry.
	ro, wrote := s.tx.readOnly, s.tx.wrote
	s.tx.readOnly = false
	err := s.txWrite(ctx, []Statement{stmt}, size)
	s.tx.readOnly = ro
	if err != nil {
		return err
	}
	s.tx.wrote = wrote
	return w.Complete("SET CONSTRAINTS")
}
