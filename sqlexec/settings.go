package sqlexec

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/raftsql/raftsql/pgwire"
	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// Session settings: SET, RESET and SHOW, the defaults a session starts
// with, and the parameters reported to the client (ParameterStatus). The
// node's own settings (raftsql.leader, ...) come from NodeSettings.

// reported parameters (ParameterStatus).
var reportedParams = []string{"application_name", "client_encoding", "DateStyle", "default_transaction_read_only",
	"in_hot_standby", "integer_datetimes", "IntervalStyle", "is_superuser", "server_encoding", "server_version",
	"session_authorization", "standard_conforming_strings", "TimeZone"}

// reportedKeys are reportedParams as keys of a session's settings (lower
// case).
var reportedKeys = func() []string {
	keys := make([]string, len(reportedParams))
	for i, k := range reportedParams {
		keys[i] = strings.ToLower(k)
	}
	return keys
}()

func (e *Engine) defaultSettings(info pgwire.SessionInfo) map[string]string {
	return map[string]string{
		"application_name":                    "",
		"client_encoding":                     "UTF8",
		"datestyle":                           "ISO, MDY",
		"default_transaction_read_only":       "off",
		"in_hot_standby":                      "off",
		"integer_datetimes":                   "on",
		"intervalstyle":                       "postgres",
		"is_superuser":                        "on",
		"server_encoding":                     "UTF8",
		"server_version":                      e.opts.ServerVersion,
		"server_version_num":                  pgdialect.ServerVersionNum(e.opts.ServerVersion),
		"session_authorization":               info.User,
		"standard_conforming_strings":         "on",
		"timezone":                            "UTC",
		"search_path":                         `"$user", public`,
		"statement_timeout":                   "0",
		"lock_timeout":                        "0",
		"idle_in_transaction_session_timeout": "0",
		"extra_float_digits":                  "1",
		"client_min_messages":                 "notice",
		"max_identifier_length":               "63",
		"transaction_isolation":               "serializable",
		"default_transaction_isolation":       "serializable",
		"transaction_read_only":               "off",
		"transaction_deferrable":              "off",
		"default_transaction_deferrable":      "off",
		"lc_messages":                         "C",
		"lc_monetary":                         "C",
		"lc_numeric":                          "C",
		"lc_time":                             "C",
		"bytea_output":                        "hex",
		"raftsql.read_consistency":            e.opts.DefaultReadConsistency,
	}
}

func (s *Session) set(st *pgdialect.Stmt, w pgwire.ResultWriter) error {
	name := strings.ToLower(st.Name)
	if name == "time zone" {
		name = "timezone"
	}
	// checked before SET LOCAL's early return: PostgreSQL rejects a bad
	// value also where SET LOCAL has no effect (outside a transaction)
	val, err := s.settingValue(name, st.Value)
	if err != nil {
		return err
	}
	if _, mode := txModeDefault[name]; mode {
		// a mode of the current transaction (txmodes.go): none outside one
		if st.Local {
			s.setLocal(name, w)
		}
		if s.tx != nil {
			if err := s.setTxMode(name, val); err != nil {
				return err
			}
		}
		return w.Complete("SET")
	}
	if st.Local && !s.setLocal(name, w) {
		return w.Complete("SET")
	}
	s.assign(name, val)
	return w.Complete("SET")
}

// settingValue validates val for the setting name (lower case) as SET
// and set_config() do, and returns the value to store: what SHOW and
// current_setting() then show.
func (s *Session) settingValue(name, val string) (string, error) {
	if err := s.checkName(name); err != nil {
		return "", err
	}
	val, err := canonicalSetting(name, val)
	if err != nil {
		return "", err
	}
	if name == "timezone" {
		if err := s.zoneChangeAllowed(val); err != nil {
			return "", err
		}
	}
	return val, nil
}

// checkName refuses a name SET may not change (settings_names.go); the
// session's own settings (raftsql.read_consistency, startup parameters)
// are known.
func (s *Session) checkName(name string) error {
	if _, pg := pgSettingContexts[name]; !pg {
		if _, ours := s.defaults[name]; ours {
			return nil
		}
	}
	return checkSettingName(name)
}

