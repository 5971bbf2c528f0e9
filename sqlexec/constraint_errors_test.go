package sqlexec

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// Constraint violations, numeric overflow and undefined functions as
// PostgreSQL 15 reports them (constraint_errors.go, undefined_function.go):
// the messages, DETAILs and fields below are PostgreSQL's answers to the
// same statements.

type wantErr struct {
	code, msg, detail, hint, table, constraint, column string
}

func checkErr(t *testing.T, sql string, err error, w wantErr) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Errorf("%s: got %v, want %s", sql, err, w.code)
		return
	}
	got := wantErr{e.Code, e.Message, e.DetailText, e.HintText, e.Table, e.Constraint, e.Column}
	if w.hint == "" {
		got.hint = ""
	}
	if got != w {
		t.Errorf("%s:\n got %+v\nwant %+v", sql, got, w)
	}
}

func TestConstraintErrorsLikePostgres(t *testing.T) {
	e, f := newTestEngine(t)
	s := newSess(t, e)
	for _, sql := range []string{
		"CREATE TABLE ce_parent (id int PRIMARY KEY, code text UNIQUE)",
		"CREATE TABLE ce_child (id int PRIMARY KEY, parent_id int REFERENCES ce_parent(id), qty int NOT NULL CHECK (qty > 0), label varchar(5) DEFAULT 'd')",
		"CREATE TABLE ce_named (id int PRIMARY KEY, p int, a int CONSTRAINT a_positive CHECK (a > 0), CONSTRAINT child_of FOREIGN KEY (p) REFERENCES ce_parent (id))",
		"CREATE TABLE ce_pk2 (a int, b text, PRIMARY KEY (a, b))",
		"CREATE TABLE ce_ref2 (id int PRIMARY KEY, a int, b text, FOREIGN KEY (a, b) REFERENCES ce_pk2)",
		"CREATE TABLE ce_typed (id int PRIMARY KEY, b boolean, n numeric(6,2), ts timestamptz, d date, ch char(3), x int NOT NULL)",
		"CREATE TABLE ce_lower (id int PRIMARY KEY, code text)",
		"CREATE UNIQUE INDEX ce_code_lower ON ce_lower (lower(code))",
		"INSERT INTO ce_lower VALUES (1, 'a')",
		"CREATE TABLE gp (id int PRIMARY KEY)",
		"CREATE TABLE gpp (id int PRIMARY KEY, gp_id int REFERENCES gp ON DELETE CASCADE)",
		"CREATE TABLE gpc (id int PRIMARY KEY, p_id int REFERENCES gpp)",
		"INSERT INTO gp VALUES (1)",
		"INSERT INTO gpp VALUES (10, 1)",
		"INSERT INTO gpc VALUES (100, 10)",
		"CREATE TABLE ap (id int PRIMARY KEY)",
		"CREATE TABLE ac (id int PRIMARY KEY, p int, q int)",
		"INSERT INTO ap VALUES (1)",
		"INSERT INTO ac VALUES (1, 1, NULL), (2, 5, -1)",
		"CREATE TABLE nx (a int, b int)",
		"INSERT INTO nx VALUES (3, 1), (1, 1), (1, 2), (3, 4), (NULL, 5), (NULL, 6)",
		"CREATE TABLE nu (a int, b int)",
		"CREATE UNIQUE INDEX nu_a ON nu (a)",
		"INSERT INTO nu VALUES (1, 1)",
		"INSERT INTO ce_parent VALUES (1, 'a'), (2, 'b')",
		"INSERT INTO ce_child VALUES (1, 1, 5, 'ok')",
		"INSERT INTO ce_pk2 VALUES (1, 'x')",
		"INSERT INTO ce_ref2 VALUES (1, 1, 'x')",
	} {
		mustQ(t, s, sql, "")
	}
	fk := func(msg, detail, table, con string) wantErr {
		return wantErr{code: "23503", msg: msg, detail: detail, table: table, constraint: con}
	}
	for _, c := range []struct {
		sql  string
		want wantErr
	}{
		{"INSERT INTO ce_child VALUES (2, 99, 5, 'ok')", fk(`insert or update on table "ce_child" violates foreign key constraint "ce_child_parent_id_fkey"`,
			`Key (parent_id)=(99) is not present in table "ce_parent".`, "ce_child", "ce_child_parent_id_fkey")},
		{"INSERT INTO ce_child VALUES (2, 1, 5, 'ok'), (3, 42, 5, 'ok'), (4, 43, 5, 'ok')", fk(`insert or update on table "ce_child" violates foreign key constraint "ce_child_parent_id_fkey"`,
			`Key (parent_id)=(42) is not present in table "ce_parent".`, "ce_child", "ce_child_parent_id_fkey")},
		{"UPDATE ce_child SET parent_id = 42 WHERE id = 1", fk(`insert or update on table "ce_child" violates foreign key constraint "ce_child_parent_id_fkey"`,
			`Key (parent_id)=(42) is not present in table "ce_parent".`, "ce_child", "ce_child_parent_id_fkey")},
		{"DELETE FROM ce_parent WHERE id = 1", fk(`update or delete on table "ce_parent" violates foreign key constraint "ce_child_parent_id_fkey" on table "ce_child"`,
			`Key (id)=(1) is still referenced from table "ce_child".`, "ce_child", "ce_child_parent_id_fkey")},
		{"UPDATE ce_parent SET id = 10 WHERE id = 1", fk(`update or delete on table "ce_parent" violates foreign key constraint "ce_child_parent_id_fkey" on table "ce_child"`,
			`Key (id)=(1) is still referenced from table "ce_child".`, "ce_child", "ce_child_parent_id_fkey")},
		{"INSERT INTO ce_named VALUES (1, 7, 1)", fk(`insert or update on table "ce_named" violates foreign key constraint "child_of"`,
			`Key (p)=(7) is not present in table "ce_parent".`, "ce_named", "child_of")},
		{"INSERT INTO ce_ref2 VALUES (2, 1, 'y')", fk(`insert or update on table "ce_ref2" violates foreign key constraint "ce_ref2_a_b_fkey"`,
			`Key (a, b)=(1, y) is not present in table "ce_pk2".`, "ce_ref2", "ce_ref2_a_b_fkey")},
		{"DELETE FROM ce_pk2", fk(`update or delete on table "ce_pk2" violates foreign key constraint "ce_ref2_a_b_fkey" on table "ce_ref2"`,
			`Key (a, b)=(1, x) is still referenced from table "ce_ref2".`, "ce_ref2", "ce_ref2_a_b_fkey")},
		{"DELETE FROM gp", fk(`update or delete on table "gpp" violates foreign key constraint "gpc_p_id_fkey" on table "gpc"`,
			`Key (id)=(10) is still referenced from table "gpc".`, "gpc", "gpc_p_id_fkey")},
		{"ALTER TABLE ac ADD CONSTRAINT ac_fk FOREIGN KEY (p) REFERENCES ap (id)", fk(`insert or update on table "ac" violates foreign key constraint "ac_fk"`,
			`Key (p)=(5) is not present in table "ap".`, "ac", "ac_fk")},
		{"ALTER TABLE ac ADD FOREIGN KEY (p) REFERENCES ap (id)", fk(`insert or update on table "ac" violates foreign key constraint "ac_p_fkey"`,
			`Key (p)=(5) is not present in table "ap".`, "ac", "ac_p_fkey")},
		{"ALTER TABLE ac ADD CONSTRAINT q_pos CHECK (q > 0)", wantErr{code: "23514",
			msg: `check constraint "q_pos" of relation "ac" is violated by some row`, table: "ac", constraint: "q_pos"}},
		{"ALTER TABLE ac ALTER COLUMN q SET NOT NULL", wantErr{code: "23502",
			msg: `column "q" of relation "ac" contains null values`, table: "ac", column: "q"}},
		{"CREATE UNIQUE INDEX nx_a ON nx (a)", wantErr{code: "23505", msg: `could not create unique index "nx_a"`,
			detail: "Key (a)=(1) is duplicated.", table: "nx", constraint: "nx_a"}},
		{"INSERT INTO nu VALUES (1, 2)", wantErr{code: "23505", msg: `duplicate key value violates unique constraint "nu_a"`,
			detail: "Key (a)=(1) already exists.", table: "nu", constraint: "nu_a"}},
		{"INSERT INTO ce_child (id, parent_id, qty) VALUES (3, 1, NULL)", wantErr{code: "23502",
			msg:    `null value in column "qty" of relation "ce_child" violates not-null constraint`,
			detail: "Failing row contains (3, 1, null, d).", table: "ce_child", column: "qty"}},
		{"INSERT INTO ce_child (id, parent_id, qty) VALUES (NULL, 1, 1)", wantErr{code: "23502",
			msg:    `null value in column "id" of relation "ce_child" violates not-null constraint`,
			detail: "Failing row contains (null, 1, 1, d).", table: "ce_child", column: "id"}},
		{"UPDATE ce_child SET qty = NULL WHERE id = 1", wantErr{code: "23502",
			msg:    `null value in column "qty" of relation "ce_child" violates not-null constraint`,
			detail: "Failing row contains (1, 1, null, ok).", table: "ce_child", column: "qty"}},
		{"INSERT INTO ce_child VALUES (4, 1, 0, 'ok')", wantErr{code: "23514",
			msg:    `new row for relation "ce_child" violates check constraint "ce_child_qty_check"`,
			detail: "Failing row contains (4, 1, 0, ok).", table: "ce_child", constraint: "ce_child_qty_check"}},
		{"UPDATE ce_child SET qty = -1 WHERE id = 1", wantErr{code: "23514",
			msg:    `new row for relation "ce_child" violates check constraint "ce_child_qty_check"`,
			detail: "Failing row contains (1, 1, -1, ok).", table: "ce_child", constraint: "ce_child_qty_check"}},
		{"INSERT INTO ce_named VALUES (1, 1, -5)", wantErr{code: "23514",
			msg:    `new row for relation "ce_named" violates check constraint "a_positive"`,
			detail: "Failing row contains (1, 1, -5).", table: "ce_named", constraint: "a_positive"}},
		{"INSERT INTO ce_typed VALUES (1, true, 1.5, '2024-01-02 03:04:05+00', '2024-02-03', 'ab', NULL)", wantErr{code: "23502",
			msg:    `null value in column "x" of relation "ce_typed" violates not-null constraint`,
			detail: "Failing row contains (1, t, 1.50, 2024-01-02 03:04:05+00, 2024-02-03, ab , null).", table: "ce_typed", column: "x"}},
		{"INSERT INTO ce_parent VALUES (1, 'c')", wantErr{code: "23505",
			msg:    `duplicate key value violates unique constraint "ce_parent_pkey"`,
			detail: "Key (id)=(1) already exists.", table: "ce_parent", constraint: "ce_parent_pkey"}},
		{"INSERT INTO ce_parent VALUES (3, 'c'), (4, 'c')", wantErr{code: "23505",
			msg:    `duplicate key value violates unique constraint "ce_parent_code_key"`,
			detail: "Key (code)=(c) already exists.", table: "ce_parent", constraint: "ce_parent_code_key"}},
		{"UPDATE ce_parent SET code = 'b' WHERE id = 1", wantErr{code: "23505",
			msg:    `duplicate key value violates unique constraint "ce_parent_code_key"`,
			detail: "Key (code)=(b) already exists.", table: "ce_parent", constraint: "ce_parent_code_key"}},
		{"INSERT INTO ce_lower VALUES (5, 'A')", wantErr{code: "23505",
			msg:    `duplicate key value violates unique constraint "ce_code_lower"`,
			detail: "Key (lower(code))=(a) already exists.", table: "ce_lower", constraint: "ce_code_lower"}},
		{"INSERT INTO ce_pk2 VALUES (2, 'z'), (1, 'x')", wantErr{code: "23505",
			msg:    `duplicate key value violates unique constraint "ce_pk2_pkey"`,
			detail: "Key (a, b)=(1, x) already exists.", table: "ce_pk2", constraint: "ce_pk2_pkey"}},
		{"SELECT 1234.5::numeric(5,2)", wantErr{code: "22003", msg: "numeric field overflow",
			detail: "A field with precision 5, scale 2 must round to an absolute value less than 10^3."}},
		{"INSERT INTO ce_typed (id, n, x) VALUES (2, 12345.678, 1)", wantErr{code: "22003", msg: "numeric field overflow",
			detail: "A field with precision 6, scale 2 must round to an absolute value less than 10^4."}},
		{"SELECT 'Infinity'::numeric(3,1)", wantErr{code: "22003", msg: "numeric field overflow",
			detail: "A field with precision 3, scale 1 cannot hold an infinite value."}},
		{"SELECT 1::numeric(2,2)", wantErr{code: "22003", msg: "numeric field overflow",
			detail: "A field with precision 2, scale 2 must round to an absolute value less than 1."}},
		{"SELECT nosuchfunc(1)", wantErr{code: "42883", msg: "function nosuchfunc(integer) does not exist", hint: undefinedFunctionHint}},
		{"SELECT nosuchfunc(1, 'a', 2.5, NULL, true, 'x'::text)", wantErr{code: "42883",
			msg: "function nosuchfunc(integer, unknown, numeric, unknown, boolean, text) does not exist", hint: undefinedFunctionHint}},
		{"SELECT nosuchfunc()", wantErr{code: "42883", msg: "function nosuchfunc() does not exist", hint: undefinedFunctionHint}},
	} {
		_, err := q(t, s, c.sql)
		checkErr(t, c.sql, err, c.want)
	}
	// Extended protocol: a parameter is of the type the client declared,
	// else unknown.
	for _, c := range []struct {
		oids []uint32
		want string
	}{{nil, "function nosuchfunc(unknown, integer) does not exist"}, {[]uint32{20}, "function nosuchfunc(bigint, integer) does not exist"}} {
		_, err := s.Prepare(context.Background(), "SELECT nosuchfunc($1, 2)", c.oids)
		checkErr(t, "Prepare", err, wantErr{code: "42883", msg: c.want, hint: undefinedFunctionHint})
	}
	// The explanations changed nothing.
	mustQ(t, s, "SELECT count(*) FROM ce_child", "D[count:20] R[1] C:SELECT 1")
	mustQ(t, s, "SELECT id, code FROM ce_parent ORDER BY id", "D[id:23,code:25] R[1 a] R[2 b] C:SELECT 2")
	mustQ(t, s, "INSERT INTO ce_child VALUES (2, 2, 1, 'two')", "C:INSERT 0 1")
	f.db.mu.Lock()
	n, _, err := queryInt(f.db.w, "SELECT count(*) FROM sqlite_temp_schema WHERE name LIKE 'raftsql%' OR type = 'trigger'")
	f.db.mu.Unlock()
	if n != 0 || err != nil {
		t.Errorf("%d temporary objects left on the apply connection (%v)", n, err)
	}
}

