package pgdialect

import (
	"database/sql/driver"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/raftsql/raftsql/pgwire"
	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	"modernc.org/sqlite"
)

// Type enforcement on write.
//
// A declared PostgreSQL column type is enforced by its input function
// pg_in_<typname>(value, typmod) (typname as pgoid.TypeName, typmod as
// PostgreSQL encodes it, -1 when absent): a pure function returning the
// value in the type's one canonical stored form, or raising PostgreSQL's
// error (22P02, 22003, 22001 ...) for a value PostgreSQL would refuse.
// Two places call it:
//
//   - The table. CREATE TABLE / ADD COLUMN give every column whose type has
//     an input function the column constraint
//     CONSTRAINT pgdialect_in_<typname>_<col> CHECK (pg_in_T(col, typmod) IS col).
//     SQLite evaluates CHECKs on every write path (INSERT VALUES, INSERT
//     ... SELECT, UPDATE, upsert, REPLACE, COPY, defaults), so a value
//     PostgreSQL refuses fails with PostgreSQL's error and nothing is
//     stored, and a value not in canonical form that no input path
//     converted (INSERT ... SELECT * of a text 'yes' into a boolean) is
//     refused with 42804 rather than stored in a form the type's
//     comparisons and indexes would get wrong. One bad row can
//     therefore never enter the table. Being column constraints, the
//     CHECKs follow the column through RENAME COLUMN and DROP COLUMN.
//   - The input. INSERT ... VALUES, INSERT ... SELECT (through a CTE,
//     wrapInsertSelect), UPDATE ... SET and ON CONFLICT DO UPDATE SET wrap
//     each value in pg_in_col(value, create_sql, column) (the table's
//     CREATE TABLE text read from sqlite_schema, its column types parsed
//     once per text), COPY converts each value with InDeclAt before proposing, and literal
//     DEFAULTs are converted at CREATE: so what PostgreSQL accepts in
//     another spelling ('yes', 'ON', an upper-case uuid, 1.5 into an
//     integer) is stored canonical. A string literal compared with a column
//     (col = 'lit') is converted the same way, as PostgreSQL gives it the
//     column's type (canonicalComparisons).
//
// A family's input functions live in its file (types_in.go: bool,
// integers, floats, text, bytea, json, uuid; numeric and the date/time
// types in theirs) and are listed in inFamilies: a type whose function is
// not listed is simply not enforced. Tables created before enforcement
// have no CHECKs and read and write as before (their writes through
// INSERT/UPDATE are still canonicalised).

// inFamilies lists each type family's input functions (name -> function).
var inFamilies = []map[string]fn{typesIn, {"pg_in_numeric": fnInNumeric}, dateTimeIn, netIn, bitIn, rangeIn}

// ownCheck names the input functions whose family adds its column CHECK
// itself (numeric_ddl.go: numeric columns are retyped numeric_text and
// collated); inCheck adds none for them, the input paths still convert.
var ownCheck = map[string]bool{"pg_in_numeric": true}

// inFunc returns the input function named name ("pg_in_bool"), or nil.
func inFunc(name string) fn {
	for _, m := range inFamilies {
		if f := m[name]; f != nil {
			return f
		}
	}
	return nil
}

// HasInFunc reports whether values of the type typname are enforced.
func HasInFunc(typname string) bool { return inFunc("pg_in_"+typname) != nil }

func registerInFuncs() error {
	reg := func(name string, n int32, f fn) error {
		if err := sqlite.RegisterDeterministicScalarFunction(name, n, f); err != nil && !strings.Contains(err.Error(), "already registered") {
			return fmt.Errorf("pgdialect: register %s: %w", name, err)
		}
		deterministic[name] = true
		return nil
	}
	for _, m := range inFamilies {
		for name, f := range m {
			if err := reg(name, 2, f); err != nil {
				return err
			}
		}
	}
	// 3 or 4 arguments (wrapIn); the driver registers one arity per name
	if err := reg("pg_in_col", -1, fnInCol); err != nil {
		return err
	}
	return reg("pg_in_decl", 2, fnInDecl)
}

// inSpec is the input function name and typmod for a declared column type
// ("" when the type is not enforced). A bare char/character is char(1),
// as in PostgreSQL.
func inSpec(decl string) (name string, typmod int64) {
	if v, ok := inSpecCache.Load(decl); ok {
		s := v.(inSpecEntry)
		return s.name, s.typmod
	}
	oid, tm := DeclTypeOID(decl)
	typmod = int64(tm)
	if oid == pgoid.Bit && typmod < 0 {
		typmod = 1 // a bare bit column is bit(1)
	}
	if oid == pgoid.Bpchar && typmod < 0 {
		d := strings.ToLower(strings.TrimSpace(decl))
		if d == "char" || d == "character" {
			typmod = 5
		}
	}
	if n := "pg_in_" + TypeName(oid); oid != 0 && inFunc(n) != nil {
		name = n
	}
	inSpecCache.Store(decl, inSpecEntry{name, typmod})
	return name, typmod
}

