package integration

// arrays_test.go: one-dimensional arrays as clients see them, against a
// 3-node raftsql cluster and (RAFTSQL_REFERENCE_URL) PostgreSQL 15: the
// same text results and SQLSTATEs, pgx's binary array format for results
// and parameters, and the same stored values on every node.

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
)

var arraysE2E = []sqlStep{
	{sql: "CREATE TABLE arr (id int PRIMARY KEY, tags text[], nums int[], big bigint[], ids uuid[], flags boolean[], v varchar(3)[])"},
	{sql: `INSERT INTO arr VALUES (1, '{a,"b c",NULL,""}', '{3,1,2}', ARRAY[10,20], '{A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11}', '{t,false,yes}', '{ab}')`},
	{sql: `INSERT INTO arr (id, tags, nums) VALUES (2, ARRAY['x','y'], ARRAY[]::int[]), (3, '{}', '{5}')`},
	{sql: "SELECT tags, nums, big, ids, flags, v FROM arr WHERE id = 1", rows: `{a,"b c",NULL,""},{3,1,2},{10,20},{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11},{t,f,t},{ab}`},
	{sql: "SELECT tags, nums FROM arr WHERE id = 2", rows: `{x,y},{}`},
	{sql: "SELECT ARRAY[1,2,3], ARRAY['a b', NULL], '{ 1 , 2 }'::int[], CAST('{x}' AS text[])", rows: `{1,2,3},{"a b",NULL},{1,2},{x}`},
	{sql: "SELECT id FROM arr WHERE 2 = ANY(nums) ORDER BY id", rows: "1"},
	{sql: "SELECT id FROM arr WHERE 'x' = ANY(tags) ORDER BY id", rows: "2"},
	{sql: "SELECT id FROM arr WHERE id = ANY('{1,3}') ORDER BY id", rows: "1|3"},
	{sql: "SELECT id FROM arr WHERE id <> ALL(ARRAY[1,2]) ORDER BY id", rows: "3"},
	{sql: "SELECT id FROM arr WHERE id IN (1, 3) ORDER BY id", rows: "1|3"},
	{sql: "SELECT array_length(nums, 1), cardinality(nums), nums[1], nums[2:3], tags[2] FROM arr WHERE id = 1", rows: "3,3,3,{1,2},b c"},
	{sql: "SELECT array_length(nums, 1), cardinality(nums), nums[1] FROM arr WHERE id = 2", rows: ",0,"},
	{sql: "SELECT array_append(nums, 4), array_prepend(0, nums), array_cat(nums, ARRAY[7]), array_remove(nums, 1), array_position(nums, 2) FROM arr WHERE id = 1",
		rows: "{3,1,2,4},{0,3,1,2},{3,1,2,7},{3,2},3"},
	{sql: "SELECT nums || ARRAY[9], ARRAY[1] || ARRAY[2,3], ARRAY[1,2] || 3 FROM arr WHERE id = 1", rows: "{3,1,2,9},{1,2,3},{1,2,3}"},
	{sql: "SELECT nums @> ARRAY[1,2], nums @> '{4}', ARRAY[1] <@ nums, nums && ARRAY[2,9], nums && '{9}' FROM arr WHERE id = 1", rows: "t,f,t,t,f"},
	{sql: "SELECT array_to_string(tags, ','), array_to_string(tags, ',', '*') FROM arr WHERE id = 1", rows: "a,b c,,a,b c,*,"},
	{sql: "SELECT string_to_array('a,b,,c', ','), string_to_array('a,b,x', ',', 'x')", rows: `{a,b,"",c},{a,b,NULL}`},
	{sql: "SELECT array_agg(id ORDER BY id DESC) FROM arr", rows: "{3,2,1}"},
	{sql: "SELECT array_agg(tags[1] ORDER BY id) FROM arr", rows: "{a,x,NULL}"},
	{sql: "SELECT u FROM unnest(ARRAY[3,1,2]) AS u ORDER BY u", rows: "1|2|3"},
	{sql: "SELECT x FROM unnest('{p,q}'::text[]) AS t(x) ORDER BY x", rows: "p|q"},
	{sql: "SELECT arr.id, n FROM arr, unnest(arr.nums) AS n WHERE n > 1 ORDER BY arr.id, n", rows: "1,2|1,3|3,5"},
	{sql: "SELECT id, unnest(tags) AS tag FROM arr WHERE id = 2 ORDER BY tag", rows: "2,x|2,y"},
	{sql: "SELECT ARRAY(SELECT id FROM arr ORDER BY id)", rows: "{1,2,3}"},
	{sql: "UPDATE arr SET nums = array_append(nums, 6), tags = tags || '{z}' WHERE id = 3"},
	{sql: "SELECT nums, tags FROM arr WHERE id = 3", rows: "{5,6},{z}"},
	{sql: "SELECT count(*) FROM arr WHERE nums = '{5, 6}'", rows: "1"},
	{sql: "INSERT INTO arr (id, nums) VALUES (9, '{1,x}')", code: "22P02"},
	{sql: "INSERT INTO arr (id, nums) VALUES (9, '{1,2')", code: "22P02"},
	{sql: "INSERT INTO arr (id, nums) VALUES (9, '1,2')", code: "22P02"},
	{sql: "INSERT INTO arr (id, ids) VALUES (9, '{zz}')", code: "22P02"},
	{sql: "INSERT INTO arr (id, v) VALUES (9, '{abcd}')", code: "22001"},
	{sql: "INSERT INTO arr (id, nums) VALUES (9, '{99999999999}')", code: "22003"},
	{sql: "SELECT count(*) FROM arr WHERE id = 9", rows: "0"},
	{sql: "SELECT column_name, data_type, udt_name FROM information_schema.columns WHERE table_name = 'arr' AND column_name IN ('tags', 'nums', 'v') ORDER BY column_name",
		rows: "nums,ARRAY,_int4|tags,ARRAY,_text|v,ARRAY,_varchar"},
	{sql: "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'arr'::regclass AND attname IN ('nums', 'v') ORDER BY attname",
		rows: "integer[]|character varying(3)[]"},
}