// In an explicit transaction the error (speculated, then recorded at
// COMMIT's replay) is the same, and a transaction that rolls back to a
// savepoint after it commits the rest.
func TestConstraintErrorsInTransaction(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	mustQ(t, s, "CREATE TABLE tp (id int PRIMARY KEY)", "")
	mustQ(t, s, "CREATE TABLE tc (id serial PRIMARY KEY, p int REFERENCES tp, v int NOT NULL)", "")
	mustQ(t, s, "INSERT INTO tp VALUES (1)", "")
	mustQ(t, s, "BEGIN", "")
	mustQ(t, s, "INSERT INTO tc (p, v) VALUES (1, 1)", "")
	mustQ(t, s, "SAVEPOINT a", "")
	sql := "INSERT INTO tc (p, v) VALUES (1, 2), (2, 3)"
	_, err := q(t, s, sql)
	checkErr(t, sql, err, wantErr{code: "23503", msg: `insert or update on table "tc" violates foreign key constraint "tc_p_fkey"`,
		detail: `Key (p)=(2) is not present in table "tp".`, table: "tc", constraint: "tc_p_fkey"})
	mustQ(t, s, "ROLLBACK TO a", "")
	sql = "INSERT INTO tc (p, v) VALUES (1, NULL)"
	_, err = q(t, s, sql)
	var ce *Error
	if !errors.As(err, &ce) || ce.Code != "23502" || !strings.HasPrefix(ce.DetailText, "Failing row contains (") || !strings.HasSuffix(ce.DetailText, ", 1, null).") {
		t.Fatalf("%s: %v", sql, err)
	}
	mustQ(t, s, "ROLLBACK TO a", "")
	mustQ(t, s, "INSERT INTO tc (p, v) VALUES (1, 4)", "")
	mustQ(t, s, "COMMIT", "C:COMMIT")
	mustQ(t, s, "SELECT p, v FROM tc ORDER BY v", "D[p:23,v:23] R[1 1] R[1 4] C:SELECT 2")
}