type inSpecEntry struct {
	name   string
	typmod int64
}

var inSpecCache sync.Map // decl -> inSpecEntry

// fnInDecl is pg_in_decl(value, decl): the value converted by the input
// function of the declared type decl, unchanged when that type is not
// enforced (or decl is NULL: no such column). 'now', 'today' ... read the
// process clock here; sqlexec installs a per-connection pg_in_decl
// reading the entry's pinned clock (InDeclAt).
func fnInDecl(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	return InDeclAt(a[0], a[1], env.Now, time.UTC)
}

// InDeclAt is pg_in_decl(v, decl) with the relative date/time words
// ('now', 'today' ...) resolved at now() and zoneless timestamptz input
// read in the session time zone zone (the apply connection's: the entry's).
func InDeclAt(v, decl driver.Value, now func() time.Time, zone *time.Location) (driver.Value, error) {
	if v == nil || decl == nil {
		return v, nil
	}
	name, typmod := inSpec(str(decl))
	if name == "" {
		return v, nil
	}
	return inValueAt(name, v, typmod, now, zone)
}

// inValueAt is the input function name applied to v: the date/time
// family with the clock now, the others (pure) directly.
func inValueAt(name string, v driver.Value, typmod int64, now func() time.Time, zone *time.Location) (driver.Value, error) {
	if typ, ok := strings.CutPrefix(name, "pg_in_"); ok && dateTimeIn[name] != nil {
		return InDateTimeIn(typ, v, typmod, now(), zone)
	}
	if k := rangeInKind(name); k != nil {
		return rangeCast(k)([]driver.Value{v}, zone) // range_funcs.go: a tstzrange's bounds in zone
	}
	return inFunc(name)(nil, []driver.Value{v, typmod})
}

// inCheck is the column constraint enforcing decl on col ("" when the
// type has no input function).
func inCheck(col, decl string) string {
	name, typmod := inSpec(decl)
	if name == "" || ownCheck[name] {
		return ""
	}
	q := quoteIdent(col)
	check := name + "(" + q + ", " + strconv.FormatInt(typmod, 10) + ") IS " + q
	if f := fastCanonical(name, q, typmod); f != "" {
		check = f + " OR " + check
	}
	return " CONSTRAINT " + quoteIdent(InternalCheckPrefix+"in_"+strings.TrimPrefix(name, "pg_in_")+"_"+col) +
		" CHECK (" + check + ")"
}

// fastCanonical is an SQLite expression (no Go callback) that is true only
// for values already in the canonical form of the type (NULL for none):
// the CHECK tries it first, and only a value it does not accept pays for
// the input function (which then raises PostgreSQL's error or finds the
// value canonical). SQLite evaluates OR left to right and stops at true.
func fastCanonical(name, q string, typmod int64) string {
	isType := func(t string) string { return "typeof(" + q + ") = '" + t + "'" }
	switch name {
	case "pg_in_bool":
		return "(" + isType("integer") + " AND " + q + " IN (0, 1))"
	case "pg_in_int2":
		return "(" + isType("integer") + " AND " + q + " BETWEEN -32768 AND 32767)"
	case "pg_in_int4":
		return "(" + isType("integer") + " AND " + q + " BETWEEN -2147483648 AND 2147483647)"
	case "pg_in_int8":
		return isType("integer")
	case "pg_in_float8":
		return isType("real")
	case "pg_in_text":
		return "(" + isType("text") + " AND instr(" + q + ", char(0)) = 0)"
	case "pg_in_varchar":
		if n := typmod - 4; n > 0 {
			return "(" + isType("text") + " AND instr(" + q + ", char(0)) = 0 AND length(" + q + ") <= " + strconv.FormatInt(n, 10) + ")"
		}
		return "(" + isType("text") + " AND instr(" + q + ", char(0)) = 0)"
	case "pg_in_bytea":
		return isType("blob")
	case "pg_in_json":
		return "(" + isType("text") + " AND json_valid(" + q + "))"
	case "pg_in_uuid":
		g := func(n int) string { return strings.Repeat("[0-9a-f]", n) }
		return "(" + isType("text") + " AND " + q + " GLOB '" + g(8) + "-" + g(4) + "-" + g(4) + "-" + g(4) + "-" + g(12) + "')"
	}
	return ""
}

