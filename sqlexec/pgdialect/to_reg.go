package pgdialect

// to_regclass, to_regtype, to_regnamespace and to_regrole: a name's
// object, or NULL where there is none (migration tools ask
// `SELECT to_regclass('schema_migrations')` to learn whether a table
// exists), and the output of a literal's ::regclass / ::regtype /
// ::regnamespace cast read as a select item: the object's name, as
// PostgreSQL prints it, not its OID.
//
// A regclass value of a column (c.oid::regclass) is already its name
// (castRewrite); a literal's cast is its OID everywhere else, so that
// `attrelid = 'orders'::regclass` compares OIDs.

import (
	"database/sql/driver"
	"strings"

	sqlite "modernc.org/sqlite"
)

// toRegFuncs are the to_reg* functions' translations (lookupFuncs'
// shape: %s is the argument).
var toRegFuncs = map[string]string{
	"to_regclass":     "(SELECT pg_quote_ident(pgd_relname) FROM pgd_relnames WHERE pgd_rel_oid = pg_regclass(%s))",
	"to_regtype":      "pg_to_regtype(%s)",
	"to_regnamespace": "pg_to_regnamespace(%s)",
	"to_regrole":      "(SELECT rolname FROM pg_roles WHERE rolname = pg_ident_text(%s))",
}

// fnToRegtype is pg_to_regtype(name): the type's name as format_type
// prints it, NULL for no such type.
func fnToRegtype(c *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	o, err := fnRegtype(c, a)
	if err != nil || o == nil {
		return nil, nil
	}
	return fnRegtypeName(c, []driver.Value{o})
}

// fnToRegnamespace is pg_to_regnamespace(name): the schema's name, NULL
// for no such schema.
func fnToRegnamespace(c *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	o, err := fnRegnamespace(c, a)
	if err != nil || o == nil {
		return nil, nil
	}
	return fnRegnamespaceName(c, []driver.Value{o})
}

// fnIdentText is pg_ident_text(name): a name as an identifier reads it
// ("Foo" is Foo, Foo is foo).
func fnIdentText(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil {
		return nil, nil
	}
	s := strings.TrimSpace(str(a[0]))
	if len(s) >= 2 && strings.HasPrefix(s, `"`) && strings.HasSuffix(s, `"`) {
		return strings.ReplaceAll(s[1:len(s)-1], `""`, `"`), nil
	}
	return strings.ToLower(s), nil
}

// fnRegclassNamed is pg_regclass_named(name, literal): the name a
// literal's ::regclass found, or 42P01 for none.
func fnRegclassNamed(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil {
		return nil, pgErr("42P01", "relation %q does not exist", str(a[1]))
	}
	return a[0], nil
}

// regOutput rewrites the cast of the string literal s to the reg type f
// (regclass, regtype, regnamespace) whose type name ends before end,
// when the cast is a whole select item: its output is the object's name.
// It reports whether it did.
func (x *tx) regOutput(s, i, end int, f string) bool {
	if whole, _ := x.blockWholeItem(s, end); !whole {
		return false
	}
	first := x.T(s)
	lit := first.text
	switch f {
	case "regclass":
		first.pre = "pg_regclass_named((SELECT pg_quote_ident(pgd_relname) FROM pgd_relnames WHERE pgd_rel_oid = pg_regclass(" + first.pre
		x.T(end - 1).set(")), " + lit + ")")
		x.catalog = true
	case "regtype":
		first.pre = "pg_regtype_name(pg_regtype(" + first.pre
		x.T(end - 1).set("))")
	case "regnamespace":
		first.pre = "pg_regnamespace_name(pg_regnamespace(" + first.pre
		x.T(end - 1).set("))")
	default:
		return false
	}
	x.T(i).set("")
	x.blank(i+1, end-1)
	return true
}