func TestArraysE2E(t *testing.T) { runTextScript(t, arraysE2E) }

// TestArraysPgx: pgx's binary array parameters and results (extended
// protocol), = ANY($1) with a slice, and the stored values read back from
// every node.
func TestArraysPgx(t *testing.T) {
	urls := e2eURLs(t)
	conn := connect(t, urls[0])
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	mustExec(t, conn, "CREATE TABLE items (id bigint PRIMARY KEY, tags text[], n int[], b bigint[], u uuid[], f boolean[])")
	u1 := [16]byte{0xa0, 0xee, 0xbc, 0x99, 0x9c, 0x0b, 0x4e, 0xf8, 0xbb, 0x6d, 0x6b, 0xb9, 0xbd, 0x38, 0x0a, 0x11}
	mustExec(t, conn, "INSERT INTO items VALUES ($1, $2, $3, $4, $5, $6)", int64(1), []string{"a", "b c", "", `q"\`}, []int32{1, -2}, []int64{1 << 40, 7}, [][16]byte{u1}, []bool{true, false})
	mustExec(t, conn, "INSERT INTO items (id, tags, n) VALUES ($1, $2, $3)", int64(2), []string{}, []int32{5})
	mustExec(t, conn, "INSERT INTO items (id, tags) VALUES ($1, $2)", int64(3), []string{"x"})

	var tags []string
	var n []int32
	var b []int64
	var u [][16]byte
	var f []bool
	if err := conn.QueryRow(ctx, "SELECT tags, n, b, u, f FROM items WHERE id = $1", int64(1)).Scan(&tags, &n, &b, &u, &f); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(tags, []string{"a", "b c", "", `q"\`}) || !reflect.DeepEqual(n, []int32{1, -2}) || !reflect.DeepEqual(b, []int64{1 << 40, 7}) ||
		!reflect.DeepEqual(u, [][16]byte{u1}) || !reflect.DeepEqual(f, []bool{true, false}) {
		t.Errorf("scan: %q %v %v %x %v", tags, n, b, u, f)
	}
	var flat pgtype.FlatArray[string]
	if err := conn.QueryRow(ctx, "SELECT tags FROM items WHERE id = 3").Scan(&flat); err != nil || !reflect.DeepEqual([]string(flat), []string{"x"}) {
		t.Errorf("FlatArray: %v %v", flat, err)
	}
	var empty []string
	if err := conn.QueryRow(ctx, "SELECT tags FROM items WHERE id = 2").Scan(&empty); err != nil || empty == nil || len(empty) != 0 {
		t.Errorf("empty array: %#v %v", empty, err)
	}
	var ids []int64
	if err := conn.QueryRow(ctx, "SELECT array_agg(id ORDER BY id) FROM items WHERE id = ANY($1)", []int64{1, 3, 99}).Scan(&ids); err != nil || !reflect.DeepEqual(ids, []int64{1, 3}) {
		t.Errorf("= ANY($1): %v %v", ids, err)
	}
	var cnt int64
	if err := conn.QueryRow(ctx, "SELECT count(*) FROM items WHERE $1 = ANY(tags)", "x").Scan(&cnt); err != nil || cnt != 1 {
		t.Errorf("$1 = ANY(tags): %d %v", cnt, err)
	}
	if err := conn.QueryRow(ctx, "SELECT count(*) FROM items WHERE tags @> $1::text[]", []string{"a"}).Scan(&cnt); err != nil || cnt != 1 {
		t.Errorf("@> $1: %d %v", cnt, err)
	}
	if err := conn.QueryRow(ctx, "SELECT count(*) FROM items WHERE tags && $1", []string{"zz", "x"}).Scan(&cnt); err != nil || cnt != 1 {
		t.Errorf("&& $1: %d %v", cnt, err)
	}
	var ret []int32
	if err := conn.QueryRow(ctx, "UPDATE items SET n = $1 WHERE id = 3 RETURNING n", []int32{8, 9}).Scan(&ret); err != nil || !reflect.DeepEqual(ret, []int32{8, 9}) {
		t.Errorf("RETURNING n: %v %v", ret, err)
	}
	var appended, sliced []int32
	if err := conn.QueryRow(ctx, "SELECT array_append(n, 10), n[1:1] FROM items WHERE id = 3").Scan(&appended, &sliced); err != nil ||
		!reflect.DeepEqual(appended, []int32{8, 9, 10}) || !reflect.DeepEqual(sliced, []int32{8}) {
		t.Errorf("array_append, slice: %v %v %v", appended, sliced, err)
	}
	var first string
	var nlen int32
	if err := conn.QueryRow(ctx, "SELECT tags[1], array_length(n, 1) FROM items WHERE id = 3").Scan(&first, &nlen); err != nil || first != "x" || nlen != 2 {
		t.Errorf("subscript: %q %d %v", first, nlen, err)
	}
	// binary COPY (pgx's CopyFrom) into array columns
	if _, err := conn.CopyFrom(ctx, pgx.Identifier{"items"}, []string{"id", "tags", "n"},
		pgx.CopyFromRows([][]any{{int64(4), []string{"c1", "c 2"}, []int32{4, 40}}, {int64(5), nil, []int32{}}})); err != nil {
		t.Fatalf("CopyFrom: %v", err)
	}
	var copied string
	if err := conn.QueryRow(ctx, "SELECT string_agg(coalesce(tags::text, '-') || n::text, ';' ORDER BY id) FROM items WHERE id IN (4, 5)").Scan(&copied); err != nil || copied != `{c1,"c 2"}{4,40};-{}` {
		t.Errorf("CopyFrom: %s %v", copied, err)
	}
	mustExec(t, conn, "DELETE FROM items WHERE id = ANY($1)", []int64{3, 4, 5})
	mustExec(t, conn, "UPDATE items SET n = array_append(n, $1) WHERE id = 2", int32(6))

	// the same values on every node
	var want string
	for i, url := range urls {
		c := connect(t, url)
		var got string
		if err := c.QueryRow(ctx, "SELECT string_agg(id::text || ':' || coalesce(tags::text, '-') || coalesce(n::text, '-') || coalesce(b::text, '-') || coalesce(u::text, '-') || coalesce(f::text, '-'), ';' ORDER BY id) FROM items").Scan(&got); err != nil {
			t.Fatalf("node %d: %v", i, err)
		}
		if i == 0 {
			want = got
			if want != `1:{a,"b c","","q\"\\"}{1,-2}{1099511627776,7}{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}{t,f};2:{}{5,6}---` {
				t.Errorf("stored values: %s", want)
			}
		} else if got != want {
			t.Errorf("node %d: %s, node 0: %s", i, got, want)
		}
		c.Close(ctx)
	}
}
