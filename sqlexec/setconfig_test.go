package sqlexec

import (
	"context"
	"strings"
	"testing"
)

// set_config changes the session as SET does, and SHOW, current_setting
// and the reported parameters agree with it.
func TestSetConfigChangesSession(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	mustQ(t, s, "SELECT set_config('timezone', 'Asia/Tokyo', false), current_setting('TimeZone')",
		"D[set_config:25,current_setting:25] R[Asia/Tokyo Asia/Tokyo] C:SELECT 1")
	mustQ(t, s, "SHOW TimeZone", "D[TimeZone:25] R[Asia/Tokyo] C:SHOW")
	if ps, changed := s.ParameterStatusChanged(); !changed || ps["TimeZone"] != "Asia/Tokyo" {
		t.Fatalf("ParameterStatus after set_config: %v %v", changed, ps)
	}
	mustQ(t, s, "SELECT pg_catalog.set_config('search_path', '', false)", "D[set_config:25] R[] C:SELECT 1")
	mustQ(t, s, "SHOW search_path", "D[search_path:25] R[] C:SHOW")
	mustQ(t, s, "SELECT current_schema() IS NULL, current_schemas(true)", "")
	mustQ(t, s, "SELECT set_config('my.var', 'x', false); SHOW my.var", "D[set_config:25] R[x] C:SELECT 1 D[my.var:25] R[x] C:SHOW")
	mustQ(t, s, "SELECT set_config('my.var', NULL, false)", "D[set_config:25] R[] C:SELECT 1")
	for sql, want := range map[string]string{
		"SELECT set_config('no_such', '1', false)":                  "42704",
		"SET no_such = 1":                                           "42704",
		"RESET no_such":                                             "42704",
		"SELECT set_config('1my.x', '1', false)":                    "42602",
		"SELECT set_config('server_version', '1', false)":           "55P02",
		"SET server_version = '1'":                                  "55P02",
		"SELECT set_config('shared_buffers', '1MB', false)":         "55P02",
		"SELECT set_config(NULL, '1', false)":                       "22004",
		"SELECT set_config('timezone', 'Nowhere/Bad', false)":       "22023",
		"SELECT set_config('DateStyle', 'German', false)":           "0A000", // as SET DateStyle
		"SELECT set_config('client_min_messages', 'x', false)":      "22023",
		"SELECT set_config('extra_float_digits', '0', false)":       "0A000",
		"SELECT set_config('raftsql.read_consistency', 'x', false)": "22023",
	} {
		if _, err := q(t, s, sql); code(err) != want {
			t.Errorf("%s: %v, want %s", sql, err, want)
		}
	}
	mustQ(t, s, "SHOW TimeZone", "D[TimeZone:25] R[Asia/Tokyo] C:SHOW") // the failures changed nothing
}

// Transaction semantics: is_local until the transaction (or, outside
// one, the statement) ends; a rollback, a ROLLBACK TO and a failed
// statement undo the changes; a custom parameter stays, empty.
func TestSetConfigTransactions(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	mustQ(t, s, "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)", "")
	mustQ(t, s, "SELECT set_config('my.a', '1', true), current_setting('my.a')", "D[set_config:25,current_setting:25] R[1 1] C:SELECT 1")
	mustQ(t, s, "SELECT current_setting('my.a')", "D[current_setting:25] R[] C:SELECT 1")

	mustQ(t, s, "BEGIN", "")
	mustQ(t, s, "SELECT set_config('my.b', 'local', true)", "")
	mustQ(t, s, "SELECT current_setting('my.b')", "D[current_setting:25] R[local] C:SELECT 1")
	mustQ(t, s, "COMMIT", "")
	mustQ(t, s, "SELECT current_setting('my.b')", "D[current_setting:25] R[] C:SELECT 1")

	mustQ(t, s, "BEGIN", "")
	mustQ(t, s, "SELECT set_config('application_name', 'inside', false)", "")
	mustQ(t, s, "ROLLBACK", "")
	mustQ(t, s, "SHOW application_name", "D[application_name:25] R[app] C:SHOW")

	mustQ(t, s, "BEGIN", "")
	mustQ(t, s, "SELECT set_config('my.sp', 'a', false)", "")
	mustQ(t, s, "SAVEPOINT p", "")
	mustQ(t, s, "SELECT set_config('my.sp', 'b', false)", "")
	mustQ(t, s, "ROLLBACK TO p", "")
	mustQ(t, s, "COMMIT", "")
	mustQ(t, s, "SELECT current_setting('my.sp')", "D[current_setting:25] R[a] C:SELECT 1")

	mustQ(t, s, "INSERT INTO t VALUES (1, 'a'), (2, 'b')", "")
	if _, err := q(t, s, "SELECT set_config('my.err', 'x', false), 1 / (id - 2) FROM t ORDER BY id"); code(err) != "22012" {
		t.Fatal(err)
	}
	mustQ(t, s, "SELECT current_setting('my.err')", "D[current_setting:25] R[] C:SELECT 1")
	mustQ(t, s, "SELECT set_config('my.last', v, false) FROM t ORDER BY id", "D[set_config:25] R[a] R[b] C:SELECT 2")
	mustQ(t, s, "SELECT current_setting('my.last')", "D[current_setting:25] R[b] C:SELECT 1")
}

