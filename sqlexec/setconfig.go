package sqlexec

import (
	"strings"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
	"modernc.org/libc"
	lib "modernc.org/sqlite/lib"
)

// set_config(name, value, is_local): SET as a function, as PostgreSQL
// has it. It changes the session's setting exactly as SET (is_local
// false) or SET LOCAL (is_local true) does (the same validation, the same
// refusals, settingValue) and returns the value as current_setting()
// then shows it. A NULL value resets the parameter, as in PostgreSQL.
//
// A setting belongs to the session, never to the replicated state, so
// set_config runs only where the session's own statement runs:
//
//   - in a read, outside a transaction or in one that has not written yet
//     (the read runs on a read connection bound to the session, which
//     points the connection's set_config at Session.setConfig: bindConn);
//     several calls in one statement (per row, in WHERE) take effect in
//     the order SQLite evaluates them, each seeing the ones before;
//   - in a cursor's query it is refused with 0A000: the cursor's rows are
//     computed at DECLARE, so its calls would all be made before the
//     first FETCH (PostgreSQL makes them row by row as they are fetched);
//   - a statement that writes, or any statement of a transaction after
//     its first write (it runs speculatively on the apply state), is
//     refused with 0A000 by the write allow-list (authorize.go): its
//     setting change could not be made on the session there. SET and SET
//     LOCAL work there.
//
// A read of a transaction is replayed when the transaction commits (its
// results are validated against what the client saw, validate.go). It is
// recorded with raftsql_set_config in place of set_config: the same
// value, computed from the arguments alone, and no effect, so the replay
// on every node returns what the client saw and changes no session.
//
// Transaction semantics are PostgreSQL's: a change made in a transaction
// is undone when it rolls back (Session.abortTx, ROLLBACK TO); is_local
// lasts until the transaction ends, or, outside a transaction, until the
// end of the statement (its implicit transaction; in an extended-protocol
// pipeline, until Sync); a statement outside a
// transaction that fails undoes the changes its set_config calls made
// (stmtSettings). A custom parameter (my.var) once set keeps existing
// with the empty string as its value when the change is undone
// (PostgreSQL's placeholder), restoreSettings.

// setConfigFunc is a session's set_config, bound to a read connection
// while the session's statement runs on it.
type setConfigFunc func(name string, val *string, local bool) (string, error)

// stmtSettings undoes what set_config did in one statement outside a
// transaction: everything if the statement fails, the is_local changes
// when it ends.
type stmtSettings struct {
	before map[string]string  // the settings before the first change
	local  map[string]*string // values before is_local changes (nil = unset)
}

// setConfig is set_config for the session.
func (s *Session) setConfig(name string, val *string, local bool) (string, error) {
	if s.fillingCursor {
		return "", &Error{Code: CodeFeatureNotSupported, Statement: -1,
			Message:  "set_config() in a cursor's query is not supported",
			HintText: "A cursor's rows are computed at DECLARE, not as they are fetched: call set_config() in a SELECT of its own."}
	}
	name = strings.ToLower(name)
	var v string
	if val == nil {
		// RESET: the session's default, or a custom parameter's empty
		// placeholder.
		if err := s.checkName(name); err != nil {
			return "", err
		}
		v = s.defaults[name]
	} else {
		var err error
		if v, err = s.settingValue(name, *val); err != nil {
			return "", err
		}
	}
	if local && s.tx == nil && s.pipeMore {
		// an extended-protocol pipeline is one implicit transaction up
		// to Sync, as for SET LOCAL (settings.go)
		s.beginPipelineTxn() // query.go
	}
	if _, mode := txModeDefault[name]; mode {
		// a mode of the current transaction, with its checks (txmodes.go)
		if s.tx != nil {
			if err := s.setTxMode(name, v); err != nil {
				return "", err
			}
		}
		return v, nil
	}
	switch {
	case local && s.tx != nil:
		s.saveLocal(name)
	case s.tx == nil:
		if s.stmtSet == nil {
			s.stmtSet = &stmtSettings{before: copySettings(s.settings)}
		}
		if local {
			if s.stmtSet.local == nil {
				s.stmtSet.local = map[string]*string{}
			}
			if _, ok := s.stmtSet.local[name]; !ok {
				if old, ok := s.settings[name]; ok {
					s.stmtSet.local[name] = &old
				} else {
					s.stmtSet.local[name] = nil
				}
			}
		}
	}
	s.assign(name, v)
	return v, nil
}

// endStatementSettings ends the statement's set_config changes outside a
// transaction: all undone when it failed, the is_local ones undone when
// it succeeded.
func (s *Session) endStatementSettings(failed bool) {
	st := s.stmtSet
	if st == nil {
		return
	}
	s.stmtSet = nil
	if failed {
		s.restoreSettings(st.before)
		return
	}
	s.restoreLocal(st.local)
}

// restoreLocal puts back the values saved before SET LOCAL or a local
// set_config.
func (s *Session) restoreLocal(saved map[string]*string) {
	for k, v := range saved {
		switch {
		case v != nil:
			s.settings[k] = *v
		case isCustomSetting(k):
			s.settings[k] = "" // PostgreSQL keeps the placeholder
		default:
			delete(s.settings, k)
		}
	}
}