// canonicalDefault converts the literal default lit (a string token's
// value) for the column type decl; ok=false when the type is not
// enforced. An invalid default is PostgreSQL's error at CREATE TABLE.
//
// lit is the literal's text, or an integer literal's int64 (its errors are
// then the integer cast's, not text input's).
func canonicalDefault(lit driver.Value, decl string) (sql string, ok bool, err error) {
	name, typmod := inSpec(decl)
	if name == "" {
		return "", false, nil
	}
	v, err := inFunc(name)(nil, []driver.Value{lit, typmod})
	if err != nil {
		code, msg, _ := ParseSQLStateError(err.Error())
		return "", false, &Error{Code: code, Message: msg}
	}
	switch v := v.(type) {
	case int64:
		return strconv.FormatInt(v, 10), true, nil
	case float64:
		s := strconv.FormatFloat(v, 'g', -1, 64)
		if !strings.ContainsAny(s, ".eEnN") {
			s += ".0"
		}
		if strings.Contains(s, "Inf") {
			return "", false, nil
		}
		return s, true, nil
	case []byte:
		return "X'" + hex.EncodeToString(v) + "'", true, nil
	case string:
		return quoteLit(v), true, nil
	}
	return "", false, nil
}

// dateTimeDefault converts the DEFAULT expression at lo..hi-1 of a
// date/time column declared decl by the column type's input function
// (CURRENT_TIMESTAMP, now() and other expressions: SQLite's
// CURRENT_TIMESTAMP is 'YYYY-MM-DD HH:MM:SS', not a timestamptz's or a
// date's canonical form). A string literal was converted at CREATE
// (canonicalDefault), NULL needs nothing.
func (x *tx) dateTimeDefault(lo, hi int, decl string) {
	name, typmod := inSpec(decl)
	if dateTimeIn[name] == nil || hi <= lo || hi == lo+1 && (x.T(lo).typ == tString || x.T(lo).kw("NULL")) {
		return
	}
	pre, suf := x.localDefaultWrap(name, lo, hi) // datetime_local.go
	x.T(lo).wpre = "(" + name + "(" + pre + x.T(lo).wpre
	x.T(hi - 1).wsuf += suf + ", " + strconv.FormatInt(typmod, 10) + "))"
}

// valuesItems calls fn with each item a..b-1 of the VALUES rows at j
// (when j is VALUES) of an INSERT with column list cols (nil: none), the
// column it is assigned to ("" without a list) and its place in its row;
// an item past the column list is left out (the statement's 42601). It
// returns the token after the last row (j when there is no VALUES).
func (x *tx) valuesItems(j int, cols []string, fn func(a, b int, col string, idx int)) int {
	if !x.kw(j, "VALUES") {
		return j
	}
	j++
	for x.isP(j, "(") {
		e := x.match(j)
		for idx, it := range x.splitTop(j+1, e) {
			col := ""
			if cols != nil {
				if idx >= len(cols) {
					break
				}
				col = cols[idx]
			}
			fn(it[0], it[1], col, idx)
		}
		j = e + 1
		if !x.isP(j, ",") {
			break
		}
		j++
	}
	return j
}

// declOf is the SQLite expression yielding the declared type of column col
// of tbl (by name; by position when col is ""), as the arguments of
// pg_in_col: the table's CREATE TABLE text from sqlite_schema
// (pg_table_sql, read once per execution; pragma_table_xinfo would prepare
// a PRAGMA per call, five times the cost of the INSERT) and the column.
// pg_in_col parses the text once per distinct text (tableDecls).
func declOf(tbl, col string, pos int) string {
	sch := tableSQLExpr(tbl) // tablesql.go
	if col == "" {
		return sch + ", " + strconv.Itoa(pos)
	}
	return sch + ", " + quoteLit(col)
}

// fnInCol is pg_in_col(value, create_sql, column): pg_in_decl with the
// declared type of the column (a name, or a 0-based position) of the table
// created by create_sql; the value is unchanged when the column is not
// found or is a rowid alias. Like pg_in_decl, sqlexec installs a
// per-connection version with the pinned clock (InColAt).
func fnInCol(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	return InColAt(a, env.Now, time.UTC)
}

