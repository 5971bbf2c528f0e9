package pgdialect

// typeallow.go: the one allow-list of the types a statement may name
// (docs/sql-dialect.md "Types: how each is stored and enforced").
//
// raftsql stores every value in SQLite, which takes any declared type and
// any value; a type is only PostgreSQL's when its values are checked and
// converted as PostgreSQL's input function does. So where a statement
// names a type (a CREATE TABLE / ADD COLUMN column, ALTER COLUMN ... TYPE,
// a cast x::t or CAST(x AS t), a typed literal t 'x') the type must be one
// raftsql enforces:
//
//   - a type with an input function in inFamilies (enforce.go), under any
//     of PostgreSQL's spellings (typeAlias: int4, integer, character
//     varying(10), timestamp(3) with time zone, decimal(10,2) ...), and
//     arrays of the types array.go supports;
//   - serial, bigserial, smallserial (integer columns with a sequence);
//   - an enum created with CREATE TYPE: its name is no type of this
//     package, so whether it exists is decided at apply, on every node
//     alike, by pg_type_require (sqlexec/typerequire.go), which the
//     statement carries with its DDL: 42704 'type "footype" does not
//     exist' when no such enum exists (blob, datetime, hstore as well);
//   - citext, once CREATE EXTENSION citext has made it exist (also
//     pg_type_require), as a column type only: a citext column compares
//     case-insensitively through its collation, a citext value outside a
//     column would compare as text.
//
// The other types of PostgreSQL 15 are refused before anything is
// proposed: a built-in type (builtinTypes) with 0A000 "type inet is not
// supported", a pseudo-type column with PostgreSQL's 42P16, each placed at
// the type as PostgreSQL places it; in casts an unknown name is 42704
// here (or at run time in pg_enum_cast when it may be an enum's). Catalog
// queries (x.catalog) may still cast to the catalog's own types (oid,
// name, regproc ...), which only read the catalog views. Tables created
// before this list keep their declared types and read and write as
// before: the list is checked when a statement is translated, and
// pg_type_require runs only in the entries of new DDL.
//
// Enforcing one more type is adding its input function to inFamilies (and
// its spellings to typeAlias): the list follows, nothing here changes.

import "strings"

// castExtras are the types casts may name that columns may not: catalog
// lookups with their own conversion functions (expr.go's cast).
var castExtras = map[string]bool{"regclass": true, "regtype": true, "regnamespace": true}

// builtinTypes are the base, range and multirange types of PostgreSQL 15's
// pg_catalog (pg_type.typname with typtype b, r or m, arrays left out;
// the one-byte "char" spelled quoted, as it is written), as the reference
// server lists them:
//
//	SELECT string_agg(typname, ' ' ORDER BY typname) FROM pg_type
//	WHERE typnamespace = 'pg_catalog'::regnamespace AND typtype IN ('b', 'r', 'm')
//	AND typname NOT LIKE '\_%'
var builtinTypes = wordSet(`aclitem bit bool box bpchar bytea "char" cid cidr circle date float4 float8
gtsvector inet int2 int2vector int4 int8 interval json jsonb jsonpath line lseg macaddr macaddr8 money
name numeric oid oidvector path pg_brin_bloom_summary pg_brin_minmax_multi_summary pg_dependencies
pg_lsn pg_mcv_list pg_ndistinct pg_node_tree pg_snapshot point polygon refcursor regclass regcollation
regconfig regdictionary regnamespace regoper regoperator regproc regprocedure regrole regtype text tid
time timestamp timestamptz timetz tsquery tsvector txid_snapshot uuid varbit varchar xid xid8 xml
datemultirange int4multirange int8multirange nummultirange tsmultirange tstzmultirange
daterange int4range int8range numrange tsrange tstzrange`)

// pseudoTypes are PostgreSQL 15's pseudo-types (typtype p), which no
// column may have (42P16).
var pseudoTypes = wordSet(`any anyarray anycompatible anycompatiblearray anycompatiblemultirange
anycompatiblenonarray anycompatiblerange anyelement anyenum anymultirange anynonarray anyrange cstring
event_trigger fdw_handler index_am_handler internal language_handler pg_ddl_command record
table_am_handler trigger tsm_handler unknown void`)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// serialTypes are the serial pseudo-types of a column.
var serialTypes = wordSet("serial serial4 bigserial serial8 smallserial serial2")

// typeEnforced reports whether name (parseType's normalized name) is a
// type this package enforces: its type has an input function, and name is
// that type's own name or a spelling of it rather than another built-in
// type this package lumps with it (cidr with inet, xid with oid).
func typeEnforced(name string) bool {
	t := typeAlias[name]
	if t == nil || !HasInFunc(t.name) {
		return false
	}
	return !builtinTypes[name] && !pseudoTypes[name] || name == t.name
}

