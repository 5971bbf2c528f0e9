package sqlexec

import (
	"strings"
	"testing"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// TestTablesBeforeEnforcement: a table created before type enforcement
// (no pgdialect_in_* CHECKs, here written directly in SQLite's SQL) that
// holds values PostgreSQL would have refused still reads, and new writes
// to it are canonicalised.
func TestTablesBeforeEnforcement(t *testing.T) {
	e, f := newTestEngine(t)
	if r := f.db.Apply(1, cmdOf(1, 1, 1,
		`CREATE TABLE old (id INTEGER PRIMARY KEY, b boolean, j jsonb, u uuid, v varchar(3) CONSTRAINT pgdialect_len_varchar_3_v CHECK (length(v) <= 3))`,
		`INSERT INTO old VALUES (1, 'maybe', 'not json', 'not-a-uuid', 'abc'), (2, 1, '{"a":1}', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11', NULL)`)); r.Err != nil {
		t.Fatal(r.Err)
	}
	f.next = 1
	s := newSess(t, e)
	got, err := q(t, s, "SELECT id, b, j, u FROM old ORDER BY id")
	if err != nil {
		t.Fatalf("reading a table from before enforcement: %v", err)
	}
	if !strings.Contains(got, "not-a-uuid") {
		t.Errorf("got %s", got)
	}
	mustQ(t, s, "INSERT INTO old (id, b, u) VALUES (3, 'yes', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A13')", "")
	if got, _ := q(t, s, "SELECT b, u FROM old WHERE id = 3"); !strings.Contains(got, "R[true a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a13]") {
		t.Errorf("canonicalised write: %s", got)
	}
	if _, err := q(t, s, "INSERT INTO old (id, v) VALUES (4, 'abcd')"); code(err) != "22001" {
		t.Errorf("old length CHECK: %v", err)
	}
}

// BenchmarkApplyTyped measures an INSERT into a table of typed columns
// with type enforcement (CREATE TABLE and INSERT translated by pgdialect:
// CHECKs and pg_in_decl) and without it (the same table and INSERT in
// plain SQLite SQL), in batches of 100 entries.
func BenchmarkApplyTyped(b *testing.B) {
	const ddl = "CREATE TABLE t (id bigint PRIMARY KEY, b boolean, n integer, v varchar(50), u uuid, j jsonb)"
	const ins = "INSERT INTO t (id, b, n, v, u, j) VALUES ($1, $2, $3, $4, $5, $6)"
	for _, enforced := range []bool{false, true} {
		name := "plain"
		if enforced {
			name = "enforced"
		}
		b.Run(name, func(b *testing.B) {
			db := openTest(b, b.TempDir())
			defer db.Close()
			d, in := ddl, strings.NewReplacer("$1", "?1", "$2", "?2", "$3", "?3", "$4", "?4", "$5", "?5", "$6", "?6").Replace(ins)
			if enforced {
				st, err := pgdialect.Translate(ddl)
				if err != nil {
					b.Fatal(err)
				}
				d = st.Exec[0]
				if st, err = pgdialect.Translate(ins); err != nil {
					b.Fatal(err)
				}
				in = st.Exec[0]
			}
			if r := db.Apply(1, cmdOf(1, 1, 1, d)); r.Err != nil {
				b.Fatal(r.Err)
			}
			idx := uint64(1)
			b.ResetTimer()
			for i := 0; i < b.N; i += 100 {
				var ents []Entry
				for j := 0; j < 100; j++ {
					n := i + j
					c := &Command{Timestamp: 1, Seed: 1, Statements: []Statement{{SQL: in,
						Args: []any{int64(n), "t", int64(n), "hello", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", `{"a": 1}`}}}}
					c.RequestID[0], c.RequestID[1], c.RequestID[2], c.RequestID[3] = byte(n), byte(n>>8), byte(n>>16), 7
					idx++
					ents = append(ents, Entry{Index: idx, Data: EncodeCommand(c)})
				}
				for _, r := range db.ApplyBatch(ents) {
					if r.Err != nil {
						b.Fatal(r.Err)
					}
				}
			}
		})
	}
}

// An input error whose message holds a newline (the value's own) keeps its
// SQLSTATE and loses the internal marker (found by FuzzJSONB).
func TestInputErrorWithNewline(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	mustQ(t, s, "CREATE TABLE nl(a int)", "")
	for _, sql := range []string{"SELECT E'1\\n2'::int", "INSERT INTO nl VALUES (E'x\\ny')"} {
		_, err := q(t, s, sql)
		pe, ok := err.(*Error)
		if !ok || pe.Code != "22P02" || strings.Contains(pe.Message, "SQLSTATE") || !strings.Contains(pe.Message, "\n") {
			t.Errorf("%s: %#v", sql, err)
		}
	}
}
