package pgdialect

// uuid_ossp_require.go: the functions of the uuid-ossp extension exist in
// PostgreSQL only once CREATE EXTENSION "uuid-ossp" has run in the
// database; before, a call is 42883 "function uuid_generate_v4() does not
// exist" at parse analysis, whatever the rows. raftsql provides the
// functions always (extension.go), so a statement calling one names the
// extension and the error (Stmt.Requires), and the session refuses it
// when the extension is not recorded in the state its statements see
// (sqlexec/extensions.go), before it runs. gen_random_uuid() is
// PostgreSQL's own (pgcrypto's is the same function): always available.

import "strings"

// ExtensionUse is an extension a statement needs and the error without
// it.
type ExtensionUse struct {
	Name string // the extension: "uuid-ossp"
	Err  *Error // PostgreSQL's 42883 for the first call that needs it
}

// uuidOsspFuncs are the functions of uuid-ossp raftsql provides.
var uuidOsspFuncs = map[string]bool{"uuid_generate_v3": true, "uuid_generate_v4": true, "uuid_generate_v5": true,
	"uuid_nil": true, "uuid_ns_dns": true, "uuid_ns_url": true, "uuid_ns_oid": true, "uuid_ns_x500": true}

// uuidOsspUse is the statement sql's use of uuid-ossp, nil when it calls
// none of its functions.
func uuidOsspUse(sql string) *ExtensionUse {
	if !strings.Contains(sql, "uuid_") && !strings.Contains(sql, "UUID_") {
		return nil // the cheap test: no call
	}
	x := newTx(sql)
	for i := 0; i+1 < x.n(); i++ {
		t := x.T(i)
		if t.typ != tIdent || !uuidOsspFuncs[strings.ToLower(t.text)] || !x.isP(i+1, "(") {
			continue
		}
		if x.isP(i-1, ".") && !(i >= 2 && strings.EqualFold(x.T(i-2).text, "public")) {
			continue // another schema's
		}
		m := x.match(i + 1)
		if m < 0 || m >= x.n() {
			return nil
		}
		// PostgreSQL analyses the arguments first: a call among them is
		// the one refused
		inner := false
		for k := i + 2; k < m; k++ {
			if x.T(k).typ == tIdent && uuidOsspFuncs[strings.ToLower(x.T(k).text)] && x.isP(k+1, "(") {
				inner = true
				break
			}
		}
		if inner {
			continue
		}
		var types []string
		for _, a := range x.splitTop(i+2, m) {
			types = append(types, x.callArgTypeName(a[0], a[1]))
		}
		pos, name := x.charPos(i), strings.ToLower(t.text)
		if x.isP(i-1, ".") {
			pos, name = x.charPos(i-2), "public."+name // as written
		}
		return &ExtensionUse{Name: "uuid-ossp", Err: &Error{Code: "42883",
			Message:  "function " + name + "(" + strings.Join(types, ", ") + ") does not exist",
			Hint:     jsonFunctionHint,
			Position: pos}}
	}
	return nil
}

// callArgTypeName is PostgreSQL's name of the type of the argument a..b-1
// in a message about the call: argTypeName's (make_interval.go), a
// cast's or an expression's type where the statement shows it.
func (x *tx) callArgTypeName(a, b int) string {
	if n := x.argTypeName(a, b); n != "unknown" || b == a+1 && x.T(a).typ == tString {
		return n
	}
	if o := x.exprOID(a, b); o != 0 {
		if t := typesByOID[o]; t != nil {
			return t.format
		}
	}
	return "unknown"
}
