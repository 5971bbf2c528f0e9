package sqlexec

import (
	"testing"
)

// TestRestrictViolationsLikePostgres: ON DELETE / ON UPDATE RESTRICT
// violations (fk_restrict.go) are PostgreSQL 15's 23503 with its message,
// DETAIL, table and constraint (the expected values are PostgreSQL's
// answers to the same statements), outside and inside a transaction.
func TestRestrictViolationsLikePostgres(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	for _, sql := range []string{
		"CREATE TABLE p (id int PRIMARY KEY, name text)",
		"CREATE TABLE c (id int PRIMARY KEY, pid int REFERENCES p ON DELETE RESTRICT ON UPDATE RESTRICT)",
		"CREATE TABLE c2 (id int PRIMARY KEY, pid int REFERENCES p (id))",
		"INSERT INTO p VALUES (1, 'a'), (2, 'b'), (3, 'c')",
		"INSERT INTO c VALUES (10, 1)",
		"INSERT INTO c2 VALUES (20, 2)",
		"CREATE TABLE q (a int, b text, PRIMARY KEY (a, b))",
		"CREATE TABLE qc (id int PRIMARY KEY, qa int, qb text, CONSTRAINT qc_q FOREIGN KEY (qa, qb) REFERENCES q ON DELETE RESTRICT)",
		"INSERT INTO q VALUES (1, 'x')",
		"INSERT INTO qc VALUES (1, 1, 'x')",
		"CREATE TABLE tree (id int PRIMARY KEY, up int REFERENCES tree ON DELETE RESTRICT)",
		"INSERT INTO tree VALUES (1, NULL), (2, 1)",
		"CREATE TABLE rp (id int PRIMARY KEY, code text UNIQUE)",
		"CREATE TABLE rc (id int PRIMARY KEY, pcode text REFERENCES rp (code) ON UPDATE RESTRICT ON DELETE CASCADE)",
		"INSERT INTO rp VALUES (1, 'a'), (2, 'b')",
		"INSERT INTO rc VALUES (1, 'b')",
		"CREATE TABLE g1 (id int PRIMARY KEY)",
		"CREATE TABLE g2 (id int PRIMARY KEY, g1 int REFERENCES g1 ON DELETE CASCADE)",
		"CREATE TABLE g3 (id int PRIMARY KEY, g2 int REFERENCES g2 ON DELETE RESTRICT)",
		"INSERT INTO g1 VALUES (1)",
		"INSERT INTO g2 VALUES (5, 1)",
		"INSERT INTO g3 VALUES (7, 5)",
	} {
		mustQ(t, s, sql, "")
	}
	still := func(parent, con, child, key string) wantErr {
		return wantErr{code: "23503", table: child, constraint: con,
			msg:    `update or delete on table "` + parent + `" violates foreign key constraint "` + con + `" on table "` + child + `"`,
			detail: "Key " + key + ` is still referenced from table "` + child + `".`}
	}
	cases := []struct {
		sql  string
		want wantErr
	}{
		{"DELETE FROM p WHERE id = 1", still("p", "c_pid_fkey", "c", "(id)=(1)")},
		{"UPDATE p SET id = 100 WHERE id = 1", still("p", "c_pid_fkey", "c", "(id)=(1)")},
		{"DELETE FROM p WHERE id >= 1", still("p", "c_pid_fkey", "c", "(id)=(1)")},
		{"WITH k AS (SELECT 1 AS id) DELETE FROM p WHERE id IN (SELECT id FROM k)", still("p", "c_pid_fkey", "c", "(id)=(1)")},
		// NO ACTION, as before
		{"DELETE FROM p WHERE id = 2", still("p", "c2_pid_fkey", "c2", "(id)=(2)")},
		{"DELETE FROM q", still("q", "qc_q", "qc", "(a, b)=(1, x)")},
		{"DELETE FROM tree WHERE id = 1", still("tree", "tree_up_fkey", "tree", "(id)=(1)")},
		{"UPDATE rp SET code = upper(code)", still("rp", "rc_pcode_fkey", "rc", "(code)=(b)")},
		{"DELETE FROM g1", still("g2", "g3_g2_fkey", "g3", "(id)=(5)")},
	}
	for _, c := range cases {
		_, err := q(t, s, c.sql)
		checkErr(t, c.sql, err, c.want)
	}
	// in a transaction: the speculation reports the same
	for _, c := range cases[:3] {
		mustQ(t, s, "BEGIN", "")
		_, err := q(t, s, c.sql)
		checkErr(t, c.sql, err, c.want)
		mustQ(t, s, "ROLLBACK", "")
	}
	// nothing was changed; a key RESTRICT does not hold moves
	mustQ(t, s, "UPDATE rp SET id = id + 10 RETURNING id", "D[id:23] R[11] R[12] C:UPDATE 2")
	mustQ(t, s, "SELECT count(*) FROM c", "D[count:20] R[1] C:SELECT 1")
}
