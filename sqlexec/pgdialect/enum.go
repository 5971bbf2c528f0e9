package pgdialect

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"strings"

	sqlite "modernc.org/sqlite"
)

// Enums: CREATE TYPE name AS ENUM ('a', ...), DROP TYPE, ALTER TYPE name
// ADD VALUE [IF NOT EXISTS] 'v' [BEFORE|AFTER 'w']; any other CREATE TYPE
// form is 0A000.
//
// A type's labels are rows of the state machine's enums table (label and
// PostgreSQL's float sort order), changed at apply by pg_enum_create,
// pg_enum_add and pg_enum_drop (sqlexec/enums.go), like sequences. A
// column of a type this package does not know gets a hidden CHECK calling
// pg_enum_in(type, value), which at apply fails with 22P02 (invalid input
// value for enum) when the type is an enum without that label, and accepts
// the value otherwise (a type name that is no enum stays the free-form
// declared type it was before). Values are stored as their label text and
// described to clients as text; they order in declaration order through
// the column's collation (enum_order.go, docs/sql-dialect.md "Enums").

// EnumsTableSQL creates the table of enum labels.
const EnumsTableSQL = `CREATE TABLE IF NOT EXISTS raftsql_enums(typname TEXT NOT NULL, label TEXT NOT NULL,
 sortorder REAL NOT NULL, PRIMARY KEY (typname, label))`

var enumViews = []catView{
	{"pg_enum", `SELECT CAST(pg_oid('enum', e.typname || '.' || e.label) AS INTEGER) AS oid, CAST(pg_oid('type', e.typname) AS INTEGER) AS enumtypid,
  e.sortorder AS enumsortorder, e.label AS enumlabel FROM main.raftsql_enums e`},
}

func init() {
	for i, v := range catalogViews {
		switch v.name {
		case "pg_enum":
			catalogViews[i] = enumViews[0]
		case "pg_type":
			catalogViews[i].sql += `
 UNION ALL
 SELECT DISTINCT CAST(pg_oid('type', e.typname) AS INTEGER), e.typname, 2200, 10, 4, 1, 'e', 'E', 0, 1, ',', 0, 0, 0,
  'enum_in', 'enum_out', 'i', 'p', 0, 0, -1, 0, 0, NULL, NULL FROM main.raftsql_enums e`
		}
	}
	catalogColOID["enumtypid"] = 26
	catalogColOID["enumsortorder"] = 700 // float4
	catalogColOID["enumlabel"] = 19      // name
}

// maybeEnum reports a column type token that may name an enum: a name
// that is no type of this package and that SQLite's affinity rules would
// not read as one of its own (INT..., ...CHAR..., BLOB, REAL, ...).
func maybeEnum(t *token) bool {
	if t.typ != tIdent && t.typ != tQIdent {
		return false
	}
	n := strings.ToLower(t.identName())
	if _, known := typeAlias[n]; known {
		return false
	}
	for _, k := range []string{"int", "char", "clob", "text", "blob", "real", "floa", "doub", "num", "date", "time", "bool"} {
		if strings.Contains(n, k) {
			return false
		}
	}
	return true
}

// enumCheck is the hidden CHECK of a column whose declared type typ this
// package does not know (it may be an enum).
func enumCheck(col, typ string) string {
	q := quoteIdent(col)
	return " CONSTRAINT " + quoteIdent(InternalCheckPrefix+"enum_"+col) + " CHECK (pg_enum_in(" + quoteLit(typ) + ", " + q + ") IS " + q + ")"
}

// registerEnumFuncs registers pg_enum_in for connections that are not the
// state machine's (which installs its own, reading the enums table): there
// no value is checked.
func registerEnumFuncs() error {
	err := sqlite.RegisterDeterministicScalarFunction("pg_enum_in", 2, func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
		return a[1], nil
	})
	if err != nil && !strings.Contains(err.Error(), "already registered") {
		return fmt.Errorf("pgdialect: register pg_enum_in: %w", err)
	}
	deterministic["pg_enum_in"] = true
	// casts to an enum type (enum_order.go): sqlexec checks them against
	// the catalog on its connections
	err = sqlite.RegisterDeterministicScalarFunction("pg_enum_cast", 2, func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
		return a[1], nil
	})
	if err != nil && !strings.Contains(err.Error(), "already registered") {
		return fmt.Errorf("pgdialect: register pg_enum_cast: %w", err)
	}
	deterministic["pg_enum_cast"] = true
	return nil
}

