package pgdialect

import (
	"strconv"
	"strings"
)

// PostgreSQL type OIDs used by the dialect and the catalog.
const (
	OIDBool         uint32 = 16
	OIDBytea        uint32 = 17
	OIDChar         uint32 = 18
	OIDName         uint32 = 19
	OIDInt8         uint32 = 20
	OIDInt2         uint32 = 21
	OIDInt4         uint32 = 23
	OIDRegproc      uint32 = 24
	OIDText         uint32 = 25
	OIDOid          uint32 = 26
	OIDJSON         uint32 = 114
	OIDXML          uint32 = 142
	OIDFloat4       uint32 = 700
	OIDFloat8       uint32 = 701
	OIDUnknown      uint32 = 705
	OIDMoney        uint32 = 790
	OIDInet         uint32 = 869
	OIDBpchar       uint32 = 1042
	OIDVarchar      uint32 = 1043
	OIDDate         uint32 = 1082
	OIDTime         uint32 = 1083
	OIDTimestamp    uint32 = 1114
	OIDTimestamptz  uint32 = 1184
	OIDInterval     uint32 = 1186
	OIDTimetz       uint32 = 1266
	OIDNumeric      uint32 = 1700
	OIDRegclass     uint32 = 2205
	OIDRegtype      uint32 = 2206
	OIDUUID         uint32 = 2950
	OIDJSONB        uint32 = 3802
	OIDRegnamespace uint32 = 4089
)

type pgType struct {
	oid    uint32
	name   string // pg_type.typname
	format string // format_type() name without modifier
	cast   string // SQLite CAST target, or "fn:NAME" for a conversion function, "" = unsupported
	cat    string // typcategory
	len    int    // typlen
}

var typesByOID = map[uint32]*pgType{}
var typeAlias = map[string]*pgType{}

func init() {
	add := func(oid uint32, name, format, cast, cat string, ln int, aliases ...string) {
		t := &pgType{oid, name, format, cast, cat, ln}
		typesByOID[oid] = t
		typeAlias[name] = t
		typeAlias[format] = t
		for _, a := range aliases {
			typeAlias[a] = t
		}
	}
	add(OIDBool, "bool", "boolean", "fn:pg_bool", "B", 1)
	add(OIDBytea, "bytea", "bytea", "fn:pg_bytea", "U", -1)
	add(OIDChar, "char", `"char"`, "TEXT", "Z", 1)
	add(OIDName, "name", "name", "TEXT", "S", 64)
	add(OIDInt8, "int8", "bigint", "INTEGER", "N", 8, "bigserial", "serial8")
	add(OIDInt2, "int2", "smallint", "INTEGER", "N", 2, "smallserial", "serial2")
	add(OIDInt4, "int4", "integer", "INTEGER", "N", 4, "int", "serial", "serial4")
	add(OIDRegproc, "regproc", "regproc", "TEXT", "N", 4, "regprocedure")
	add(OIDText, "text", "text", "TEXT", "S", -1, "citext")
	add(OIDOid, "oid", "oid", "INTEGER", "N", 4, "xid", "cid", "regrole", "regoper")
	add(OIDJSON, "json", "json", "TEXT", "U", -1)
	add(OIDXML, "xml", "xml", "TEXT", "U", -1)
	add(OIDFloat4, "float4", "real", "REAL", "N", 4)
	add(OIDFloat8, "float8", "double precision", "REAL", "N", 8, "float", "double")
	add(OIDMoney, "money", "money", "NUMERIC", "N", 8)
	add(OIDInet, "inet", "inet", "TEXT", "I", -1, "cidr", "macaddr")
	add(OIDBpchar, "bpchar", "character", "TEXT", "S", -1, "char", "character")
	add(OIDVarchar, "varchar", "character varying", "TEXT", "S", -1)
	add(OIDDate, "date", "date", "fn:date", "D", 4)
	add(OIDTime, "time", "time without time zone", "fn:time", "D", 8)
	add(OIDTimestamp, "timestamp", "timestamp without time zone", "TEXT", "D", 8)
	add(OIDTimestamptz, "timestamptz", "timestamp with time zone", "TEXT", "D", 8)
	add(OIDInterval, "interval", "interval", "", "T", 16)
	add(OIDTimetz, "timetz", "time with time zone", "TEXT", "D", 12)
	add(OIDNumeric, "numeric", "numeric", "NUMERIC", "N", -1, "decimal")
	add(OIDRegclass, "regclass", "regclass", "fn:regclass", "N", 4)
	add(OIDRegtype, "regtype", "regtype", "fn:regtype", "N", 4)
	add(OIDUUID, "uuid", "uuid", "TEXT", "U", 16)
	add(OIDJSONB, "jsonb", "jsonb", "TEXT", "U", -1)
	add(OIDRegnamespace, "regnamespace", "regnamespace", "fn:regnamespace", "N", 4)
	add(OIDUnknown, "unknown", "unknown", "TEXT", "X", -2)
	// "char" (quoted) is the one-byte type; bare char is bpchar.
	typeAlias["char"] = typesByOID[OIDBpchar]
	typeAlias[`"char"`] = typesByOID[OIDChar]
	typeAlias["float4"] = typesByOID[OIDFloat4]
	typeAlias["real"] = typesByOID[OIDFloat4]
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
	d := strings.TrimSpace(strings.ToLower(decl))
	typmod = -1
	if d == "" {
		return 0, -1
	}
	mods := ""
	if i := strings.IndexByte(d, '('); i >= 0 {
		j := strings.LastIndexByte(d, ')')
		if j > i {
			mods = d[i+1 : j]
			d = strings.TrimSpace(d[:i] + " " + d[j+1:])
		} else {
			d = strings.TrimSpace(d[:i])
		}
	}
	name := normTypeWords(strings.Fields(d))
	if t, ok := typeAlias[name]; ok {
		oid = t.oid
	} else {
		switch {
		case strings.Contains(name, "int"):
			oid = OIDInt8
		case strings.Contains(name, "char"), strings.Contains(name, "clob"), strings.Contains(name, "text"):
			oid = OIDText
		case strings.Contains(name, "blob"):
			oid = OIDBytea
		case strings.Contains(name, "real"), strings.Contains(name, "floa"), strings.Contains(name, "doub"):
			oid = OIDFloat8
		default:
			return 0, -1
		}
	}
	if mods != "" {
		parts := strings.Split(mods, ",")
		p, err := strconv.Atoi(strings.TrimSpace(parts[0]))
		if err == nil {
			switch oid {
			case OIDVarchar, OIDBpchar:
				typmod = int32(p + 4)
			case OIDNumeric:
				s := 0
				if len(parts) > 1 {
					s, _ = strconv.Atoi(strings.TrimSpace(parts[1]))
				}
				typmod = int32((p<<16)|s) + 4
			case OIDTimestamp, OIDTimestamptz, OIDTime, OIDTimetz:
				typmod = int32(p)
			}
		}
	}
	return oid, typmod
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
	switch oid {
	case OIDVarchar, OIDBpchar:
		return f + "(" + strconv.Itoa(int(typmod-4)) + ")"
	case OIDNumeric:
		m := typmod - 4
		return f + "(" + strconv.Itoa(int(m>>16)) + "," + strconv.Itoa(int(m&0xffff)) + ")"
	case OIDTimestamp, OIDTimestamptz:
		return strings.Replace(f, "timestamp", "timestamp("+strconv.Itoa(int(typmod))+")", 1)
	case OIDTime, OIDTimetz:
		return strings.Replace(f, "time", "time("+strconv.Itoa(int(typmod))+")", 1)
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
