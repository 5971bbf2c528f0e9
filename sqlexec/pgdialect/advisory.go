package pgdialect

import (
	"database/sql/driver"
	"fmt"
	"strconv"
	"strings"

	sqlite "modernc.org/sqlite"
)

// Advisory locks.
//
// PostgreSQL's advisory lock functions act on the session, not on data,
// so they cannot be SQLite functions: the session runs them (sqlexec,
// advisory.go; the locks are replicated through the log). Here they are
// recognized in the one form tools use, a statement of its own:
//
//	SELECT pg_advisory_lock(key) [AS name]
//	SELECT pg_try_advisory_lock($1, $2)
//
// with integer literals or parameters as arguments. Any other use of them
// (inside a larger query, with computed arguments) and the shared-mode
// functions are refused with 0A000. They are also registered as SQLite
// functions that fail when run, so a statement naming them can be
// prepared and described.

// AdvisoryFuncs are the supported advisory lock functions (exclusive
// mode; pg_advisory_unlock_all takes no key, the others a bigint key or a
// pair of integer keys).
var AdvisoryFuncs = map[string]bool{
	"pg_advisory_lock": true, "pg_try_advisory_lock": true, "pg_advisory_unlock": true,
	"pg_advisory_xact_lock": true, "pg_try_advisory_xact_lock": true, "pg_advisory_unlock_all": true,
}

// AdvisoryCall is a statement that is one advisory lock function call.
type AdvisoryCall struct {
	Func   string        // one of AdvisoryFuncs
	Args   []AdvisoryArg // 0 (unlock_all), 1 (bigint key) or 2 (int4 pair)
	Column string        // result column name
}

// AdvisoryArg is an integer literal (Param 0) or parameter $Param.
type AdvisoryArg struct {
	Param int
	Value int64
}

// ParseAdvisory recognizes an advisory lock call in the PostgreSQL
// statement sql. It returns nil, nil for a statement that names no
// advisory lock function.
func ParseAdvisory(sql string) (*AdvisoryCall, error) {
	if !mentionsAdvisory(sql) {
		return nil, nil
	}
	x := newTx(sql)
	fn := -1
	for i := 0; i < x.n(); i++ {
		t := x.T(i)
		if t.typ == tIdent && strings.Contains(strings.ToLower(t.text), "advisory") && x.isP(i+1, "(") {
			fn = i
			break
		}
	}
	if fn < 0 {
		return nil, nil
	}
	name := x.T(fn).identName()
	if !AdvisoryFuncs[name] {
		return nil, unsupported("%s is not supported (only exclusive advisory locks are)", name)
	}
	start := 1
	if x.kw(1, "PG_CATALOG") && x.isP(2, ".") {
		start = 3
	}
	end := x.match(fn + 1)
	ok := x.T(0).kw("SELECT") && fn == start && end < x.n()
	col := name
	if ok && end+1 < x.n() {
		switch {
		case x.kw(end+1, "AS") && end+3 == x.n():
			col = x.T(end + 2).identName()
		case end+2 == x.n() && (x.T(end+1).typ == tIdent || x.T(end+1).typ == tQIdent):
			col = x.T(end + 1).identName()
		default:
			ok = false
		}
	}
	var args []AdvisoryArg
	if ok && end > fn+2 {
		for _, p := range x.splitTop(fn+2, end) {
			a, good := x.advisoryArg(p[0], p[1])
			if !good {
				ok = false
				break
			}
			args = append(args, a)
		}
	}
	arity := len(args) == 1 || len(args) == 2
	if name == "pg_advisory_unlock_all" {
		arity = len(args) == 0
	}
	if ok && !arity {
		return nil, &Error{Code: "42883", Message: fmt.Sprintf("function %s(%s) does not exist", name, strings.TrimSuffix(strings.Repeat("integer, ", len(args)), ", "))}
	}
	if !ok {
		return nil, &Error{Code: "0A000", Message: name + " is supported only as a statement of its own: SELECT " + name + "(key)",
			Hint: "Pass the key as an integer literal or a parameter."}
	}
	return &AdvisoryCall{Func: name, Args: args, Column: col}, nil
}

// mentionsAdvisory is the cheap test every statement passes through.
func mentionsAdvisory(s string) bool { return MentionsFold(s, "advisory") }

func (x *tx) advisoryArg(lo, hi int) (AdvisoryArg, bool) {
	neg := false
	if hi-lo == 2 && x.isP(lo, "-") {
		neg, lo = true, lo+1
	}
	if hi-lo != 1 {
		return AdvisoryArg{}, false
	}
	t := x.T(lo)
	switch t.typ {
	case tParam:
		n, err := strconv.Atoi(strings.TrimPrefix(t.text, "$"))
		if err != nil || neg || !strings.HasPrefix(t.text, "$") {
			return AdvisoryArg{}, false
		}
		return AdvisoryArg{Param: n}, true
	case tNumber:
		s := t.text
		if neg {
			s = "-" + s
		}
		v, err := strconv.ParseInt(s, 10, 64)
		return AdvisoryArg{Value: v}, err == nil
	}
	return AdvisoryArg{}, false
}

// registerAdvisoryFuncs registers the advisory lock functions with SQLite
// so that statements naming them compile (Describe); running one fails:
// the session runs them itself. They are not deterministic and so never
// enter the log's allow-list.
func registerAdvisoryFuncs() error {
	names := []string{"pg_notify"} // also run by the session (notify.go)
	for name := range AdvisoryFuncs {
		names = append(names, name)
	}
	for _, name := range names {
		f := func(_ *sqlite.FunctionContext, _ []driver.Value) (driver.Value, error) {
			return nil, fmt.Errorf("%s is supported only as a statement of its own", name)
		}
		if err := sqlite.RegisterScalarFunction(name, -1, f); err != nil && !strings.Contains(err.Error(), "already registered") {
			return fmt.Errorf("pgdialect: register %s: %w", name, err)
		}
	}
	return nil
}
