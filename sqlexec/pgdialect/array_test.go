package pgdialect

import (
	"errors"
	"strings"
	"testing"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// TestArrays runs PostgreSQL array statements on SQLite and compares each
// result with what PostgreSQL 15 returns (checked against a real server).
func TestArrays(t *testing.T) {
	db := openCatalogDB(t, "")
	execAll(t, db, `CREATE TABLE arr (id int PRIMARY KEY, tags text[], nums int[], big bigint ARRAY, ids uuid[], flags boolean[], v varchar(3)[], d _int4);
INSERT INTO arr VALUES (1, '{a,"b c",NULL}', '{3,1,2}', ARRAY[10,20], '{A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11}', '{t,false,yes}', '{ab}', '{ 7 , 8 }');
INSERT INTO arr (id, tags, nums) VALUES (2, ARRAY['x','y'], ARRAY[]::int[]);
INSERT INTO arr (id, tags, nums) VALUES (3, '{}', '{5}')`)
	cases := []struct{ q, want string }{
		{"SELECT tags FROM arr WHERE id = 1", `{a,"b c",NULL}`},
		{"SELECT nums FROM arr WHERE id = 1", `{3,1,2}`},
		{"SELECT big FROM arr WHERE id = 1", `{10,20}`},
		{"SELECT ids FROM arr WHERE id = 1", `{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}`},
		{"SELECT flags FROM arr WHERE id = 1", `{t,f,t}`},
		{"SELECT d FROM arr WHERE id = 1", `{7,8}`},
		{"SELECT nums FROM arr WHERE id = 2", `{}`},
		{"SELECT ARRAY[1,2,3]", `{1,2,3}`},
		{"SELECT ARRAY['a b', NULL, 'c']", `{"a b",NULL,c}`},
		{"SELECT '{1, 2 ,3}'::int[]", `{1,2,3}`},
		{"SELECT CAST('{x}' AS text[])", `{x}`},
		{"SELECT count(*) FROM arr WHERE 2 = ANY(nums)", `1`},
		{"SELECT count(*) FROM arr WHERE 'a' = ANY(tags)", `1`},
		{"SELECT count(*) FROM arr WHERE id = ANY('{1,3}')", `2`},
		{"SELECT count(*) FROM arr WHERE id = ANY(ARRAY[1,2,9])", `2`},
		{"SELECT count(*) FROM arr WHERE id <> ALL(ARRAY[1,2])", `1`},
		{"SELECT count(*) FROM arr WHERE 1 = ANY(NULL::int[]) IS NULL", `3`},
		{"SELECT array_length(nums, 1) FROM arr WHERE id = 1", `3`},
		{"SELECT array_length(nums, 1) FROM arr WHERE id = 2", `<NULL>`},
		{"SELECT cardinality(nums) FROM arr WHERE id = 2", `0`},
		{"SELECT nums[1] FROM arr WHERE id = 1", `3`},
		{"SELECT nums[2:3] FROM arr WHERE id = 1", `{1,2}`},
		{"SELECT nums[:2] FROM arr WHERE id = 1", `{3,1}`},
		{"SELECT tags[2] FROM arr WHERE id = 1", `b c`},
		{"SELECT nums[9] FROM arr WHERE id = 1", `<NULL>`},
		{"SELECT (ARRAY[4,5,6])[2]", `5`},
		{"SELECT array_append(nums, 4) FROM arr WHERE id = 1", `{3,1,2,4}`},
		{"SELECT array_prepend(0, nums) FROM arr WHERE id = 1", `{0,3,1,2}`},
		{"SELECT array_cat(nums, ARRAY[7]) FROM arr WHERE id = 1", `{3,1,2,7}`},
		{"SELECT array_remove(nums, 1) FROM arr WHERE id = 1", `{3,2}`},
		{"SELECT array_position(nums, 2) FROM arr WHERE id = 1", `3`},
		{"SELECT nums || ARRAY[9] FROM arr WHERE id = 1", `{3,1,2,9}`},
		{"SELECT ARRAY[1] || ARRAY[2,3]", `{1,2,3}`},
		{"SELECT ARRAY[1,2] || 3", `{1,2,3}`},
		{"SELECT nums || '{8}' FROM arr WHERE id = 1", `{3,1,2,8}`},
		// an array column and an element: no text concatenation ({3,1,2}4)
		{"SELECT nums || 4 FROM arr WHERE id = 1", `{3,1,2,4}`},
		{"SELECT 0 || nums FROM arr WHERE id = 1", `{0,3,1,2}`},
		{"SELECT tags || 'z'::text FROM arr WHERE id = 2", `{x,y,z}`},
		{"SELECT 'a' || 'b'", `ab`},
		{"SELECT nums @> ARRAY[1,2] FROM arr WHERE id = 1", `t`},
		{"SELECT nums @> '{4}' FROM arr WHERE id = 1", `f`},
		{"SELECT ARRAY[1] <@ nums FROM arr WHERE id = 1", `t`},
		{"SELECT nums && ARRAY[2,9] FROM arr WHERE id = 1", `t`},
		{"SELECT nums && '{9}' FROM arr WHERE id = 1", `f`},
		{"SELECT array_to_string(tags, ',') FROM arr WHERE id = 1", `a,b c`},
		{"SELECT array_to_string(tags, ',', '*') FROM arr WHERE id = 1", `a,b c,*`},
		{"SELECT string_to_array('a,b,,c', ',')", `{a,b,"",c}`},
		{"SELECT string_to_array('a,b,x', ',', 'x')", `{a,b,NULL}`},
		{"SELECT array_agg(id ORDER BY id DESC) FROM arr", `{3,2,1}`},
		{"SELECT array_agg(tags[1] ORDER BY id) FROM arr", `{a,x,NULL}`},
		{"SELECT sum(u) FROM unnest(ARRAY[1,2,3]) AS u", `6`},
		{"SELECT string_agg(x, '-') FROM unnest('{p,q}'::text[]) AS t(x)", `p-q`},
		{"SELECT count(*) FROM arr, unnest(arr.nums) AS n WHERE n > 1", `3`},
		{"SELECT sum(n) FROM arr, unnest(nums) n", `11`},
		{"SELECT unnest(ARRAY[7,8]) ORDER BY 1 DESC LIMIT 1", `8`},
		{"SELECT unnest(nums) AS n FROM arr WHERE id = 1 ORDER BY n LIMIT 1", `1`},
		{"SELECT ARRAY(SELECT id FROM arr ORDER BY id)", `{1,2,3}`},
		{"SELECT count(*) FROM arr WHERE nums = '{3, 1, 2}'", `1`},
		{"SELECT ARRAY['{a}', 'b,c']", `{"{a}","b,c"}`},
		{"SELECT array_agg(x) FROM (SELECT '{x}' AS x)", `{"{x}"}`},
	}
	for _, c := range cases {
		if got := queryOne(t, db, c.q); got != c.want {
			st, _ := Translate(c.q)
			t.Errorf("%s\n got %s, want %s\n sql: %v", c.q, got, c.want, st.Exec)
		}
	}
}

// TestArrayErrors checks PostgreSQL's errors for bad array input.
func TestArrayErrors(t *testing.T) {
	db := openCatalogDB(t, "")
	execAll(t, db, `CREATE TABLE arre (a int[], u uuid[], v varchar(2)[])`)
	cases := []struct{ q, code, msg string }{
		{"INSERT INTO arre (a) VALUES ('{1,x}')", "22P02", `invalid input syntax for type integer: "x"`},
		{"INSERT INTO arre (a) VALUES ('{1,2')", "22P02", `malformed array literal: "{1,2"`},
		{"INSERT INTO arre (a) VALUES ('1,2')", "22P02", `malformed array literal: "1,2"`},
		{"INSERT INTO arre (a) VALUES ('{{1},{2}}')", "0A000", `multidimensional arrays are not supported`},
		{"INSERT INTO arre (u) VALUES ('{zz}')", "22P02", `invalid input syntax for type uuid: "zz"`},
		{"INSERT INTO arre (v) VALUES ('{abc}')", "22001", `value too long for type character varying(2)`},
		{"INSERT INTO arre (a) VALUES ('{99999999999}')", "22003", `out of range for type integer`},
		{"SELECT '{a}'::int[]", "22P02", `invalid input syntax for type integer: "a"`},
		// one pg_array call: SQLite's limit on a function's arguments
		{"SELECT 1 WHERE 5 = ANY(ARRAY[" + strings.Repeat("1, ", maxArrayArgs) + "5])", "0A000", `ARRAY[...] with more than 1000 elements is not supported (1001 given)`},
	}
	for _, c := range cases {
		st, err := Translate(c.q)
		if err == nil {
			_, err = db.Exec(st.Exec[0])
		}
		if err == nil {
			t.Errorf("%s: no error", c.q)
			continue
		}
		var pe *Error
		coded := strings.Contains(err.Error(), c.code) || errors.As(err, &pe) && pe.Code == c.code
		if !coded || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%s: got %v, want %s %s", c.q, err, c.code, c.msg)
		}
	}
	for _, q := range []string{"SELECT ARRAY[[1,2],[3,4]]", "SELECT ARRAY[]", "SELECT count(*) < ANY(ARRAY[1]) FROM t", "CREATE TABLE x (a point[])"} {
		if _, err := Translate(q); err == nil {
			t.Errorf("Translate(%q): no error", q)
		}
	}
}

