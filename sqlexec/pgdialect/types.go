package pgdialect

import (
	"strconv"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// pgType is the dialect's view of one PostgreSQL type: its OID, name and
// size come from pgwire/oid; the rest is how SQLite stores and casts it.
type pgType struct {
	oid    uint32
	name   string // pg_type.typname (pgoid.TypeName)
	format string // format_type() name without modifier
	cast   string // SQLite CAST target, or "fn:NAME" for a conversion function, "" = unsupported
	cat    string // typcategory
	len    int    // typlen (pgoid.Size)
}

var typesByOID = map[uint32]*pgType{}
var typeAlias = map[string]*pgType{}

func init() {
	add := func(o uint32, format, cast, cat string, aliases ...string) {
		t := &pgType{o, pgoid.TypeName(o), format, cast, cat, int(pgoid.Size(o))}
		typesByOID[o] = t
		typeAlias[t.name] = t
		typeAlias[format] = t
		for _, a := range aliases {
			typeAlias[a] = t
		}
	}
	add(pgoid.Bool, "boolean", "fn:pg_bool", "B")
	add(pgoid.Bytea, "bytea", "fn:pg_bytea", "U")
	add(pgoid.Char, `"char"`, "TEXT", "Z")
	add(pgoid.Name, "name", "fn:pg_cast_name", "S", nameDeclType)
	add(pgoid.Int8, "bigint", "INTEGER", "N", "bigserial", "serial8")
	add(pgoid.Int2, "smallint", "INTEGER", "N", "smallserial", "serial2")
	add(pgoid.Int4, "integer", "INTEGER", "N", "int", "serial", "serial4")
	add(pgoid.Regproc, "regproc", "TEXT", "N", "regprocedure")
	add(pgoid.Text, "text", "TEXT", "S", "citext")
	add(pgoid.OID, "oid", "fn:pg_cast_oid", "N")
	add(pgoid.JSON, "json", "TEXT", "U", JSONDeclType)
	add(pgoid.XML, "xml", "fn:pg_cast_xml", "U", XMLDeclType)
	add(pgoid.Float4, "real", "REAL", "N")
	add(pgoid.Float8, "double precision", "REAL", "N", "float", "double")
	add(pgoid.Money, "money", "fn:pg_cast_money", "N")
	add(pgoid.Inet, "inet", "TEXT", "I")
	add(pgoid.Cidr, "cidr", "TEXT", "I")
	add(pgoid.Macaddr, "macaddr", "TEXT", "U")
	add(pgoid.Macaddr8, "macaddr8", "TEXT", "U")
	add(pgoid.Bpchar, "character", "TEXT", "S", "char", "character")
	add(pgoid.Varchar, "character varying", "TEXT", "S")
	add(pgoid.Bit, "bit", "TEXT", "V", bitDeclType)
	add(pgoid.Varbit, "bit varying", "TEXT", "V", varbitDeclType)
	add(pgoid.Date, "date", "fn:date", "D")
	add(pgoid.Time, "time without time zone", "fn:time", "D")
	add(pgoid.Timestamp, "timestamp without time zone", "TEXT", "D")
	add(pgoid.Timestamptz, "timestamp with time zone", "TEXT", "D")
	add(pgoid.Interval, "interval", "TEXT", "T")
	add(pgoid.Timetz, "time with time zone", "TEXT", "D")
	add(pgoid.Numeric, "numeric", "NUMERIC", "N", "decimal", "dec", NumericDeclType)
	add(pgoid.Regclass, "regclass", "fn:regclass", "N")
	add(pgoid.Regtype, "regtype", "fn:regtype", "N")
	add(pgoid.UUID, "uuid", "TEXT", "U")
	add(pgoid.JSONB, "jsonb", "TEXT", "U", JSONBDeclType)
	add(pgoid.Regnamespace, "regnamespace", "fn:regnamespace", "N")
	add(pgoid.Unknown, "unknown", "TEXT", "X")
	for _, o := range []uint32{pgoid.Int4Range, pgoid.Int8Range, pgoid.NumRange, pgoid.DateRange, pgoid.TsRange, pgoid.TstzRange} {
		add(o, pgoid.TypeName(o), "TEXT", "R") // range.go
	}
	// "char" (quoted) is the one-byte type; bare char is bpchar.
	typeAlias["char"] = typesByOID[pgoid.Bpchar]
	typeAlias[`"char"`] = typesByOID[pgoid.Char]
	typeAlias["float4"] = typesByOID[pgoid.Float4]
	typeAlias["real"] = typesByOID[pgoid.Float4]
	// xid, cid, regrole and regoper are read as plain integers, not by
	// oid's input (a role name is no number)
	oidLike := *typesByOID[pgoid.OID]
	oidLike.cast = "INTEGER"
	for _, a := range []string{"xid", "cid", "regrole", "regoper"} {
		typeAlias[a] = &oidLike
	}
	addArrayTypes() // array.go
}

// normTypeWords turns the words of a type name into PostgreSQL's canonical
// short name ("character varying" -> varchar, "timestamp with time zone" ->
// timestamptz, "double precision" -> float8 ...).
func normTypeWords(words []string) string {
	s := strings.ToLower(strings.Join(words, " "))
	switch s {
	case "character varying", "char varying":
		return "varchar"
	case "timestamp with time zone":
		return "timestamptz"
	case "timestamp without time zone":
		return "timestamp"
	case "time with time zone":
		return "timetz"
	case "time without time zone":
		return "time"
	case "double precision":
		return "float8"
	case "bit varying":
		return "varbit"
	}
	return s
}

// DeclTypeOID maps a SQLite declared column type (as stored by a CREATE
// TABLE this package translated, e.g. "INTEGER", "varchar(20)",
// "timestamptz", "numeric(12,2)", "boolean") to a PostgreSQL type OID and
// type modifier (-1 = none). Unknown or empty types return OID 0 when
// nothing can be inferred; otherwise SQLite's affinity rules pick int8,
// text, bytea, float8 or numeric.
func DeclTypeOID(decl string) (oid uint32, typmod int32) {
	typmod = -1
	if e, ok := arrayDeclElem(decl); ok { // array.go: "text[]", "int ARRAY"
		o, tm := DeclTypeOID(e)
		if a := pgoid.ArrayOf(o); a != 0 && typesByOID[a] != nil && DeclTypeKnown(e) {
			return a, tm
		}
		return 0, -1
	}
	if tm, ok := intervalDeclTypmod(decl); ok { // interval_typmod.go
		return pgoid.Interval, int32(tm)
	}
	name, mods := declTypeName(decl)
	if name == "" {
		return 0, -1
	}
	if t, ok := typeAlias[name]; ok {
		oid = t.oid
	} else {
		switch {
		case strings.Contains(name, "int"):
			oid = pgoid.Int8
		case strings.Contains(name, "char"), strings.Contains(name, "clob"), strings.Contains(name, "text"):
			oid = pgoid.Text
		case strings.Contains(name, "blob"):
			oid = pgoid.Bytea
		case strings.Contains(name, "real"), strings.Contains(name, "floa"), strings.Contains(name, "doub"):
			oid = pgoid.Float8
		default:
			return 0, -1
		}
	}
	if mods != "" {
		parts := strings.Split(mods, ",")
		p, err := strconv.Atoi(strings.TrimSpace(parts[0]))
		if err == nil {
			base := oid
			if e := pgoid.ElemOf(oid); e != 0 {
				base = e // _varchar(20): the elements' typmod
			}
			switch base {
			case pgoid.Varchar, pgoid.Bpchar:
				typmod = int32(p + 4)
			case pgoid.Numeric:
				s := 0
				if len(parts) > 1 {
					s, _ = strconv.Atoi(strings.TrimSpace(parts[1]))
				}
				typmod = numericTypmodOf(int32(p), int32(s))
			case pgoid.Timestamp, pgoid.Timestamptz, pgoid.Time, pgoid.Timetz, pgoid.Bit, pgoid.Varbit:
				typmod = int32(p)
			}
		}
	}
	return oid, typmod
}

// declTypeName splits a declared type into its normalized name and its
// modifiers ("numeric(12, 2)" -> "numeric", "12, 2").
func declTypeName(decl string) (name, mods string) {
	d := strings.TrimSpace(strings.ToLower(decl))
	if i := strings.IndexByte(d, '('); i >= 0 {
		j := strings.LastIndexByte(d, ')')
		if j > i {
			mods = d[i+1 : j]
			d = strings.TrimSpace(d[:i] + " " + d[j+1:])
		} else {
			d = strings.TrimSpace(d[:i])
		}
	}
	return normTypeWords(strings.Fields(d)), mods
}

// DeclTypeKnown reports whether decl names a PostgreSQL type this package
// knows (any spelling it accepts), rather than one DeclTypeOID can only
// guess from SQLite's affinity rules ("datetime", "string", none).
func DeclTypeKnown(decl string) bool {
	if _, ok := intervalDeclTypmod(decl); ok {
		return true
	}
	name, _ := declTypeName(decl)
	_, ok := typeAlias[name]
	return ok
}

// FormatType renders a type as PostgreSQL's format_type(oid, typmod).
func FormatType(oid uint32, typmod int32) string {
	t, ok := typesByOID[oid]
	if !ok {
		return "???"
	}
	f := t.format
	if typmod < 0 {
		return f
	}
	if e := pgoid.ElemOf(oid); e != 0 {
		return FormatType(e, typmod) + "[]" // character varying(20)[]
	}
	switch oid {
	case pgoid.Varchar, pgoid.Bpchar:
		return f + "(" + strconv.Itoa(int(typmod-4)) + ")"
	case pgoid.Bit, pgoid.Varbit:
		return f + "(" + strconv.Itoa(int(typmod)) + ")"
	case pgoid.Numeric:
		p, s, _ := numericTypmod(int64(typmod))
		return f + "(" + strconv.Itoa(int(p)) + "," + strconv.Itoa(int(s)) + ")"
	case pgoid.Timestamp, pgoid.Timestamptz:
		return strings.Replace(f, "timestamp", "timestamp("+strconv.Itoa(int(typmod))+")", 1)
	case pgoid.Time, pgoid.Timetz:
		return strings.Replace(f, "time", "time("+strconv.Itoa(int(typmod))+")", 1)
	case pgoid.Interval:
		return f + formatIntervalTypmod(int64(typmod)) // interval_typmod.go
	}
	return f
}

// TypeName returns pg_type.typname for an OID ("" if unknown).
func TypeName(oid uint32) string {
	if t, ok := typesByOID[oid]; ok {
		return t.name
	}
	return ""
}