// InColAt is pg_in_col(a[0], a[1], a[2]) with the relative date/time words
// resolved at now() and zoneless timestamptz input read in zone.
func InColAt(a []driver.Value, now func() time.Time, zone *time.Location) (driver.Value, error) {
	if len(a) < 3 || len(a) > 7 {
		return nil, fmt.Errorf("pg_in_col takes 3 to 7 arguments, not %d", len(a))
	}
	if a[0] == nil || a[1] == nil {
		return a[0], nil
	}
	decl, found := tableColDecl(str(a[1]), a[2])
	if !found || decl == "" {
		return a[0], nil
	}
	if len(a) > 5 {
		// an array of another element type (assign_arrays.go)
		if v, ok, err := arrayAssign(a[0], assignDeclOID(str(a[5])), decl); ok {
			if err != nil {
				return nil, err
			}
			return InDeclAt(v, decl, now, zone)
		}
	}
	if f, ok := a[0].(float64); ok && len(a) > 5 && assignDeclOID(str(a[5])) == pgoid.Float4 {
		if o, _ := DeclTypeOID(decl); o == pgoid.Text || o == pgoid.Varchar || o == pgoid.Bpchar {
			// a real value (SQLite keeps its double widening) assigned
			// to a string type is float4out's text: 0.1, not
			// 0.10000000149011612
			return InDeclAt(pgwire.FormatFloat(f, 32), decl, now, zone)
		}
	}
	if len(a) > 3 && a[3] != nil && (strings.HasPrefix(strings.ToLower(decl), NumericDeclType) || strings.EqualFold(strings.TrimSpace(decl), "money")) {
		// a numeric literal's own digits (wrapIn): SQLite read it as a
		// double, which keeps neither its trailing zeros nor more than
		// 17 digits
		return InDeclAt(a[3], decl, now, zone)
	}
	if len(a) > 3 && a[3] != nil && isSQLiteNumber(a[0]) {
		if o, _ := DeclTypeOID(decl); o == pgoid.Text || o == pgoid.Varchar || o == pgoid.Bpchar {
			// a number literal is a numeric to PostgreSQL, assigned to a
			// string type as numeric's text: 1.50 is '1.50', 1e2 '100'
			// (SQLite's double printed 1.5, 100.0 as 100; fuzz seed
			// 802500 stored 0 for 0.0)
			if d, ok := parseDecimal(str(a[3])); ok && d.kind == numFinite {
				return InDeclAt(d.String(), decl, now, zone)
			}
		}
	}
	if len(a) > 3 && a[3] != nil {
		if o, _ := DeclTypeOID(decl); o == pgoid.Float8 || o == pgoid.Float4 {
			// a number literal is a numeric to PostgreSQL, converted by
			// float8in of its digits: 1e400 is 22003, where SQLite's
			// double is Infinity (and 1e-400 its 0)
			if d, ok := parseDecimal(str(a[3])); ok && d.kind == numFinite {
				return InDeclAt(d.String(), decl, now, zone)
			}
		}
	}
	if len(a) > 4 && str(a[4]) == "common" {
		// a string literal beside the column in COALESCE, GREATEST or
		// LEAST (unknownlit.go): read as the column's type without its
		// modifier, the common type's (coalesce(n, '1.5') of a
		// numeric(5,2) is 1.5)
		name, _ := declTypeName(decl)
		return InDeclAt(a[0], name, now, zone)
	}
	// a fifth argument 'unknown': the value is a string literal as
	// written, which PostgreSQL reads with the column type's input
	// function ('4.5' into an integer is 22P02), not a numeric value
	// 'compared': a string literal compared with the column, which
	// PostgreSQL reads as the column's type without its modifier (a bit(4)
	// column = '101' is false, not 22026)
	literal := len(a) > 4 && (str(a[4]) == "unknown" || str(a[4]) == "compared")
	if !literal {
		var lit driver.Value
		if len(a) > 3 {
			lit = a[3]
		}
		if f, v, ok := integerAssign(a[0], lit, decl); ok {
			return f(nil, v)
		}
	}
	if literal && str(a[4]) == "compared" {
		if o, _ := DeclTypeOID(decl); o == pgoid.Bit || o == pgoid.Varbit {
			decl = varbitDeclType // any length (a bare bit_text is bit(1))
		}
	}
	return InDeclAt(a[0], decl, now, zone)
}

// isSQLiteNumber reports whether v is a number as SQLite gives one.
func isSQLiteNumber(v driver.Value) bool {
	switch v.(type) {
	case int64, float64:
		return true
	}
	return false
}

// integerAssign reports whether v, stored into an integer column of
// declared type decl, takes one of PostgreSQL's assignment casts to
// integer rather than the integer input function, and gives the cast
// and its arguments:
//   - numeric text with a fraction or an exponent (1.50, 2e1), NaN or
//     an infinity ('NaN'::numeric: a string literal is not one): exact
//     numeric values reach the input paths as text (a decimal constant
//     of a nested query, a numeric column's value, numeric arithmetic),
//     and numeric -> integer rounds half away from zero (2.5 is 3),
//     where the input function would refuse the text (22P02). lit, a
//     number literal's own digits (wrapIn), is such a value: SQLite read
//     the constant as a double, which is not exact past 15 digits.
//   - a double: a float8 value (a float8 or real column, float8
//     arithmetic, a ::float8 cast), as numeric values are text: float8
//     -> integer rounds half to even (rint: 2.5 is 2, 3.5 is 4).
func integerAssign(v, lit driver.Value, decl string) (fn, []driver.Value, bool) {
	oid, _ := DeclTypeOID(decl)
	typ := TypeName(oid)
	if _, isInt := intTypes[typ]; !isInt {
		return nil, nil, false
	}
	if s, ok := lit.(string); ok && strings.ContainsAny(s, ".eE") {
		v = s
	}
	switch n := v.(type) {
	case float64:
		return fnFloatInt, []driver.Value{n, typ}, true
	case string:
		// numeric text: with a fraction or an exponent, or NaN or an
		// infinity (0A000 "cannot convert NaN to integer")
		d, ok := parseDecimal(strings.TrimSpace(n))
		if !ok || d.kind == numFinite && !strings.ContainsAny(n, ".eE") {
			return nil, nil, false
		}
		return fnNumInt, []driver.Value{n, typ}, true
	}
	return nil, nil, false
}

