package pgdialect

// The SQL functions of LATERAL subqueries (lateral.go): a row of the
// subquery packed into one text that JSON carries unchanged, and its
// values read back with their storage classes.

import (
	"database/sql/driver"
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	"modernc.org/sqlite"
)

// fnLateralRow is pg_lateral_row(v...): the values packed as
// comma-separated fields, each a storage class letter and the value (n
// NULL, i an integer, f a real in its shortest exact form, s a text and b
// a blob in base64), so the text is ASCII and every value comes back as
// it was.
func fnLateralRow(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	var b strings.Builder
	for k, v := range a {
		if k > 0 {
			b.WriteByte(',')
		}
		switch v := v.(type) {
		case nil:
			b.WriteByte('n')
		case int64:
			b.WriteByte('i')
			b.WriteString(strconv.FormatInt(v, 10))
		case float64:
			b.WriteByte('f')
			b.WriteString(strconv.FormatFloat(v, 'g', -1, 64))
		case string:
			b.WriteByte('s')
			b.WriteString(base64.StdEncoding.EncodeToString([]byte(v)))
		case []byte:
			b.WriteByte('b')
			b.WriteString(base64.StdEncoding.EncodeToString(v))
		default:
			return nil, fmt.Errorf("pg_lateral_row: a value of type %T", v)
		}
	}
	return b.String(), nil
}

// fnLateralCol is pg_lateral_col(row, k[, probe[, decl]]) (and
// pg_lateral_sum, pg_lateral_avg): the k-th value (from 0) of a row
// pg_lateral_row packed; the probe is there for the result's description
// (calltypes.go), read at no row. With decl, the declared type of the
// column the value was read from, where the statement compares it: a
// type that compares through a collation, which the value lost on its
// way, is refused (0A000).
func fnLateralCol(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if len(a) > 3 {
		decl, _ := a[3].(string)
		if o, _ := DeclTypeOID(decl); !lateralPlainOIDs[o] {
			name := pgoid.TypeName(o)
			if name == "" {
				name = strings.ToLower(decl)
			}
			return nil, pgErr("0A000", "comparing or sorting a column of type %s read from a LATERAL subquery is not supported (cast it in the subquery)", name)
		}
	}
	return lateralValue(a)
}

// lateralValue is the value of pg_lateral_col(row, k, ...).
func lateralValue(a []driver.Value) (driver.Value, error) {
	row, ok := a[0].(string)
	if !ok {
		return nil, nil // the NULL row of a LEFT JOIN
	}
	k, _ := a[1].(int64)
	fields := strings.Split(row, ",")
	if k < 0 || int(k) >= len(fields) || fields[k] == "" {
		return nil, fmt.Errorf("pg_lateral_col: no value %d in %q", k, row)
	}
	f := fields[k]
	switch f[0] {
	case 'n':
		return nil, nil
	case 'i':
		return strconv.ParseInt(f[1:], 10, 64)
	case 'f':
		return strconv.ParseFloat(f[1:], 64)
	case 's':
		b, err := base64.StdEncoding.DecodeString(f[1:])
		return string(b), err
	case 'b':
		return base64.StdEncoding.DecodeString(f[1:])
	}
	return nil, fmt.Errorf("pg_lateral_col: a field %q", f)
}

// LateralKeyCollation orders pg_lateral_key's values: two texts
// tagged with the same collation's name compare by it, any other two by
// their bytes.
const LateralKeyCollation = "pg_lateral_key"

// fnLateralKey is pg_lateral_key(row, k, decl): the sort key of the k-th
// value of a row pg_lateral_row packed, read from a column of declared
// type decl, for an ORDER BY or GROUP BY item that compares it. A text of
// a type that compares through a collation (numeric, interval, jsonb,
// money, inet, ranges; lost on the value's way through JSON) is tagged
// with that collation's name, "pg_numeric\x00" + text, which
// LateralKeyCollation compares by it; a text of a type that compares as
// its bytes gets an empty tag; numbers, blobs and NULL are themselves. A
// type of another collation (arrays, enums, citext) is refused (0A000).
func fnLateralKey(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	decl, _ := a[2].(string)
	o, _ := DeclTypeOID(decl)
	coll := ""
	if o == pgoid.Numeric {
		coll = NumericCollation
	} else if c, ok := typeCollations[o]; ok {
		coll = c.name
	} else if !lateralPlainOIDs[o] {
		name := pgoid.TypeName(o)
		if name == "" {
			name = strings.ToLower(decl)
		}
		return nil, pgErr("0A000", "comparing or sorting a column of type %s read from a LATERAL subquery is not supported (cast it in the subquery)", name)
	}
	v, err := lateralValue(a[:2])
	if s, ok := v.(string); ok && err == nil {
		return coll + "\x00" + s, nil
	}
	return v, err
}

// compareLateralKey is LateralKeyCollation's comparison.
func compareLateralKey(a, b string) int {
	ta, va, _ := strings.Cut(a, "\x00")
	tb, vb, _ := strings.Cut(b, "\x00")
	if ta == tb && ta != "" {
		if ta == NumericCollation {
			return compareNumericText(va, vb)
		}
		for _, c := range typeCollations {
			if c.name == ta {
				return c.compare(va, vb)
			}
		}
	}
	return strings.Compare(a, b)
}

// lateralPlainOIDs are the types whose values compare as their storage
// class does, with no collation (pg_lateral_col's decl).
var lateralPlainOIDs = map[uint32]bool{
	pgoid.Int2: true, pgoid.Int4: true, pgoid.Int8: true, pgoid.Float4: true, pgoid.Float8: true,
	pgoid.Text: true, pgoid.Varchar: true, pgoid.Bool: true, pgoid.Date: true, pgoid.Time: true,
	pgoid.Timestamp: true, pgoid.Timestamptz: true, pgoid.Bytea: true, pgoid.UUID: true,
}

// lateralSumType is the type of sum(x) for an x of type a[0]
// (pg_lateral_sum, calltypes.go).
func lateralSumType(a []uint32) uint32 {
	switch a[0] {
	case pgoid.Int2, pgoid.Int4:
		return pgoid.Int8
	case pgoid.Int8, pgoid.Numeric:
		return pgoid.Numeric
	case pgoid.Float4, pgoid.Float8, pgoid.Interval, pgoid.Money:
		return a[0]
	}
	return 0
}

// lateralAvgType is the type of avg(x) for an x of type a[0]
// (pg_lateral_avg, calltypes.go).
func lateralAvgType(a []uint32) uint32 {
	switch a[0] {
	case pgoid.Int2, pgoid.Int4, pgoid.Int8, pgoid.Numeric:
		return pgoid.Numeric
	case pgoid.Float4, pgoid.Float8:
		return pgoid.Float8
	case pgoid.Interval:
		return a[0]
	}
	return 0
}
