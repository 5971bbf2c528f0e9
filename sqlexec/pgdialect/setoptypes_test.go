package pgdialect

import (
	"database/sql/driver"
	"strings"
	"testing"
)

// TestSetOpRuntimeTypes: an operand that reads a table's column beside a
// numeric constant is converted to the operands' common type, so the
// union orders, compares and deduplicates by value (PostgreSQL 15's
// answers).
func TestSetOpRuntimeTypes(t *testing.T) {
	db := openCatalogDB(t, "")
	execAll(t, db, `
CREATE TABLE uo (i int4, b int8, n numeric, r float8);
INSERT INTO uo VALUES (1, 10, 1.50, 0.5), (2, 20, 2.25, 1.5);
`)
	for _, c := range []struct{ q, want string }{
		{`SELECT i FROM uo UNION ALL SELECT 1.5 ORDER BY 1 LIMIT 1 OFFSET 1`, "1.5"},
		{`SELECT i FROM uo UNION ALL SELECT 1.5 ORDER BY 1 DESC LIMIT 1 OFFSET 1`, "1.5"},
		{`SELECT 1.500 AS v UNION SELECT n FROM uo UNION SELECT 7 ORDER BY v DESC LIMIT 1`, "7"},
		{`SELECT 1.500 AS v UNION SELECT n FROM uo UNION SELECT 7 ORDER BY v LIMIT 1`, "1.500"},
		{`SELECT count(*) FROM (SELECT i FROM uo UNION SELECT 2.0) s`, "2"},
		{`SELECT count(*) FROM (SELECT i FROM uo UNION ALL SELECT 1.5) u WHERE i > 1.2`, "2"},
		{`WITH u AS (SELECT i AS x FROM uo UNION ALL SELECT 1.5) SELECT count(*) FROM u WHERE x < 2`, "2"},
		{`SELECT 1.5 UNION SELECT r FROM uo ORDER BY 1 DESC LIMIT 1`, "1.5"},
		{`SELECT count(*) FROM (SELECT 1.5 UNION SELECT r FROM uo) s`, "2"},
		{`SELECT b FROM uo UNION ALL SELECT 10.5 ORDER BY 1 LIMIT 1 OFFSET 1`, "10.5"},
		{`SELECT i FROM uo UNION ALL SELECT 1e3 ORDER BY 1 DESC LIMIT 1`, "1000"},
	} {
		if got := queryOne(t, db, c.q); got != c.want {
			t.Errorf("%s = %q, want %q", c.q, got, c.want)
		}
	}
}

// TestSetOpValueConversion: pg_setop_value converts to the common type
// of the operands' types, and leaves a value of a non-numeric type.
func TestSetOpValueConversion(t *testing.T) {
	for _, c := range []struct {
		args []any
		want any
	}{
		{[]any{int64(2), "int4", "int4", "numeric"}, "2"},
		{[]any{"1.50", "numeric", "int4", "numeric"}, "1.50"},
		{[]any{"1.50", "numeric", "numeric", "float8"}, 1.5},
		{[]any{int64(3), "int4", "int4", "float8"}, 3.0},
		{[]any{int64(3), "int4", "int4", "int8"}, int64(3)},
		{[]any{"x", "text", "text", "numeric"}, "x"},
		{[]any{nil, "int4", "int4", "numeric"}, nil},
		{[]any{"0.1", "numeric", "numeric", "float4"}, float64(float32(0.1))},
	} {
		args := make([]any, len(c.args))
		copy(args, c.args)
		vals := make([]driver.Value, len(args))
		for i, a := range args {
			vals[i] = a
		}
		got, err := fnSetOpValue(nil, vals)
		if err != nil || got != c.want {
			t.Errorf("pg_setop_value%v = %v, %v; want %v", c.args, got, err, c.want)
		}
	}
}