// builtinTypeErr refuses the type name (parseType's normalized name)
// written at token i when it is a type of PostgreSQL 15 this package does
// not enforce (0A000); nil when the name is no type of PostgreSQL 15
// either (the caller decides: an enum's, or 42704).
func (x *tx) builtinTypeErr(name string, i int) *Error {
	if !builtinTypes[name] && !pseudoTypes[name] && typeAlias[name] == nil {
		return nil
	}
	return &Error{Code: "0A000", Message: "type " + formatTypeName(name) + " is not supported",
		Hint: "raftsql enforces the values of the types listed in docs/sql-dialect.md \"Types: how each is stored and enforced\" only.", Position: x.charPos(i)}
}

// undefinedTypeErr is PostgreSQL's 42704 for the type written at token i.
func (x *tx) undefinedTypeErr(name string, i int) *Error {
	return &Error{Code: "42704", Message: "type \"" + name + "\" does not exist", Position: x.charPos(i)}
}

// formatTypeName is format_type's name of a built-in type name.
func formatTypeName(name string) string {
	switch name {
	case "varbit":
		return "bit varying"
	case "bit":
		return "bit(1)"
	}
	if t := typeAlias[name]; t != nil && name == t.name {
		return t.format
	}
	return name
}

// columnTypeErr checks the type of column col written from token ts
// (parseType's name, whether it is an array; ok false: parseType read no
// type): nil when allowed. A name that may be an enum's (or citext) is
// added to x.typeRequires, checked at apply.
func (x *tx) columnTypeErr(col string, ts int, name string, array, ok bool) *Error {
	if !ok {
		return nil
	}
	n := ts // the name's last part: public.t (the caret stays on public)
	for x.isP(n+1, ".") {
		n += 2
	}
	switch {
	case array:
		if arrayTypeOf(name) != nil && typeEnforced(name) {
			return nil
		}
		if err := x.builtinTypeErr(name, ts); err != nil {
			err.Message = "type " + formatTypeName(name) + "[] is not supported"
			return err
		}
		if maybeEnum(x.T(n)) {
			return nil // arrayColumnType: 0A000 for arrays of an enum
		}
		return x.undefinedTypeErr(name+"[]", ts)
	case name == "citext": // before typeEnforced: typeAlias reads it as text
		x.typeRequires = append(x.typeRequires, typeRequire{name, true})
		return nil
	case typeEnforced(name), serialTypes[name]:
		return nil
	case pseudoTypes[name]:
		return &Error{Code: "42P16", Message: "column \"" + col + "\" has pseudo-type " + name}
	}
	if err := x.builtinTypeErr(name, ts); err != nil {
		return err
	}
	x.typeRequires = append(x.typeRequires, typeRequire{x.T(n).identName(), maybeEnum(x.T(n))})
	return nil
}

// castTypeErr checks the type of a cast or typed literal written at token
// i (parseType's name; not an array): nil when allowed or when it may be
// an enum's (enumCast checks it at run time).
func (x *tx) castTypeErr(name string, i int) *Error {
	switch {
	case name == "citext": // before typeEnforced: typeAlias reads it as text
		return &Error{Code: "0A000", Message: "casts to citext are not supported",
			Hint: "A citext column compares case-insensitively; a citext value outside a column would compare as text.", Position: x.charPos(i)}
	case typeEnforced(name), castExtras[name]:
		return nil
	case x.catalog && typeAlias[name] != nil:
		return nil // the catalog's own types (oid, name, regproc ...)
	}
	return x.builtinTypeErr(name, i)
}

// typeRequire is a column type name whose existence is decided at apply:
// enumOK false for a name SQLite reads as one of its own types (maybeEnum:
// tint, datetime, blob), whose column would not get an enum's CHECK and
// order, so that an enum of that name is refused there (0A000).
type typeRequire struct {
	name   string
	enumOK bool
}

// typeRequireSQL is the statements that check, at apply, the names in
// x.typeRequires (pg_type_require, sqlexec/typerequire.go: 42704 for no
// such type).
func (x *tx) typeRequireSQL() []string {
	var out []string
	seen := map[typeRequire]bool{}
	for _, r := range x.typeRequires {
		if !seen[r] {
			seen[r] = true
			ok := "0"
			if r.enumOK {
				ok = "1"
			}
			out = append(out, "SELECT pg_type_require("+quoteLit(r.name)+", "+ok+")")
		}
	}
	return out
}
