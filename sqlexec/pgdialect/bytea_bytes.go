package pgdialect

// bytea_bytes.go: get_byte(bytea, n) and set_byte(bytea, n, v), byte n
// of a bytea counted from 0 (PostgreSQL's byteaGetByte/byteaSetByte):
// 2202E outside the value, the new byte the low eight bits of v as
// PostgreSQL stores it (set_byte(b, 0, 256) is \x00). Their first
// argument is bytea alone, so an untyped string literal there is read by
// bytea's input (get_byte('abc', 0) is 97), as PostgreSQL resolves it; a
// text value at run time is PostgreSQL's 42883.

import (
	"database/sql/driver"
	"strings"

	"modernc.org/sqlite"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// byteaArg is the bytes of the bytea argument v of function f, 42883
// naming its type when it is no bytea.
func byteaArg(f string, v driver.Value, rest string) ([]byte, error) {
	b, ok := v.([]byte)
	if !ok {
		return nil, pgErr("42883", "function %s(%s%s) does not exist", f, valueTypeName(v), rest)
	}
	return b, nil
}

// fnGetByte is get_byte(bytea, n).
func fnGetByte(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil || a[1] == nil {
		return nil, nil
	}
	b, err := byteaArg("get_byte", a[0], ", integer")
	if err != nil {
		return nil, err
	}
	k, err := bitIndex(a[1], len(b), true) // bits_funcs.go: bytea's message
	if err != nil {
		return nil, err
	}
	return int64(b[k]), nil
}

// fnSetByte is set_byte(bytea, n, v).
func fnSetByte(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil || a[1] == nil || a[2] == nil {
		return nil, nil
	}
	b, err := byteaArg("set_byte", a[0], ", integer, integer")
	if err != nil {
		return nil, err
	}
	k, err := bitIndex(a[1], len(b), true)
	if err != nil {
		return nil, err
	}
	v, ok := toInt(a[2]) // funcs.go
	if !ok {
		return nil, pgErr("22P02", "invalid input syntax for type integer: \"%s\"", str(a[2]))
	}
	out := append([]byte(nil), b...)
	out[k] = byte(v)
	return out, nil
}

// byteaLiteralArg reads the untyped string literal that is the first
// argument of get_byte or set_byte called at i as bytea's input does.
func (x *tx) byteaLiteralArg(i int) {
	switch strings.ToLower(x.T(i).text) {
	case "get_byte", "set_byte":
	default:
		return
	}
	args := x.splitTop(i+2, x.match(i+1))
	if len(args) == 0 || !x.plainString(args[0][0], args[0][1]) {
		return
	}
	t := x.T(args[0][0])
	t.pre += "pg_in_bytea("
	t.suf = ", -1)" + t.suf
}

func init() {
	netFuncs["get_byte"] = netFunc{2, fnGetByte}
	netFuncs["set_byte"] = netFunc{3, fnSetByte}
	funcResultOIDs["get_byte"] = pgoid.Int4
	funcResultOIDs["set_byte"] = pgoid.Bytea
}
