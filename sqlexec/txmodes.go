package sqlexec

import (
	"context"
	"strings"

	"github.com/raftsql/raftsql/pgwire"
	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// Transaction modes: transaction_isolation, transaction_read_only and
// transaction_deferrable are the modes of the current transaction, set by
// BEGIN's options, SET TRANSACTION or SET of the setting, and each
// transaction starts with default_transaction_isolation,
// default_transaction_read_only and default_transaction_deferrable (SET
// SESSION CHARACTERISTICS AS TRANSACTION sets those). PostgreSQL checks a
// change as its GUC check hooks do (25001 after the first query or inside
// a savepoint); those checks are kept, because a client told SET must be
// able to trust that the mode holds. Outside a transaction block each
// statement is a transaction of its own, so the modes show the defaults
// and a SET of them has no lasting effect.
//
// The session settings hold the modes (SHOW, current_setting and
// ROLLBACK TO read and restore them with the others); txn.readOnly
// mirrors transaction_read_only for the write paths.
//
// Every isolation level runs as raftsql's one level, serializable
// (transactions.md): a stronger level than asked for is what the SQL
// standard allows, and SHOW answers the level asked for, as PostgreSQL
// does for READ UNCOMMITTED (which it runs as READ COMMITTED).

// txModeDefault maps each transaction mode to the setting its value
// starts from.
var txModeDefault = map[string]string{
	"transaction_isolation":  "default_transaction_isolation",
	"transaction_read_only":  "default_transaction_read_only",
	"transaction_deferrable": "default_transaction_deferrable",
}

// syncTxModes makes the modes the defaults', where no transaction is
// open: each statement outside a block is a transaction that starts so.
func (s *Session) syncTxModes() {
	if s.tx != nil {
		return
	}
	for m, d := range txModeDefault {
		s.settings[m] = s.settings[d]
	}
}

// startTxModes starts tx's modes: the defaults, then BEGIN's options in
// order. It runs before tx is the session's transaction.
func (s *Session) startTxModes(tx *txn, modes []pgdialect.TxMode) {
	for m, d := range txModeDefault {
		s.settings[m] = s.settings[d]
	}
	for _, m := range modes {
		s.settings[m.Name] = m.Value
	}
	tx.readOnly = isOn(s.settings["transaction_read_only"])
}

// setTxMode changes a mode of the open transaction with PostgreSQL's
// checks (check_XactIsoLevel, check_transaction_read_only,
// check_transaction_deferrable). A query has run once the transaction
// has its read view or has written: that is PostgreSQL's first snapshot.
func (s *Session) setTxMode(name, val string) error {
	tx := s.tx
	sub := len(tx.savepoints) > 0
	queried := tx.view != nil || tx.spec || tx.wrote
	switch name {
	case "transaction_isolation":
		if val != s.settings[name] {
			if queried {
				return errf(CodeActiveTransaction, "SET TRANSACTION ISOLATION LEVEL must be called before any query")
			}
			if sub {
				return errf(CodeActiveTransaction, "SET TRANSACTION ISOLATION LEVEL must not be called in a subtransaction")
			}
		}
	case "transaction_read_only":
		if !isOn(val) && tx.readOnly {
			if sub {
				return errf(CodeActiveTransaction, "cannot set transaction read-write mode inside a read-only transaction")
			}
			if queried {
				return errf(CodeActiveTransaction, "transaction read-write mode must be set before any query")
			}
		}
		tx.readOnly = isOn(val)
	case "transaction_deferrable":
		if sub {
			return errf(CodeActiveTransaction, "SET TRANSACTION [NOT] DEFERRABLE cannot be called within a subtransaction")
		}
		if queried {
			return errf(CodeActiveTransaction, "SET TRANSACTION [NOT] DEFERRABLE must be called before any query")
		}
	}
	s.settings[name] = val
	return nil
}

// setTransaction runs SET TRANSACTION (st.Local) and SET SESSION
// CHARACTERISTICS AS TRANSACTION.
func (s *Session) setTransaction(st *pgdialect.Stmt, w pgwire.ResultWriter) error {
	if !st.Local {
		for _, m := range st.TxModes {
			s.assign(txModeDefault[m.Name], m.Value)
		}
		return w.Complete("SET")
	}
	if s.tx == nil || s.tx.implicit && s.pipeMore {
		_ = w.Notice("WARNING", CodeNoActiveTransaction, "SET TRANSACTION can only be used in transaction blocks")
	}
	if s.tx != nil {
		for _, m := range st.TxModes {
			if err := s.setTxMode(m.Name, m.Value); err != nil {
				return err
			}
		}
	}
	return w.Complete("SET")
}

// afterSettingsRestored brings txn.readOnly back to the restored
// transaction_read_only (ROLLBACK TO).
func (s *Session) afterSettingsRestored() {
	if s.tx != nil {
		s.tx.readOnly = isOn(s.settings["transaction_read_only"])
	}
}

// defaultReadOnly reports default_transaction_read_only: outside a
// block, each statement is then a read-only transaction of its own.
func (s *Session) defaultReadOnly() bool {
	return s.settings["default_transaction_read_only"] == "on"
}

// readOnlyStatement runs a statement outside a transaction block while
// default_transaction_read_only is on. PostgreSQL runs it as a read-only
// transaction of its own, so a write is 25006 (it was proposed and
// applied); here it runs as the one statement of a read-only implicit
// transaction, whose checks refuse writes in PostgreSQL's order (a
// missing table's 42P01 first), and which, reading only, commits without
// a log entry.
func (s *Session) readOnlyStatement(ctx context.Context, st *pgdialect.Stmt, args []any, w pgwire.ResultWriter, describe bool) error {
	s.tx = s.newTxn(&pgdialect.Stmt{})
	s.tx.implicit = true
	tx := s.tx
	err := s.txExec(ctx, st, args, w, describe)
	if err != nil || tx.failed {
		s.abortTx()
		return err
	}
	s.endTx()
	return s.commit(ctx, tx)
}

// readOnlyNow reports whether the statement now running is in a
// read-only transaction: a block that is, or a statement outside one
// while default_transaction_read_only is on.
func (s *Session) readOnlyNow() bool {
	if s.tx != nil {
		return s.tx.readOnly
	}
	return s.defaultReadOnly()
}

// errReadOnly refuses a write that does not run through txExec (COPY
// FROM, role statements) where the transaction is read-only: a block
// that is, or a statement outside one while default_transaction_read_only
// is on.
func (s *Session) errReadOnly(what string) error {
	if s.readOnlyNow() {
		return errf(CodeReadOnlyTransaction, "cannot execute %s in a read-only transaction", what)
	}
	return nil
}

// chainModes returns the modes of the transaction that COMMIT or ROLLBACK
// AND CHAIN (st.Chain) ends, for the one it starts; nil otherwise.
func (s *Session) chainModes(st *pgdialect.Stmt) []pgdialect.TxMode {
	if !st.Chain || s.tx == nil {
		return nil
	}
	return []pgdialect.TxMode{
		{Name: "transaction_isolation", Value: s.settings["transaction_isolation"]},
		{Name: "transaction_read_only", Value: s.settings["transaction_read_only"]},
		{Name: "transaction_deferrable", Value: s.settings["transaction_deferrable"]},
	}
}

// chain starts the transaction of AND CHAIN with the modes of the one
// that ended (chainModes; nil: no chain). PostgreSQL starts it whether
// the first committed or rolled back; a COMMIT that fails starts none.
func (s *Session) chain(modes []pgdialect.TxMode) {
	if modes != nil {
		s.tx = s.newTxn(&pgdialect.Stmt{TxModes: modes})
	}
}

// isSchemaChange reports a statement tag of DDL (CREATE, ALTER, DROP).
func isSchemaChange(tag string) bool {
	return strings.HasPrefix(tag, "CREATE ") || strings.HasPrefix(tag, "ALTER ") || strings.HasPrefix(tag, "DROP ")
}

// isUtilityWrite reports a statement tag of a utility command that
// PostgreSQL refuses in a read-only transaction before anything else
// (PreventCommandIfReadOnly): DDL, TRUNCATE, COMMENT, GRANT, REVOKE.
func isUtilityWrite(tag string) bool {
	switch tag {
	case "TRUNCATE TABLE", "COMMENT", "GRANT", "REVOKE":
		return true
	}
	return isSchemaChange(tag)
}