// restoreSettings makes saved the session's settings (a rollback),
// keeping the custom parameters created since with the empty string as
// their value, as PostgreSQL keeps their placeholders.
func (s *Session) restoreSettings(saved map[string]string) {
	for k := range s.settings {
		if _, ok := saved[k]; !ok && isCustomSetting(k) {
			saved[k] = ""
		}
	}
	s.settings = saved
}

// pureSettingValue is set_config's value computed from its arguments
// alone, for raftsql_set_config (no session): the session's validation
// without what depends on the session.
func pureSettingValue(name string, val *string) (string, error) {
	name = strings.ToLower(name)
	if err := checkSettingName(name); err != nil {
		return "", err
	}
	if val == nil {
		v, _ := pgdialect.DefaultSetting(name)
		return v, nil
	}
	return canonicalSetting(name, *val)
}

// probeSetConfig is set_config while a statement is only probed for its
// result's types (prepare.go): its value, no effect.
var probeSetConfig setConfigFunc = func(name string, val *string, _ bool) (string, error) {
	return pureSettingValue(name, val)
}

// fnSetConfig implements set_config(name, value, is_local) on every
// connection: the session's setConfig where one is bound, else 0A000 (a
// write, or a default or check expression, would change no session).
func fnSetConfig(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	name, val, local, ok := setConfigArgs(tls, ctx, argv)
	if !ok {
		return
	}
	f := ctxDet(tls, ctx).setConfig.Load()
	if f == nil {
		setConfigResult(tls, ctx, "", errSetConfigHere())
		return
	}
	v, err := (*f)(name, val, local)
	if err == nil && strings.EqualFold(name, "timezone") {
		// the rest of the statement reads zoneless input in the new zone
		if loc, _, zerr := loadZoneCached(v); zerr == nil {
			ctxDet(tls, ctx).bindZone(loc)
		}
	}
	setConfigResult(tls, ctx, v, err)
}

// fnRaftsqlSetConfig implements raftsql_set_config, which replays a
// recorded set_config: its value, no effect.
func fnRaftsqlSetConfig(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	name, val, _, ok := setConfigArgs(tls, ctx, argv)
	if !ok {
		return
	}
	v, err := pureSettingValue(name, val)
	setConfigResult(tls, ctx, v, err)
}

// setConfigArgs reads set_config's arguments: a NULL name is PostgreSQL's
// 22004, a NULL is_local is false.
func setConfigArgs(tls *libc.TLS, ctx uintptr, argv uintptr) (name string, val *string, local, ok bool) {
	arg := func(i int) uintptr { return *(*uintptr)(cptr(argv + uintptr(i)*8)) }
	if lib.Xsqlite3_value_type(tls, arg(0)) == lib.SQLITE_NULL {
		resultError(tls, ctx, pgdialect.SQLStateText("22004", "SET requires parameter name", "", ""))
		return "", nil, false, false
	}
	name = libc.GoString(lib.Xsqlite3_value_text(tls, arg(0)))
	if lib.Xsqlite3_value_type(tls, arg(1)) != lib.SQLITE_NULL {
		v := libc.GoString(lib.Xsqlite3_value_text(tls, arg(1)))
		val = &v
	}
	switch lib.Xsqlite3_value_type(tls, arg(2)) {
	case lib.SQLITE_NULL:
	case lib.SQLITE_TEXT:
		b, _ := parseBoolSetting(libc.GoString(lib.Xsqlite3_value_text(tls, arg(2))))
		local = b
	default:
		local = lib.Xsqlite3_value_double(tls, arg(2)) != 0
	}
	return name, val, local, true
}

func setConfigResult(tls *libc.TLS, ctx uintptr, v string, err error) {
	if err != nil {
		if e, ok := err.(*Error); ok {
			resultError(tls, ctx, pgdialect.SQLStateText(e.Code, e.Message, e.DetailText, e.HintText))
			return
		}
		resultError(tls, ctx, err.Error())
		return
	}
	resultText(tls, ctx, v)
}

// recordedSetConfig returns sqlText with its set_config calls made
// raftsql_set_config calls, for the transaction's record.
func recordedSetConfig(sqlText string) string {
	if !pgdialect.MentionsFold(sqlText, "set_config") {
		return sqlText
	}
	return replaceCalls(sqlText, []callRepl{{fn: "set_config(", val: "raftsql_set_config("}}) // readview.go
}

// errSetConfigHere refuses set_config where it cannot change the session.
func errSetConfigHere() *Error {
	return &Error{Code: CodeFeatureNotSupported, Statement: -1,
		Message:  "set_config() is not supported in a statement that writes or in a transaction after its first write",
		HintText: "A setting belongs to the session, not to the replicated state: use SET or SET LOCAL there, or call set_config() in a SELECT of its own before the transaction writes."}
}

// forRecord is stmts as a transaction records them after they ran: with
// set_config made raftsql_set_config and the session's settings in place
// of current_setting (currentsetting.go), so that replaying them (at
// commit, on every node) returns what the client saw and changes no
// session.
func (s *Session) forRecord(stmts []Statement) []Statement {
	out := stmts
	for i, x := range stmts {
		sqlText := s.substSettings(recordedSetConfig(x.SQL))
		if sqlText == x.SQL {
			continue
		}
		if &out[0] == &stmts[0] {
			out = append([]Statement(nil), stmts...)
		}
		out[i].SQL = sqlText
	}
	return out
}
