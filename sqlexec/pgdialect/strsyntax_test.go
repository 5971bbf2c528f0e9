package pgdialect

import (
	"database/sql/driver"
	"testing"
)

func TestSubstrOverlay(t *testing.T) {
	for _, c := range []struct {
		args []driver.Value
		want driver.Value
	}{
		{[]driver.Value{"hello", int64(2), int64(3)}, "ell"},
		{[]driver.Value{"hello", int64(0), int64(3)}, "he"},
		{[]driver.Value{"hello", int64(-1), int64(3)}, "h"},
		{[]driver.Value{"hello", int64(-5), int64(3)}, ""},
		{[]driver.Value{"hello", int64(3)}, "llo"},
		{[]driver.Value{"héllo", int64(2), int64(2)}, "él"},
		{[]driver.Value{"hello", int64(9)}, ""},
		{[]driver.Value{[]byte("abc"), int64(2)}, []byte("bc")},
		{[]driver.Value{nil, int64(1)}, nil},
	} {
		got, err := fnSubstr(nil, c.args)
		if err != nil || string(str(got)) != string(str(c.want)) || (got == nil) != (c.want == nil) {
			t.Errorf("substr%v = %#v, %v; want %#v", c.args, got, err, c.want)
		}
	}
	if _, err := fnSubstr(nil, []driver.Value{"hello", int64(1), int64(-1)}); err == nil {
		t.Error("negative length: want 22011")
	}
	if got, err := fnOverlay(nil, []driver.Value{"Txxxxas", "hom", int64(2), int64(4)}); err != nil || got != "Thomas" {
		t.Errorf("overlay = %v, %v", got, err)
	}
}

func TestAddColumnList(t *testing.T) {
	names := []string{"k", "v", "note"}
	for _, c := range []struct{ in, want, code string }{
		{"INSERT INTO t VALUES ('a', 1)", `INSERT INTO t (k, v) VALUES ('a', 1)`, ""},
		{"INSERT INTO t VALUES ('a', 1, 'x')", `INSERT INTO t VALUES ('a', 1, 'x')`, ""},
		{"INSERT INTO t SELECT 'g', 1 FROM u", `INSERT INTO t (k, v) SELECT 'g', 1 FROM u`, ""},
		{"INSERT INTO t SELECT * FROM u", `INSERT INTO t SELECT * FROM u`, ""},
		{"INSERT INTO t WITH w AS (SELECT a, b, c FROM u) SELECT a, b FROM w", `INSERT INTO t (k, v) WITH w AS (SELECT a, b, c FROM u) SELECT a, b FROM w`, ""},
		{"INSERT INTO t VALUES (1, 2, 3, 4)", "", "42601"},
	} {
		if _, ok := ColumnlessInsert(c.in); !ok {
			t.Errorf("ColumnlessInsert(%q) = false", c.in)
		}
		got, err := AddColumnList(c.in, names, false)
		if c.code != "" {
			if e, ok := err.(*Error); !ok || e.Code != c.code {
				t.Errorf("AddColumnList(%q) = %v, want %s", c.in, err, c.code)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("AddColumnList(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	if _, ok := ColumnlessInsert("INSERT INTO t (k) VALUES (1)"); ok {
		t.Error("a column list: ColumnlessInsert should be false")
	}
}