// series is the integers lo..hi as a subquery of one column, value.
func series(lo, hi int) string {
	return fmt.Sprintf("(WITH RECURSIVE s(value) AS (SELECT %d UNION ALL SELECT value + 1 FROM s WHERE value < %d) SELECT value FROM s)", lo, hi)
}

// The explanation is the same on every replica whatever the batching of
// the log, and leaves the state as the failed statement did.
func TestConstraintErrorsDeterministic(t *testing.T) {
	var log [][]byte
	add := func(stmts ...string) { log = append(log, cmdOf(1, uint64(len(log)+7), byte(len(log)+1), stmts...)) }
	add(`CREATE TABLE dp (id INTEGER PRIMARY KEY, code TEXT UNIQUE)`,
		`CREATE TABLE dc (id INTEGER PRIMARY KEY, p INTEGER REFERENCES dp(id), v INTEGER NOT NULL CHECK (v < 100))`)
	add(`INSERT INTO dp(code) SELECT 'c' || value FROM ` + series(1, 50))
	add(`INSERT INTO dc(p, v) SELECT value, value FROM ` + series(1, 40))
	add(`INSERT INTO dc(p, v) SELECT value, abs(random()) % 10 FROM ` + series(45, 60))
	add(`INSERT INTO dc(v) VALUES (1), (NULL)`)
	add(`UPDATE dc SET v = v + 60`)
	add(`UPDATE dp SET code = 'c7' WHERE id > 20`)
	add(`DELETE FROM dp WHERE id > 30`)
	add(`INSERT INTO dc(p, v) VALUES (1, 1)`, `INSERT INTO dc(p, v) VALUES (2, NULL)`)
	var first []string
	var sum string
	for _, batch := range []int{1, 3, len(log)} {
		db := openTest(t, t.TempDir())
		res := applyLog(t, db, log, batch)
		var got []string
		for _, r := range res {
			if r.Err == nil {
				got = append(got, "ok")
				continue
			}
			e := r.Err.(*Error)
			got = append(got, fmt.Sprintf("%s %s | %s | %s %s", e.Code, e.Message, e.DetailText, e.Table, e.Constraint))
		}
		s := checksum(t, db)
		db.Close()
		if first == nil {
			first, sum = got, s
			for _, g := range got[3:] {
				if g == "ok" || !strings.Contains(g, "Key (") && !strings.Contains(g, "Failing row") {
					t.Errorf("not explained: %s", g)
				}
			}
			continue
		}
		if strings.Join(got, "\n") != strings.Join(first, "\n") || s != sum {
			t.Fatalf("batch %d:\n%s\nwant\n%s", batch, strings.Join(got, "\n"), strings.Join(first, "\n"))
		}
	}
}