// tableColDecl is the declared type of column col (a name, or a 0-based
// position) of the table created by create.
func tableColDecl(create string, col driver.Value) (decl string, found bool) {
	cols := tableDecls(create)
	switch c := col.(type) {
	case int64:
		if c >= 0 && int(c) < len(cols) {
			return cols[c].decl, true
		}
	default:
		name := strings.ToLower(str(c))
		for _, cd := range cols {
			if strings.ToLower(cd.name) == name {
				return cd.decl, true
			}
		}
	}
	return "", false
}

// TableColumn is the name and declared type of column col (a name, or a
// 0-based position) of the table created by create, ok=false when there
// is none or it is a rowid alias (no declared type).
func TableColumn(create string, col any) (name, decl string, ok bool) {
	cols := tableDecls(create)
	for i, cd := range cols {
		if n, isPos := col.(int64); isPos && int64(i) == n || !isPos && strings.EqualFold(cd.name, str(col)) {
			return cd.name, cd.decl, cd.decl != ""
		}
	}
	return "", "", false
}

type tableCol struct {
	name, decl string
	keep       InColKeep // incol_keep.go
}

var tableDeclCache sync.Map // create sql -> []tableCol

// tableDecls returns the columns of a CREATE TABLE statement as SQLite
// stores it, in order, with their declared types ("" for a rowid alias
// and for a column without a type).
func tableDecls(create string) []tableCol {
	if cols, ok := cachedTableDecls(create); ok {
		return cols
	}
	x := newTx(create)
	var cols []tableCol
	open := 0
	for open < x.n() && !x.isP(open, "(") {
		open++
	}
	if open < x.n() {
		var pk []string
		items := x.splitTop(open+1, x.match(open))
		for _, it := range items {
			if x.T(it[0]).kw("PRIMARY") {
				pk = x.parenNames(it[0], it[1])
			}
		}
		for _, it := range items {
			lo, hi := it[0], it[1]
			if t := x.T(lo); t.typ == tIdent && (t.kw("CONSTRAINT") || t.kw("PRIMARY") || t.kw("UNIQUE") || t.kw("CHECK") || t.kw("FOREIGN")) {
				continue
			}
			name, te := x.name(lo)
			ts := te
			for te < hi && !(x.T(te).typ == tIdent && colConstraintKw[x.T(te).upper()]) {
				if x.isP(te, "(") {
					te = x.match(te)
				}
				te++
			}
			decl := ""
			if te > ts {
				decl = strings.TrimSpace(x.text(ts, te))
			}
			inlinePK := false
			for k := te; k < hi; k++ {
				if x.kw(k, "PRIMARY", "KEY") {
					inlinePK = true
				}
			}
			if rowidAlias(decl, inlinePK || len(pk) == 1 && strings.EqualFold(pk[0], name)) {
				decl = ""
			}
			cols = append(cols, tableCol{name, decl, inColKeepOf(decl)})
		}
	}
	tableDeclCache.Store(create, cols)
	return cols
}

// cachedTableDecls is tableDecls(create) when it was parsed before;
// create is not kept (it may be a view of memory the caller reuses).
func cachedTableDecls(create string) ([]tableCol, bool) {
	if v, ok := tableDeclCache.Load(create); ok {
		return v.([]tableCol), true
	}
	return nil, false
}

// rowidAlias reports whether a column declared decl that is the table's
// single-column primary key is SQLite's rowid alias (INTEGER PRIMARY KEY):
// such a column is not enforced as int4 but keeps the rowid's 64-bit
// range, as before enforcement (a documented difference).
func rowidAlias(decl string, pk bool) bool {
	return pk && strings.EqualFold(strings.TrimSpace(decl), "integer")
}

// rowidFreeInteger is the declared type of an integer primary key column
// that has a DEFAULT (CREATE TABLE, ALTER COLUMN ... SET DEFAULT): the
// same type to PostgreSQL and to the catalog (integer), but not SQLite's
// rowid alias, whose omitted value is max(rowid)+1 whatever the DEFAULT.
const rowidFreeInteger = "int4"

// UnwrapInput returns the value expression of an item of a translated
// INSERT ... VALUES list: the first argument of the pg_in_col wrapper
// (wrapIn), or the item itself. Callers that read the translated text
// (parameter types, key values of a unique violation) see the value as
// written.
func UnwrapInput(item string) string {
	item = strings.TrimSpace(item)
	inner, ok := strings.CutPrefix(item, "pg_in_col(")
	if !ok || !strings.HasSuffix(inner, ")") {
		return item
	}
	x := newTx(inner[:len(inner)-1])
	if x.n() == 0 {
		return item
	}
	parts := x.splitTop(0, x.n())
	return strings.TrimSpace(x.text(parts[0][0], parts[0][1]))
}

