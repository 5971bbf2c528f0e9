package sqlexec

// State functions: SQL functions that change the state machine's own
// tables at apply (sequences.go, extensions.go). They run statements of
// their own on the apply connection, inside the entry's transaction, so
// what they change is applied in log order on every node and undone with
// the entry. A statement calling one always goes through the log
// (pgdialect.CallsStateFunction, lstmt.readonly); on any other connection
// they refuse.

import (
	"github.com/raftsql/raftsql/sqlexec/pgdialect"
	"modernc.org/libc"
	lib "modernc.org/sqlite/lib"
)

// stateCall runs fn for a state function on the apply connection with
// the authorizer off (the function's own statements touch the internal
// table; the user's statement was authorized when compiled) and sets the
// function's result.
func stateCall(tls *libc.TLS, ctx uintptr, fname string, fn func(c *lconn, d *detState) (any, error)) {
	d := ctxDet(tls, ctx)
	c := d.conn
	if !d.apply || c == nil {
		resultError(tls, ctx, pgdialect.ErrMarker+CodeReadOnlyTransaction+": cannot execute "+fname+"() in a read-only transaction")
		return
	}
	if d.seq == nil {
		d.seq = decodeSeqSession("")
	}
	var v any
	err := ownStatements(c, func() (err error) {
		v, err = fn(c, d)
		return err
	})
	if err != nil {
		resultError(tls, ctx, stateErrText(err))
		return
	}
	switch v := v.(type) {
	case int64:
		lib.Xsqlite3_result_int64(tls, ctx, v)
	case string:
		resultText(tls, ctx, v)
	case nil:
		lib.Xsqlite3_result_null(tls, ctx)
	}
}

// stateErrText is err as a function error the session maps to its SQLSTATE.
func stateErrText(err error) string {
	if _, _, ok := pgdialect.ParseSQLStateError(err.Error()); ok {
		return err.Error()
	}
	if e, ok := err.(*Error); ok { // read back by mapError (errors.go)
		return pgdialect.SQLStateText(e.Code, e.Message, e.DetailText, e.HintText)
	}
	return pgdialect.ErrMarker + CodeInternal + ": " + err.Error()
}

// stateRun runs one statement of a state function. The statement is
// cached: nextval runs for every row that takes a serial key (serial.go).
func stateRun(c *lconn, sqlText string, args ...any) error {
	st, _, err := c.prepareCached(sqlText)
	if err != nil {
		return err
	}
	defer st.release()
	_, err = st.run(args, nil)
	return err
}

// stateExists reports whether a query of a state function returns a row.
func stateExists(c *lconn, sqlText string, args ...any) (bool, error) {
	st, _, err := c.prepareFresh(sqlText)
	if err != nil {
		return false, err
	}
	defer st.finalize()
	found := false
	_, err = st.run(args, func([]any) error { found = true; return nil })
	return found, err
}

// ownStatements runs fn, whose statements are the function's own, with
// the authorizer off, keeping the refusal state of the user's statement
// that called the function.
func ownStatements(c *lconn, fn func() error) error {
	var saved *Error
	if c.auth != nil {
		saved = c.auth.refused
	}
	restore := c.enterAuth(authOff)
	err := fn()
	restore()
	if c.auth != nil {
		c.auth.refused = saved
	}
	return err
}