// canonicalSetting validates val for the setting name and returns it in
// the form SHOW prints: a function of its arguments alone.
func canonicalSetting(name, val string) (string, error) {
	val, err := checkSetting(name, val) // settings_values.go
	if err != nil {
		return "", err
	}
	switch name {
	case "raftsql.read_consistency":
		v := strings.ToLower(strings.TrimSpace(val))
		if v != "stale" && v != "linearizable" {
			return "", &Error{Code: CodeInvalidParameter, Message: fmt.Sprintf("invalid value for parameter %q: %q", name, val),
				HintText: "Available values: linearizable, stale.", Statement: -1}
		}
		return v, nil
	case "transaction_isolation", "default_transaction_isolation":
		v := strings.ToLower(strings.TrimSpace(val))
		switch v {
		case "serializable", "repeatable read", "read committed", "read uncommitted":
			return v, nil
		}
		return "", &Error{Code: CodeInvalidParameter, Message: fmt.Sprintf("invalid value for parameter %q: %q", name, val),
			HintText: "Available values: serializable, repeatable read, read committed, read uncommitted.", Statement: -1}
	case "transaction_read_only", "default_transaction_read_only", "transaction_deferrable", "default_transaction_deferrable":
		b, ok := parseBoolSetting(val)
		if !ok {
			return "", &Error{Code: CodeInvalidParameter, Message: fmt.Sprintf("parameter %q requires a Boolean value", name), Statement: -1}
		}
		if b {
			return "on", nil
		}
		return "off", nil
	case "client_encoding":
		u := strings.ToUpper(strings.ReplaceAll(val, "-", ""))
		if u != "UTF8" && u != "UNICODE" {
			return "", &Error{Code: "22023", Message: fmt.Sprintf("invalid value for parameter \"client_encoding\": %q", val), Statement: -1}
		}
		return "UTF8", nil
	case "timezone":
		_, canon, err := loadZoneCached(val)
		if err != nil {
			return "", &Error{Code: CodeInvalidParameter, Message: fmt.Sprintf("invalid value for parameter \"TimeZone\": %q", val), Statement: -1}
		}
		return canon, nil
	}
	return val, nil
}

// assign stores a value settingValue returned.
func (s *Session) assign(name, val string) {
	s.settings[name] = val
	if strings.HasPrefix(name, "default_transaction_") {
		s.syncTxModes() // txmodes.go
	}
}

// setLocal prepares SET LOCAL name (or SET LOCAL name TO DEFAULT): it
// remembers the setting's value, which the end of the transaction
// restores. Outside a transaction PostgreSQL warns, and the setting holds
// only until its own transaction ends: at once for a statement on its
// own (setLocal returns false: nothing to set), at Sync for one in an
// extended-protocol pipeline, whose messages up to Sync are one implicit
// transaction (beginPipelineTxn), so the statements after it see it.
func (s *Session) setLocal(name string, w pgwire.ResultWriter) bool {
	if s.tx == nil || s.tx.implicit && s.pipeMore {
		_ = w.Notice("WARNING", CodeNoActiveTransaction, "SET LOCAL can only be used in transaction blocks")
	}
	if s.tx == nil && s.pipeMore {
		s.beginPipelineTxn() // query.go
	}
	if s.tx == nil {
		return false
	}
	s.saveLocal(name)
	return true
}

// saveLocal remembers the value of the setting name before its first
// change by SET LOCAL or a local set_config in the transaction.
func (s *Session) saveLocal(name string) {
	if s.tx.localSaved == nil {
		s.tx.localSaved = map[string]*string{}
	}
	if _, ok := s.tx.localSaved[name]; !ok {
		if old, ok := s.settings[name]; ok {
			s.tx.localSaved[name] = &old
		} else {
			s.tx.localSaved[name] = nil
		}
	}
}

func isOn(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "on", "true", "1", "yes":
		return true
	}
	return false
}