// A setting belongs to the session: set_config in a statement that
// writes, or after a transaction's first write, is refused (0A000); a
// transaction's read that called it commits, its replay changing no
// session; current_setting in a write carries the session's value.
func TestSetConfigAndTheLog(t *testing.T) {
	e, f := newTestEngine(t)
	s := newSess(t, e)
	mustQ(t, s, "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)", "")
	for _, sql := range []string{
		"INSERT INTO t VALUES (1, set_config('my.w', 'x', false))",
		"UPDATE t SET v = set_config('my.w', v, false)",
		"CREATE TABLE u(v TEXT DEFAULT set_config('my.w', 'x', false))",
	} {
		if _, err := q(t, s, sql); code(err) != "0A000" {
			t.Errorf("%s: %v, want 0A000", sql, err)
		}
	}
	mustQ(t, s, "BEGIN", "")
	if _, err := q(t, s, "DECLARE c CURSOR FOR SELECT set_config('my.c', 'x', false)"); code(err) != "0A000" {
		t.Errorf("set_config in a cursor's query: %v, want 0A000", err)
	}
	mustQ(t, s, "ROLLBACK", "")
	mustQ(t, s, "BEGIN", "")
	mustQ(t, s, "SELECT set_config('my.uid', '7', true)", "")
	mustQ(t, s, "SELECT current_setting('my.uid')", "D[current_setting:25] R[7] C:SELECT 1")
	mustQ(t, s, "INSERT INTO t VALUES (1, current_setting('my.uid'))", "")
	if _, err := q(t, s, "SELECT set_config('my.after', 'x', false)"); code(err) != "0A000" {
		t.Fatalf("set_config after the first write: %v", err)
	}
	mustQ(t, s, "ROLLBACK", "")

	mustQ(t, s, "BEGIN", "")
	mustQ(t, s, "SELECT set_config('my.uid', '7', true)", "")
	mustQ(t, s, "SELECT current_setting('my.uid')", "")
	mustQ(t, s, "INSERT INTO t VALUES (1, current_setting('my.uid'))", "")
	mustQ(t, s, "COMMIT", "C:COMMIT")
	mustQ(t, s, "SELECT v FROM t", "D[v:25] R[7] C:SELECT 1")
	last := f.log[len(f.log)-1]
	if !strings.Contains(string(last), "raftsql_set_config(") || strings.Contains(string(last), " set_config(") ||
		strings.Contains(string(last), "current_setting(") {
		t.Fatalf("the committed entry replays set_config as raftsql_set_config and carries current_setting's value: %q", last)
	}
	mustQ(t, s, "SELECT current_setting('my.uid')", "D[current_setting:25] R[] C:SELECT 1")

	mustQ(t, s, "SET application_name = 'writer'", "")
	mustQ(t, s, "INSERT INTO t VALUES (2, current_setting('application_name')), (3, current_setting('my.none', true))", "")
	mustQ(t, s, "SELECT id, v FROM t WHERE id > 1 ORDER BY id", "D[id:{I},v:25] R[2 writer] R[3 <nil>] C:SELECT 2")
}

// A prepared set_config takes its value at Execute, not at Prepare.
func TestSetConfigPrepared(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	ps, err := s.Prepare(context.Background(), "SELECT set_config('my.p', $1, false)", nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := s.settings["my.p"]; ok {
		t.Fatal("Prepare ran set_config")
	}
	w := &rec{}
	if err := ps.Execute(context.Background(), []any{"v1"}, w); err != nil || strings.Join(w.out, " ") != "R[v1] C:SELECT 1" {
		t.Fatal(err, w.out)
	}
	mustQ(t, s, "SHOW my.p", "D[my.p:25] R[v1] C:SHOW")
}

// raftsql_set_config, which a transaction's recorded read replays,
// returns what set_config returned.
func TestPureSettingValue(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	for _, c := range [][2]string{{"timezone", "utc"}, {"TimeZone", "asia/tokyo"}, {"my.x", "v"}, {"extra_float_digits", "2.6"},
		{"search_path", ""}, {"client_min_messages", "DEBUG"}, {"datestyle", "iso"}} {
		v := c[1]
		got, err := pureSettingValue(c[0], &v)
		want, werr := s.setConfig(c[0], &v, false)
		if got != want || code(err) != code(werr) {
			t.Errorf("%s = %q: pure %q %v, session %q %v", c[0], c[1], got, err, want, werr)
		}
	}
}

// In an extended-protocol pipeline, a local set_config holds until Sync
// (the pipeline's implicit transaction), as SET LOCAL does.
func TestSetConfigLocalInPipeline(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	ctx := context.Background()
	set, err := s.Prepare(ctx, "SELECT set_config('my.pipe', 'p', true)", nil)
	if err != nil {
		t.Fatal(err)
	}
	get, err := s.Prepare(ctx, "SELECT current_setting('my.pipe')", nil)
	if err != nil {
		t.Fatal(err)
	}
	s.PipelineHint(false)
	if err := set.Execute(ctx, nil, &rec{}); err != nil {
		t.Fatal(err)
	}
	w := &rec{}
	if err := get.Execute(ctx, nil, w); err != nil || strings.Join(w.out, " ") != "R[p] C:SELECT 1" {
		t.Fatalf("before Sync: %v %v", err, w.out)
	}
	s.PipelineHint(true)
	if err := s.EndPipeline(ctx); err != nil {
		t.Fatal(err)
	}
	mustQ(t, s, "SELECT current_setting('my.pipe')", "D[current_setting:25] R[] C:SELECT 1")
}