// TestArrayTypes checks the declared types, OIDs and names of array types.
func TestArrayTypes(t *testing.T) {
	for decl, want := range map[string]uint32{"_int4": pgoid.Int4Array, "text[]": pgoid.TextArray, "_text": pgoid.TextArray,
		"integer[]": pgoid.Int4Array, "uuid[]": pgoid.UUIDArray, "bigint ARRAY": pgoid.Int8Array, "_varchar(20)": pgoid.VarcharArray,
		"_bool": pgoid.BoolArray, "int[3]": pgoid.Int4Array} {
		if got, _ := DeclTypeOID(decl); got != want {
			t.Errorf("DeclTypeOID(%q) = %d, want %d", decl, got, want)
		}
	}
	if got := FormatType(pgoid.Int4Array, -1); got != "integer[]" {
		t.Errorf("FormatType = %q", got)
	}
	if o, tm := DeclTypeOID("_varchar(20)"); FormatType(o, tm) != "character varying(20)[]" {
		t.Errorf("FormatType(_varchar(20)) = %q", FormatType(o, tm))
	}
	for q, want := range map[string]uint32{"SELECT ARRAY[1,2]": pgoid.Int4Array, "SELECT ARRAY['a']": pgoid.TextArray,
		"SELECT '{1}'::bigint[]": pgoid.Int8Array, "SELECT CAST('{}' AS uuid[])": pgoid.UUIDArray, "SELECT 1 = ANY('{1}')": pgoid.Bool,
		"SELECT cardinality('{}'::int[])": pgoid.Int4} {
		st, err := Translate(q)
		if err != nil || len(st.ColumnOIDs) != 1 || st.ColumnOIDs[0] != want {
			t.Errorf("%s: ColumnOIDs %v (%v), want %d", q, st, err, want)
		}
	}
	st, err := Translate("SELECT * FROM t WHERE id = ANY($1::int8[])")
	if err != nil || st.ParamOIDs[0] != pgoid.Int8Array {
		t.Errorf("ParamOIDs: %v %v", st, err)
	}
}

// TestDistinctAggOrder: array_agg/string_agg(DISTINCT x) list the values
// sorted, NULL last, as PostgreSQL 15's DISTINCT does (recorded from it),
// not in the order the rows came.
func TestDistinctAggOrder(t *testing.T) {
	db := openCatalogDB(t, "")
	execAll(t, db, `CREATE TABLE da (id int PRIMARY KEY, s text, n int);
INSERT INTO da VALUES (1, 'b', 3), (2, 'a', 1), (3, NULL, 3), (4, 'b', 2)`)
	for q, want := range map[string]string{
		"SELECT array_agg(DISTINCT s) FROM da":                 `{a,b,NULL}`,
		"SELECT string_agg(DISTINCT s, ',') FROM da":           `a,b`,
		"SELECT array_agg(DISTINCT n) FROM da":                 `{1,2,3}`,
		"SELECT array_agg(DISTINCT n ORDER BY n DESC) FROM da": `{3,2,1}`,
	} {
		if got := queryOne(t, db, q); got != want {
			t.Errorf("%s: got %s, want %s", q, got, want)
		}
	}
}