// createType translates CREATE TYPE at i (the TYPE keyword).
func (x *tx) createType(i int) (*Stmt, error) {
	name, j := x.name(i + 1)
	if name == "" {
		return nil, x.syntaxErrAt(i + 1)
	}
	if !x.kw(j, "AS", "ENUM") {
		return nil, unsupported("CREATE TYPE is only supported as CREATE TYPE ... AS ENUM")
	}
	if _, known := typeAlias[strings.ToLower(name)]; known {
		return nil, &Error{Code: "42710", Message: fmt.Sprintf("type \"%s\" already exists", name)}
	}
	p := j + 2
	if !x.isP(p, "(") {
		return nil, x.syntaxErrAt(p)
	}
	e := x.match(p)
	if e != x.n()-1 {
		return nil, x.syntaxErrAt(e + 1)
	}
	labels := []string{}
	for _, r := range x.splitTop(p+1, e) {
		s, ok := unquoteString(x.T(r[0]))
		if !ok || r[1] != r[0]+1 {
			return nil, x.syntaxErrAt(r[0])
		}
		if err := checkEnumLabel(s); err != nil {
			return nil, err
		}
		labels = append(labels, s)
	}
	b, _ := json.Marshal(labels)
	return &Stmt{Kind: KindQuery, Tag: "CREATE TYPE", NoRows: true,
		Exec: []string{"SELECT pg_enum_create(" + quoteLit(name) + ", " + quoteLit(string(b)) + ")"}}, nil
}

func checkEnumLabel(s string) error {
	if len(s) > 63 || s == "" {
		return &Error{Code: "22023", Message: fmt.Sprintf("invalid enum label \"%s\"", s), Hint: "Labels must be 63 bytes or less."}
	}
	return nil
}

// dropType translates DROP TYPE at i (the TYPE keyword).
func (x *tx) dropType(i int) (*Stmt, error) {
	exec, err := x.dropCalls(i+1, "pg_enum_drop", false, nil) // drop.go
	if err != nil {
		return nil, err
	}
	return &Stmt{Kind: KindQuery, Tag: "DROP TYPE", NoRows: true, Exec: exec}, nil
}

// alterType translates ALTER TYPE name ADD VALUE.
func (x *tx) alterType() (*Stmt, error) {
	name, j := x.name(2)
	if name == "" {
		return nil, x.syntaxErrAt(2)
	}
	if x.kw(j, "OWNER", "TO") {
		return &Stmt{Kind: KindNoop, Tag: "ALTER TYPE"}, nil // one superuser owns everything (pg_dump writes it)
	}
	if !x.kw(j, "ADD", "VALUE") {
		return nil, unsupported("ALTER TYPE is only supported as ALTER TYPE ... ADD VALUE")
	}
	j += 2
	ine := "0"
	if x.kw(j, "IF", "NOT", "EXISTS") {
		ine, j = "1", j+3
	}
	label, ok := unquoteString(x.T(j))
	if !ok {
		return nil, x.syntaxErrAt(j)
	}
	if err := checkEnumLabel(label); err != nil {
		return nil, err
	}
	j++
	where, neighbor := "", ""
	if x.kw(j, "BEFORE") || x.kw(j, "AFTER") {
		where = strings.ToLower(x.T(j).text)
		if neighbor, ok = unquoteString(x.T(j + 1)); !ok {
			return nil, x.syntaxErrAt(j + 1)
		}
		j += 2
	}
	if j < x.n() {
		return nil, x.syntaxErrAt(j)
	}
	return &Stmt{Kind: KindQuery, Tag: "ALTER TYPE", NoRows: true,
		Exec: []string{"SELECT pg_enum_add(" + quoteLit(name) + ", " + quoteLit(label) + ", " + ine + ", " + quoteLit(where) + ", " + quoteLit(neighbor) + ")"}}, nil
}