// wrapIn wraps the expression at lo..hi-1 in pg_in_col(expr, decl) (decl:
// declOf's arguments). A numeric literal ([sign] digits) also passes its
// text as a fourth argument, which a numeric column reads instead of the
// double SQLite makes of it: 1.10 into a numeric column is 1.10, and
// 3.14159265358979323846 keeps its digits, as in PostgreSQL. from, when
// not "", is the SQL of the value's declared type (assignFromType), the
// sixth argument (assign_cast.go).
func (x *tx) wrapIn(lo, hi int, decl, from string) {
	if hi <= lo || hi-lo == 1 && (x.T(lo).kw("NULL") || x.T(lo).kw("DEFAULT")) {
		return
	}
	pre, suf := x.tstzAssignWrap(lo, hi) // datetime_assign.go
	x.T(lo).wpre = "pg_in_col(" + pre + x.T(lo).wpre
	extra := 0 // pg_in_col's optional arguments after decl
	if lit := x.literalDigits(lo, hi); lit != "" {
		decl += ", " + quoteLit(lit)
		extra = 1
	} else if x.stringLiteral(lo, hi) {
		decl += ", NULL, 'unknown'" // InColAt
		extra = 2
	}
	x.T(hi - 1).wsuf += suf + ", " + withFromType(decl, extra, from) + ")"
}

// withFromType appends from, the value's type (assign_cast.go), to
// pg_in_col's arguments decl (declOf's two and extra optional ones) as the
// sixth, "" leaving them as they are.
func withFromType(decl string, extra int, from string) string {
	if from == "" {
		return decl
	}
	return decl + strings.Repeat(", NULL", 2-extra) + ", " + from
}

// literalDigits is the text of the number literal at lo..hi-1 (an
// optional sign and a number token not yet rewritten), or "".
func (x *tx) literalDigits(lo, hi int) string {
	sign := ""
	if hi-lo == 2 && (x.isP(lo, "-") || x.isP(lo, "+")) {
		sign, lo = x.T(lo).text, lo+1
	}
	if hi-lo != 1 || x.T(lo).typ != tNumber || x.T(lo).ed {
		return ""
	}
	t := x.T(lo).text
	if strings.HasPrefix(t, "0x") || strings.HasPrefix(t, "0X") || strings.ContainsRune(t, '_') {
		return ""
	}
	return sign + t
}

// enforceDML wraps the values of INSERT ... VALUES, UPDATE ... SET and ON
// CONFLICT DO UPDATE SET in pg_in_decl (see the comment at the top).
// Forms it does not recognise are left alone: the table's CHECKs still
// refuse what is invalid or not canonical.
func (x *tx) enforceDML() {
	switch {
	case x.kw(0, "INSERT", "INTO"):
		tbl, j := x.name(2)
		if tbl == "" {
			return
		}
		if x.kw(j, "AS") {
			j += 2
		}
		var cols []string
		if x.isP(j, "(") {
			cols = x.parenNames(j, x.n())
			j = x.match(j) + 1
		}
		if x.kw(j, "SELECT") || x.kw(j, "WITH") {
			x.wrapInsertSelect(tbl, cols, j)
		}
		j = x.valuesItems(j, cols, func(a, b int, col string, idx int) {
			x.wrapIn(a, b, declOf(tbl, col, idx), x.assignFromType(a, b, tbl, assignFromValues))
		})
		for k := j; k < x.n(); k++ {
			if x.depth[k] == 0 && x.kw(k, "DO", "UPDATE", "SET") {
				x.wrapSet(tbl, k+2)
			}
		}
	case x.T(0).kw("UPDATE"):
		i := 1
		if x.kw(i, "ONLY") {
			i++
		}
		tbl, _ := x.name(i)
		if tbl == "" {
			return
		}
		if s := x.findKw(i, x.n(), 0, "SET"); s > 0 {
			x.wrapSet(tbl, s)
		}
	}
}