func (s *Session) reset(st *pgdialect.Stmt, w pgwire.ResultWriter) error {
	name := strings.ToLower(st.Name)
	def := s.defaults
	tag := st.Tag
	if tag == "" {
		tag = "RESET"
	}
	if st.Local && !s.setLocal(name, w) { // SET LOCAL name TO DEFAULT
		return w.Complete(tag)
	}
	if name == "all" || name == "" || name == "timezone" || name == "time zone" {
		if err := s.zoneChangeAllowed(def["timezone"]); err != nil {
			return err
		}
	}
	if _, mode := txModeDefault[name]; mode {
		// RESET of a mode of the transaction: its default (txmodes.go)
		if s.tx != nil {
			if err := s.setTxMode(name, s.settings[txModeDefault[name]]); err != nil {
				return err
			}
		}
		return w.Complete(tag)
	}
	if name == "all" || name == "" {
		modes := map[string]string{}
		for m := range txModeDefault {
			modes[m] = s.settings[m] // RESET ALL leaves the transaction's modes
		}
		for k := range s.settings {
			if _, ok := def[k]; !ok {
				if isCustomSetting(k) {
					s.settings[k] = "" // PostgreSQL keeps the placeholder
				} else {
					delete(s.settings, k)
				}
			}
		}
		for k, v := range def {
			s.settings[k] = v
		}
		for m, v := range modes {
			s.settings[m] = v
		}
		s.syncTxModes()
	} else if v, ok := def[name]; ok {
		s.settings[name] = v
		s.syncTxModes()
	} else if err := checkSettingName(name); err != nil {
		return err
	} else if isCustomSetting(name) {
		s.settings[name] = "" // a custom parameter's default (PostgreSQL keeps the placeholder)
	} else {
		delete(s.settings, name)
	}
	return w.Complete(tag)
}

func (s *Session) show(ctx context.Context, st *pgdialect.Stmt, w pgwire.ResultWriter, describe bool) error {
	name := strings.ToLower(st.Name)
	if cols := s.nodeSettingColumns(name); cols != nil {
		return s.showNode(ctx, name, cols, w, describe)
	}
	if name == "all" {
		cols := []pgwire.Column{textCol("name"), textCol("setting"), textCol("description")}
		if describe {
			if err := w.Describe(cols); err != nil {
				return err
			}
		}
		keys := make([]string, 0, len(s.settings))
		for k := range s.settings {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if err := w.Row([]any{k, s.settings[k], ""}); err != nil {
				return err
			}
		}
		return w.Complete("SHOW")
	}
	if name == "time zone" {
		name = "timezone"
	}
	v, ok := s.settings[name]
	if !ok {
		return &Error{Code: CodeUndefinedObject, Message: fmt.Sprintf("unrecognized configuration parameter %q", name), Statement: -1}
	}
	colName := name
	for _, k := range reportedParams {
		if strings.ToLower(k) == name {
			colName = k
		}
	}
	if describe {
		if err := w.Describe([]pgwire.Column{textCol(colName)}); err != nil {
			return err
		}
	}
	if err := w.Row([]any{v}); err != nil {
		return err
	}
	return w.Complete("SHOW")
}

func textCol(name string) pgwire.Column {
	return pgwire.Column{Name: name, TypeOID: pgoid.Text, TypeSize: -1, TypeModifier: -1}
}

func (s *Session) linearizable() bool { return s.settings["raftsql.read_consistency"] != "stale" }

// statementTimeout parses the statement_timeout setting (ms, or with unit).
func (s *Session) statementTimeout() time.Duration { return s.durationSetting("statement_timeout") }

func (s *Session) durationSetting(name string) time.Duration {
	v := strings.TrimSpace(strings.ToLower(s.settings[name]))
	if v == "" || v == "0" {
		return 0
	}
	unit := time.Millisecond
	for _, u := range []struct {
		suf string
		d   time.Duration
	}{{"ms", time.Millisecond}, {"s", time.Second}, {"min", time.Minute}, {"h", time.Hour}} {
		if strings.HasSuffix(v, u.suf) {
			v, unit = strings.TrimSpace(strings.TrimSuffix(v, u.suf)), u.d
			break
		}
	}
	n, err := strconv.ParseFloat(v, 64)
	if err != nil || n <= 0 {
		return 0
	}
	return time.Duration(n * float64(unit))
}