// The explanation runs within the entry's work budget: when it would go
// over, the statement's result is the budget's error (as if the statement
// had used the work), on every replica, and later entries apply.
func TestConstraintErrorsWithinBudget(t *testing.T) {
	// Small entries build the tables, so that the DELETEs below are the
	// costliest entries by far.
	setup := [][]byte{cmdOf(1, 1, 1,
		`CREATE TABLE bp (id INTEGER PRIMARY KEY)`,
		`CREATE TABLE bc (id INTEGER PRIMARY KEY, p INTEGER REFERENCES bp(id))`,
		`CREATE INDEX bc_p ON bc(p)`,
		`CREATE TABLE bq (id INTEGER PRIMARY KEY)`,
		`CREATE TABLE bqc (id INTEGER PRIMARY KEY, p INTEGER REFERENCES bq(id))`,
		`CREATE INDEX bqc_p ON bqc(p)`)}
	for lo := 1; lo <= 3000; lo += 300 {
		for _, ins := range []string{`INSERT INTO bp SELECT value FROM `, `INSERT INTO bc SELECT value, value FROM `, `INSERT INTO bq SELECT value FROM `} {
			setup = append(setup, cmdOf(1, 1, byte(len(setup)+1), ins+series(lo, lo+299)))
		}
	}
	n := len(setup)
	// the smallest budget (within 10%) that lets a DELETE of the same
	// shape without a violation through
	fits := int64(0)
	for b := int64(50_000); b < 50_000_000 && fits == 0; b = b * 11 / 10 {
		db := openBudget(t, b)
		ok := true
		for i, ent := range setup {
			if r := db.Apply(uint64(i+1), ent); r.Err != nil {
				ok = false
				break
			}
		}
		if ok {
			if r := db.Apply(uint64(n+1), cmdOf(1, 1, 200, `DELETE FROM bq`)); r.Err == nil {
				fits = b
			}
		}
		db.Close()
	}
	if fits == 0 {
		t.Fatal("no budget fits")
	}
	log := append(append([][]byte(nil), setup...), cmdOf(1, 1, 200, `DELETE FROM bp`), cmdOf(1, 1, 201, `INSERT INTO bq VALUES (5000)`))
	for _, budget := range []int64{fits * 13 / 10, 0} {
		var sums []string
		for _, batch := range []int{1, 4} {
			db := openBudget(t, budget)
			res := applyLog(t, db, log, batch)
			want := "23503"
			if budget != 0 {
				want = CodeProgramLimitExceeded
			}
			if errCode(res[n].Err) != want || res[n+1].Err != nil {
				t.Fatalf("budget %d (fits %d) batch %d: %v, %v; want %s then success", budget, fits, batch, res[n].Err, res[n+1].Err, want)
			}
			if want == "23503" && !strings.Contains(res[n].Err.(*Error).DetailText, "is still referenced") {
				t.Errorf("not explained: %+v", res[n].Err)
			}
			sums = append(sums, checksum(t, db))
		}
		if sums[0] != sums[1] {
			t.Errorf("budget %d: replicas differ", budget)
		}
	}
}