// wrapInsertSelect converts the rows of INSERT INTO tbl [(cols)] SELECT
// ... (the query at j) by reading them through a CTE:
//
//	WITH pgdialect_in_rows(c1, c2) AS (SELECT ...)
//	SELECT pg_in_decl(c1, decl1), pg_in_decl(c2, decl2) FROM pgdialect_in_rows WHERE true
//
// (WHERE true keeps a following ON CONFLICT from parsing as a join
// constraint). The number of columns must be known: the column list, or
// the items of a SELECT list without *.
func (x *tx) wrapInsertSelect(tbl string, cols []string, j int) {
	end := x.n()
	for k := j; k < x.n(); k++ {
		if x.depth[k] == 0 && (x.kw(k, "ON", "CONFLICT") || x.T(k).kw("RETURNING")) {
			end = k
			break
		}
	}
	n := len(cols)
	if cols == nil {
		sel := x.mainSelect(j, end) // after a WITH list
		if sel < 0 {
			return
		}
		s := sel + 1
		if x.T(s).kw("DISTINCT") || x.T(s).kw("ALL") {
			return
		}
		first := x.setOpAt(s, end) // the first branch's items count the columns
		e := x.findKw(s, first, x.depth[sel], "FROM")
		if e < 0 {
			e = first
		}
		for _, it := range x.splitTop(s, e) {
			if x.isP(it[1]-1, "*") {
				return
			}
			n++
		}
	}
	if n == 0 || end <= j {
		return
	}
	untyped := x.assignSelectItems(j, end, n) // datetime_assign.go
	lits := x.selectLiteralDigits(j, end)
	strs := x.selectStringLiterals(j, end, len(lits))
	froms := x.selectFromTypes(j, end, tbl)
	names := make([]string, n)
	vals := make([]string, n)
	for i := range names {
		names[i] = "pgdialect_c" + strconv.Itoa(i+1)
		col := ""
		if cols != nil {
			col = cols[i]
		}
		decl := declOf(tbl, col, i)
		v := names[i]
		if untyped[i] {
			v = "pg_tstz_assign(" + v + ", " + decl + ")"
		}
		extra := 0
		if i < len(lits) && lits[i] != "" {
			decl += ", " + quoteLit(lits[i]) // as wrapIn: a numeric column reads the digits
			extra = 1
		} else if i < len(lits) && strs[i] {
			decl += ", NULL, 'unknown'" // as wrapIn: a string literal
			extra = 2
		}
		if i < len(froms) {
			decl = withFromType(decl, extra, froms[i])
		}
		vals[i] = "pg_in_col(" + v + ", " + decl + ")"
	}
	x.T(j).wpre = "WITH pgdialect_in_rows(" + strings.Join(names, ", ") + ") AS (" + x.T(j).wpre
	x.T(end - 1).wsuf += ") SELECT " + strings.Join(vals, ", ") + " FROM pgdialect_in_rows WHERE true"
}

// selectLiteralDigits is literalDigits of each item of the select list
// of the single SELECT at j (ending before end), nil for a set operation
// (another branch's rows would take the first one's digits):
// INSERT INTO t (n) SELECT 1.50 stores 1.50 in a numeric column.
func (x *tx) selectLiteralDigits(j, end int) []string {
	if !x.T(j).kw("SELECT") {
		return nil
	}
	for k := j; k < end; k++ {
		if x.depth[k] == 0 && (x.kw(k, "UNION") || x.kw(k, "INTERSECT") || x.kw(k, "EXCEPT")) {
			return nil
		}
	}
	items, _ := x.selectListAt(j) // aliases.go
	lits := make([]string, len(items))
	for i, it := range items {
		a, b := x.itemExpr(it[0], it[1])
		lits[i] = x.literalDigits(a, b)
	}
	return lits
}

// selectFromTypes is assignFromType of each item of the select list of
// the query at j (ending before end; its main SELECT after a WITH list),
// nil for a set operation, whose branches' common type is the value's.
func (x *tx) selectFromTypes(j, end int, tbl string) []string {
	sel := x.mainSelect(j, end) // insertcols.go
	if sel < 0 {
		return nil
	}
	for k := sel; k < end; k++ {
		if x.depth[k] == x.depth[sel] && (x.kw(k, "UNION") || x.kw(k, "INTERSECT") || x.kw(k, "EXCEPT")) {
			return nil
		}
	}
	items, _ := x.selectListAt(sel) // aliases.go
	out := make([]string, len(items))
	for i, it := range items {
		a, b := x.itemExpr(it[0], it[1])
		out[i] = x.assignFromType(a, b, tbl, assignFromSelect)
	}
	return out
}

// selectStringLiterals reports, for each of the n items of the select
// list selectLiteralDigits read (n == 0: none), whether it is a string
// literal as written.
func (x *tx) selectStringLiterals(j, end, n int) []bool {
	if n == 0 {
		return nil
	}
	items, _ := x.selectListAt(j) // aliases.go
	out := make([]bool, len(items))
	for i, it := range items {
		a, b := x.itemExpr(it[0], it[1])
		out[i] = x.stringLiteral(a, b)
	}
	return out
}

// stringLiteral reports whether lo..hi-1 is one string literal as the
// user wrote it (of PostgreSQL's type unknown).
func (x *tx) stringLiteral(lo, hi int) bool {
	return hi-lo == 1 && x.T(lo).typ == tString && !x.T(lo).ed
}

