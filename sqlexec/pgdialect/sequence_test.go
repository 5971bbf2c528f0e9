package pgdialect

import (
	"strings"
	"testing"
)

func TestSequenceTranslate(t *testing.T) {
	checkStateDDL(t, []ddlCase{
		{"CREATE SEQUENCE s", "SELECT pg_seq_create('s', '', 0)", ""},
		{"CREATE SEQUENCE IF NOT EXISTS public.\"S\" AS integer INCREMENT BY 5 MINVALUE -10 NO MAXVALUE START WITH 0 CACHE 20 CYCLE OWNED BY t.id",
			"SELECT pg_seq_create('S', 'as=integer inc=5 min=-10 start=0 cache=20 nomax cycle=true owned=t.id', 6)", ""},
		{"ALTER SEQUENCE s RESTART", "SELECT pg_seq_alter('s', 'restart', 0)", ""},
		{"ALTER SEQUENCE IF EXISTS s RESTART WITH -3 NO CYCLE", "SELECT pg_seq_alter('s', 'restart=-3 cycle=false', 2)", ""},
		{"DROP SEQUENCE IF EXISTS a, b CASCADE", "SELECT pg_seq_drop('a', 3); SELECT pg_seq_drop('b', 3)", ""},
		{"CREATE SEQUENCE s MINVALUE 10 MAXVALUE 5", "", "22023"},
		{"CREATE SEQUENCE s AS numeric", "", "22023"},
		{"CREATE SEQUENCE s INCREMENT 0", "", "22023"},
		{"CREATE SEQUENCE s START 99999999999999999999", "", "22003"},
		{"CREATE SEQUENCE s BOGUS", "", "42601"},
		{"CREATE TEMP SEQUENCE s", "", "0A000"},
		{"CREATE SEQUENCE other.s", "", "3F000"},
	})
}

// Define follows PostgreSQL's init_params: defaults from the increment's
// sign and the type, errors in PostgreSQL's order and words.
func TestSequenceDefine(t *testing.T) {
	i := func(v int64) *int64 { return &v }
	s := func(v string) *string { return &v }
	for _, c := range []struct {
		o    SeqOptions
		want SeqDef
		err  string
	}{
		{SeqOptions{}, SeqDef{Type: "bigint", Start: 1, Inc: 1, Min: 1, Max: 1<<63 - 1, Cache: 1}, ""},
		{SeqOptions{Inc: i(-1)}, SeqDef{Type: "bigint", Start: -1, Inc: -1, Min: -1 << 63, Max: -1, Cache: 1}, ""},
		{SeqOptions{Type: s("int2")}, SeqDef{Type: "smallint", Start: 1, Inc: 1, Min: 1, Max: 32767, Cache: 1}, ""},
		{SeqOptions{Type: s("smallint"), Max: i(100000)}, SeqDef{}, "MAXVALUE (100000) is out of range for sequence data type smallint"},
		{SeqOptions{Min: i(10), Max: i(5)}, SeqDef{}, "MINVALUE (10) must be less than MAXVALUE (5)"},
		{SeqOptions{Start: i(0)}, SeqDef{}, "START value (0) cannot be less than MINVALUE (1)"},
		{SeqOptions{Max: i(5), Start: i(6)}, SeqDef{}, "START value (6) cannot be greater than MAXVALUE (5)"},
		{SeqOptions{Cache: i(0)}, SeqDef{}, "CACHE (0) must be greater than zero"},
	} {
		got, restart, err := c.o.Define(nil)
		if c.err != "" {
			if err == nil {
				t.Errorf("%+v: no error, want %q", c.o, c.err)
				continue
			}
			if _, msg, _ := ParseSQLStateError(err.Error()); msg != c.err {
				t.Errorf("%+v: got %v, want %q", c.o, err, c.err)
			}
			continue
		}
		if err != nil || got != c.want || restart == nil || *restart != got.Start {
			t.Errorf("%+v: got %+v %v %v, want %+v", c.o, got, restart, err, c.want)
		}
	}
	d := SeqDef{Type: "bigint", Inc: 2, Min: 1, Max: 5}
	for _, c := range []struct {
		last   int64
		called bool
		want   int64
		err    string
	}{{1, false, 1, ""}, {1, true, 3, ""}, {3, true, 5, ""}, {5, true, 0, "reached maximum value"}, {4, true, 0, "reached maximum value"}} {
		v, err := d.Next("s", c.last, c.called)
		if c.err != "" != (err != nil) || err != nil && !strings.Contains(err.Error(), c.err) || v != c.want {
			t.Errorf("Next(%d, %v) = %d, %v", c.last, c.called, v, err)
		}
	}
	d.Cycle = true
	if v, _ := d.Next("s", 5, true); v != 1 {
		t.Errorf("cycle: got %d, want 1", v)
	}
}

func TestCallsStateFunction(t *testing.T) {
	for sql, want := range map[string]bool{
		"SELECT nextval('s')":                 true,
		"SELECT NextVal ('s')":                true,
		"SELECT 'nextval(' || x FROM t":       false,
		"SELECT nextval FROM t":               false,
		"SELECT pg_seq_create('s', '', 0)":    true,
		"INSERT INTO t VALUES (currval('s'))": true,
		"SELECT 1":                            false,
	} {
		if got := CallsStateFunction(sql); got != want {
			t.Errorf("%s: got %v", sql, got)
		}
	}
	for arg, want := range map[string]string{"s1": "s1", "S1": "s1", `"S1"`: "S1", "public.s1": "s1", `"public"."S"`: "S"} {
		if got, err := SequenceName(arg); err != nil || got != want {
			t.Errorf("SequenceName(%s) = %q, %v", arg, got, err)
		}
	}
	if _, err := SequenceName("a.b.c"); err == nil {
		t.Error("a.b.c: want an error")
	}
}

// ddlCase is a statement translated into state-function calls (Exec
// joined with "; "), or the SQLSTATE it is refused with.
type ddlCase struct{ sql, want, code string }

func checkStateDDL(t *testing.T, cases []ddlCase) {
	t.Helper()
	for _, c := range cases {
		st, err := Translate(c.sql)
		if c.code != "" {
			if e, ok := err.(*Error); !ok || e.Code != c.code {
				t.Errorf("%s: got %v, want SQLSTATE %s", c.sql, err, c.code)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", c.sql, err)
			continue
		}
		if got := strings.Join(st.Exec, "; "); got != c.want || !st.NoRows || st.ReadOnly || !CallsStateFunction(got) {
			t.Errorf("%s:\n got %s (NoRows %v)\nwant %s", c.sql, got, st.NoRows, c.want)
		}
	}
}