// TestUnwrapSetOpValue: CompoundArms reads each operand's item as
// written, so the compound's columns keep their declared types.
func TestUnwrapSetOpValue(t *testing.T) {
	st, err := Translate(`SELECT i FROM uo UNION ALL SELECT 1.5 ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(st.Exec[0], setOpValueFunc) {
		t.Fatalf("not converted: %s", st.Exec[0])
	}
	arms := CompoundArms(st.Exec[0])
	if len(arms) != 2 || strings.Contains(arms[0]+arms[1], setOpValueFunc) || !strings.HasPrefix(arms[0], "SELECT i AS") {
		t.Errorf("arms = %q", arms)
	}
}

// TestSetOpConversion: operands that are all table columns are converted
// to their common type once their declared types are known; a column of
// one type, or of no numeric type, is left as it is.
func TestSetOpConversion(t *testing.T) {
	const i4, num, f8, txt = 23, 1700, 701, 25
	for _, c := range []struct {
		q    string
		oids [][]uint32
		want string
	}{
		{`SELECT n2 FROM t UNION ALL SELECT i FROM t ORDER BY 1`, [][]uint32{{num}, {i4}},
			`SELECT n2 FROM t UNION ALL SELECT (pg_setop_value(i, 'int4', 'numeric', 'int4') COLLATE pg_numeric) AS "i" FROM t ORDER BY 1`},
		{`SELECT n FROM t UNION SELECT r AS x FROM t`, [][]uint32{{num}, {f8}},
			`SELECT (pg_setop_value(n, 'numeric', 'numeric', 'float8')) AS "n" FROM t UNION SELECT r AS x FROM t`},
		{`SELECT DISTINCT * FROM (SELECT i, t FROM a UNION ALL SELECT n, t FROM b) AS pgdialect_union`, [][]uint32{{i4, txt}, {num, txt}},
			`SELECT DISTINCT * FROM (SELECT (pg_setop_value(i, 'int4', 'int4', 'numeric') COLLATE pg_numeric) AS "i", t FROM a UNION ALL SELECT n, t FROM b) AS pgdialect_union`},
		{`SELECT n FROM a UNION SELECT NULL UNION SELECT r FROM b`, [][]uint32{{num}, {705}, {f8}},
			`SELECT (pg_setop_value(n, 'numeric', 'numeric', 'float8')) AS "n" FROM a UNION SELECT NULL UNION SELECT r FROM b`},
		{`SELECT * FROM (SELECT i FROM a UNION ALL SELECT n FROM b) q ORDER BY 1`, [][]uint32{{i4}, {num}},
			`SELECT * FROM (SELECT (pg_setop_value(i, 'int4', 'int4', 'numeric') COLLATE pg_numeric) AS "i" FROM a UNION ALL SELECT n FROM b) q ORDER BY 1`},
		{`SELECT * FROM (WITH RECURSIVE r(v) AS (SELECT 1 UNION ALL SELECT n FROM r) SELECT v FROM r) s`, [][]uint32{{i4}, {num}}, ""},
		{`SELECT t FROM a UNION SELECT t FROM b`, [][]uint32{{txt}, {txt}}, ""},
		{`SELECT n FROM a UNION SELECT n FROM b`, [][]uint32{{num}, {num}}, ""},
		{`SELECT i FROM a UNION SELECT x FROM b`, [][]uint32{{i4}, {0}}, ""},
		{`SELECT i FROM a`, [][]uint32{{i4}}, ""},
	} {
		if got, err := SetOpConversion(c.q, armTypesOf(c.oids)); got != c.want || err != nil {
			t.Errorf("SetOpConversion(%s)\n got %s, %v\nwant %s", c.q, got, err, c.want)
		}
	}
	if _, err := SetOpConversion(`SELECT t FROM a UNION SELECT i FROM b`, armTypesOf([][]uint32{{txt}, {i4}})); err == nil || err.Code != "42804" ||
		err.Message != "UNION types text and integer cannot be matched" {
		t.Errorf("text UNION int4: %v, want 42804", err)
	}
}

// armTypesOf answers SetOpConversion's question with oids, one list per
// operand of the one set operation asked about.
func armTypesOf(oids [][]uint32) func([]string) [][]uint32 {
	return func(arms []string) [][]uint32 {
		if len(arms) != len(oids) {
			return nil
		}
		return oids
	}
}
