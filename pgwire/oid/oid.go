// Package oid is the one table of PostgreSQL type OIDs raftsql knows: their
// pg_type names and their typlen, as PostgreSQL 15 reports them. The wire
// server encodes values by these OIDs and describes columns with their
// sizes; the SQL dialect infers and reports them; the catalog lists them.
// Every other package refers to this table instead of keeping its own.
package oid

// Type OIDs, as in PostgreSQL's pg_type.h.
const (
	Bool         uint32 = 16
	Bytea        uint32 = 17
	Char         uint32 = 18
	Name         uint32 = 19
	Int8         uint32 = 20
	Int2         uint32 = 21
	Int2Vector   uint32 = 22
	Int4         uint32 = 23
	Regproc      uint32 = 24
	Text         uint32 = 25
	OID          uint32 = 26
	TID          uint32 = 27
	XID          uint32 = 28
	CID          uint32 = 29
	OIDVector    uint32 = 30
	JSON         uint32 = 114
	XML          uint32 = 142
	Float4       uint32 = 700
	Float8       uint32 = 701
	Unknown      uint32 = 705
	Cidr         uint32 = 650
	Macaddr8     uint32 = 774
	Money        uint32 = 790
	Macaddr      uint32 = 829
	Inet         uint32 = 869
	Bpchar       uint32 = 1042
	Bit          uint32 = 1560
	Varbit       uint32 = 1562
	Varchar      uint32 = 1043
	Date         uint32 = 1082
	Time         uint32 = 1083
	Timestamp    uint32 = 1114
	Timestamptz  uint32 = 1184
	Interval     uint32 = 1186
	Timetz       uint32 = 1266
	Numeric      uint32 = 1700
	Regprocedure uint32 = 2202
	Regoper      uint32 = 2203
	Regoperator  uint32 = 2204
	Regclass     uint32 = 2205
	Regtype      uint32 = 2206
	UUID         uint32 = 2950
	JSONB        uint32 = 3802
	Int4Range    uint32 = 3904
	NumRange     uint32 = 3906
	TsRange      uint32 = 3908
	TstzRange    uint32 = 3910
	DateRange    uint32 = 3912
	Int8Range    uint32 = 3926
	Regnamespace uint32 = 4089
	Regrole      uint32 = 4096
)

// info is one row of pg_type as far as raftsql needs it.
type info struct {
	name string // pg_type.typname
	size int16  // pg_type.typlen: bytes, -1 variable length, -2 C string
}

var table = map[uint32]info{
	Bool: {"bool", 1}, Bytea: {"bytea", -1}, Char: {"char", 1}, Name: {"name", 64},
	Int8: {"int8", 8}, Int2: {"int2", 2}, Int2Vector: {"int2vector", -1}, Int4: {"int4", 4},
	Regproc: {"regproc", 4}, Text: {"text", -1}, OID: {"oid", 4}, TID: {"tid", 6},
	XID: {"xid", 4}, CID: {"cid", 4}, OIDVector: {"oidvector", -1}, JSON: {"json", -1},
	XML: {"xml", -1}, Float4: {"float4", 4}, Float8: {"float8", 8}, Unknown: {"unknown", -2},
	Money: {"money", 8}, Inet: {"inet", -1}, Cidr: {"cidr", -1}, Macaddr: {"macaddr", 6}, Macaddr8: {"macaddr8", 8}, Bpchar: {"bpchar", -1}, Varchar: {"varchar", -1},
	Bit: {"bit", -1}, Varbit: {"varbit", -1},
	Date: {"date", 4}, Time: {"time", 8}, Timestamp: {"timestamp", 8},
	Timestamptz: {"timestamptz", 8}, Interval: {"interval", 16}, Timetz: {"timetz", 12},
	Numeric: {"numeric", -1}, Regprocedure: {"regprocedure", 4}, Regoper: {"regoper", 4},
	Regoperator: {"regoperator", 4}, Regclass: {"regclass", 4}, Regtype: {"regtype", 4},
	UUID: {"uuid", 16}, JSONB: {"jsonb", -1}, Regnamespace: {"regnamespace", 4},
	Regrole: {"regrole", 4}, Int4Range: {"int4range", -1}, NumRange: {"numrange", -1},
	TsRange: {"tsrange", -1}, TstzRange: {"tstzrange", -1}, DateRange: {"daterange", -1},
	Int8Range: {"int8range", -1},
}

// Size is the type's pg_type.typlen, the size RowDescription reports: -1
// for variable-length and unknown types.
func Size(o uint32) int16 {
	if t, ok := table[o]; ok {
		return t.size
	}
	return -1
}

// TypeName is the type's pg_type.typname, or "" for an OID not in the table.
func TypeName(o uint32) string { return table[o].name }

// Known reports whether o is in the table.
func Known(o uint32) bool {
	_, ok := table[o]
	return ok
}

// IsInteger reports whether values of o are integers on the wire (the
// integer types and the OID-like types, which PostgreSQL sends as numbers).
func IsInteger(o uint32) bool {
	switch o {
	case Int2, Int4, Int8, OID, XID, CID, Regproc, Regclass, Regtype,
		Regprocedure, Regoper, Regoperator, Regnamespace, Regrole:
		return true
	}
	return false
}