// wrapSet wraps the values of the SET list at set.
func (x *tx) wrapSet(tbl string, set int) {
	end := x.n()
	for k := set + 1; k < x.n(); k++ {
		if x.depth[k] == x.depth[set] && (x.T(k).kw("FROM") || x.T(k).kw("WHERE") || x.T(k).kw("RETURNING")) {
			end = k
			break
		}
	}
	scope := assignFromUpdate
	if x.kw(set-2, "DO", "UPDATE") {
		scope = assignFromConflict
	}
	for _, it := range x.splitTop(set+1, end) {
		col, k := x.name(it[0])
		if col != "" && x.isP(k, "=") {
			x.wrapIn(k+1, it[1], declOf(tbl, col, 0), x.assignFromType(k+1, it[1], tbl, scope))
		}
	}
}

// wrapCompared wraps the literal at i compared with column qual.col when
// the column's table is known for certain (qualified, or the only table
// of the statement).
func (x *tx) wrapCompared(i int, qual, col string) {
	if tbl := x.qualTable(qual); tbl != "" {
		x.wrapIn(i, i+1, declOf(tbl, col, 0), "")
		// InColAt: read without the column's bit length; typecompare.go
		// reads the mark as 'unknown' (an unknown literal compared)
		x.T(i).wsuf = strings.Replace(x.T(i).wsuf, ", NULL, 'unknown')", ", NULL, 'compared')", 1)
	}
}

// qualTable is the table of the statement a column qualified by qual
// (or not: "") surely belongs to, "" when that is not known (no table,
// or several).
func (x *tx) qualTable(qual string) string {
	tbl := ""
	for _, ft := range x.fromTables() {
		if qual != "" && ft.alias != qual && !(ft.alias == "" && ft.name == qual) {
			continue
		}
		if tbl != "" && tbl != ft.name {
			return "" // ambiguous
		}
		tbl = ft.name
	}
	return tbl
}

// betweenOperand: the literal at i is a bound of e [NOT] BETWEEN lo AND
// hi (lo a single token when the literal is hi), which compares it with
// e by >= and <=: the last token of e, else -1.
func (x *tx) betweenOperand(i int) int {
	c := -1
	switch {
	case x.kw(i-1, "BETWEEN"):
		c = i - 2
	case x.kw(i-1, "AND") && x.kw(i-3, "BETWEEN"):
		c = i - 4
	}
	if c >= 0 && x.kw(c, "NOT") {
		c--
	}
	return c
}

var cmpOps = map[string]bool{"=": true, "<>": true, "!=": true, "<": true, ">": true, "<=": true, ">=": true}

// columnRefAt is the column reference ending at e (inclusive) that is
// not part of a cast, call or longer path: (qual, name).
func (x *tx) columnRefAt(e int) (string, string, bool) {
	t := x.T(e)
	if t.typ != tIdent && t.typ != tQIdent || t.ed || t.typ == tIdent && (reservedWord(t.upper()) || isClauseKw(t.upper())) {
		return "", "", false
	}
	s, qual := e, ""
	if x.isP(e-1, ".") {
		q := x.T(e - 2)
		if q.typ != tIdent && q.typ != tQIdent {
			return "", "", false
		}
		s, qual = e-2, q.identName()
	}
	if x.T(s-1).typ == tCast || x.isP(s-1, ".") {
		return "", "", false
	}
	return qual, t.identName(), true
}

// canonicalComparisons converts a string literal compared with a column
// (col = 'lit', 'lit' <> t.col ...) by the column type's input function,
// as PostgreSQL types the literal as the column's type: a uuid column
// equals its upper-case spelling, a boolean equals 'yes', a jsonb value
// equals its text in any key order, an invalid literal is PostgreSQL's
// error. Where the column's table is not known the literal is unchanged.
func (x *tx) canonicalComparisons() {
	if x.catalog {
		return
	}
	plainString := func(i int) bool {
		t := x.T(i)
		return t.typ == tString && t.text[0] == '\'' && !t.ed && t.pre == "" && t.suf == "" && t.wpre == "" && t.wsuf == "" && x.T(i+1).typ != tCast
	}
	colAt := x.columnRefAt
	for i := 0; i < x.n(); i++ {
		if !plainString(i) {
			continue
		}
		if op := x.T(i - 1); op.typ == tOp && cmpOps[op.text] && !op.ed {
			if qual, col, ok := colAt(i - 2); ok && x.T(i-3).typ != tCast {
				x.wrapCompared(i, qual, col)
				continue
			}
		}
		if c := x.betweenOperand(i); c >= 0 {
			if qual, col, ok := colAt(c); ok && x.T(c-1).typ != tCast {
				x.wrapCompared(i, qual, col)
				continue
			}
		}
		if op := x.T(i + 1); op.typ == tOp && cmpOps[op.text] && !op.ed && x.T(i-1).typ != tCast {
			e := i + 2
			if x.isP(e+1, ".") {
				e += 2
			}
			if x.isP(e+1, "(") || x.isP(e+1, ".") || x.T(e+1).typ == tCast {
				continue
			}
			if qual, col, ok := colAt(e); ok {
				x.wrapCompared(i, qual, col)
			}
		}
	}
	x.resolveUnknownLiterals() // unknownlit.go
}
