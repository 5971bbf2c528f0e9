package pgdialect

// enum_order.go: enum values order in declaration order, as PostgreSQL's
// (docs/sql-dialect.md "Enums").
//
// A column whose declared type may name an enum (maybeEnum) is declared
// with the collation pg_enum_<type> (COLLATE "pg_enum_mood"). The
// collation is not registered with the driver: sqlexec installs it on each
// of its connections when SQLite first needs it (sqlite3_collation_needed),
// comparing labels by their sort order in the connection's database
// (raftsql_enums, the replicated catalog), so ORDER BY, <, >, BETWEEN,
// min/max, GROUP BY, DISTINCT, window ORDER BY and indexes follow the
// enum's order on every node alike (sqlexec/enum_order.go). A declared type
// that is no enum compares as text (binary), as before.
//
// Invariant the indexes rely on: the relative order of a type's existing
// labels never changes while a column uses the type. ALTER TYPE ... ADD
// VALUE gives the new label a sort order between its neighbors' (enums.go);
// DROP TYPE is refused while a column has the type (2BP01); CREATE TYPE is
// refused while a column already declares the name (0A000), whose index
// was built in text order.

// EnumCollationPrefix starts the name of an enum column's collation; the
// type's name follows.
const EnumCollationPrefix = "pg_enum_"

// enumCollation is the COLLATE clause of a column of (possible) enum type
// typ.
func enumCollation(typ string) string {
	return " COLLATE " + quoteIdent(EnumCollationPrefix+typ)
}

// orderCollation is the COLLATE clause that gives a column of declared type
// t (typeName: the type table's name when t is one) PostgreSQL's order, or
// "": arrays (array_order.go) and enums.
func orderCollation(typeName string, t *token, single bool) string {
	if c := arrayCollation(typeName); c != "" {
		return c
	}
	if single && maybeEnum(t) {
		return enumCollation(t.identName())
	}
	return ""
}

// enumCast rewrites expr::typ (s: the expression's first token, i: the
// :: token, end: after the type) when typ is a single name that may be an
// enum's: pg_enum_cast(typ, expr) with the enum's collation, so a cast
// literal compares in the enum's order ('a'::mood < 'b'::mood, m >
// 'sad'::mood) and is checked (sqlexec/enum_order.go: 22P02 for a value
// that is no label, 42704 when typ is no enum). ok false: not such a
// name (42704 here).
func (x *tx) enumCast(s, i, end int) bool {
	t := x.enumTypeName(i+1, end)
	if t == nil {
		return false
	}
	typ := t.identName()
	first := x.T(s)
	first.pre = "(pg_enum_cast(" + quoteLit(typ) + ", " + first.pre
	x.T(i).set("")
	x.blank(i+1, end)
	x.T(end - 1).set(")" + enumCollation(typ) + ")")
	x.castEnd[end-1] = s
	return true
}

// enumCastFunc is enumCast for CAST(expr AS typ) at i (CAST), as (AS) and
// e (the closing parenthesis). SQLite would read typ as a type name of
// its own (NUMERIC affinity: 'sad' becomes 0).
func (x *tx) enumCastFunc(i, as, e int) bool {
	t := x.enumTypeName(as+1, e)
	if t == nil {
		return false
	}
	typ := t.identName()
	x.T(i).set("(pg_enum_cast(" + quoteLit(typ) + ", ")
	x.blank(as, e)
	x.T(e).set("))" + enumCollation(typ) + ")")
	return true
}

// enumTypeName is the name token of a type written in tokens a..b-1 as
// name or public.name (pg_dump qualifies types) when it may be an enum's.
func (x *tx) enumTypeName(a, b int) *token {
	if b == a+3 && x.T(a).identName() == "public" && x.isP(a+1, ".") {
		a += 2
	}
	if b != a+1 || !maybeEnum(x.T(a)) {
		return nil
	}
	return x.T(a)
}
