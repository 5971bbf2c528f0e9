package sqlexec

import (
	"context"
	"strings"
	"testing"
)

// noticeRec records what rec does, and each NOTICE's message and DETAIL.
type noticeRec struct {
	rec
	notices []string
}

func (r *noticeRec) Notice(sev, code, msg string, detail ...string) error {
	n := code + " " + msg
	if len(detail) > 0 {
		n += " | " + detail[0]
	}
	r.notices = append(r.notices, n)
	return r.rec.Notice(sev, code, msg)
}

func noticeQ(t *testing.T, s *Session, sql string) (out string, notices []string) {
	t.Helper()
	w := &noticeRec{}
	if err := s.SimpleQuery(context.Background(), sql, w); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	return strings.Join(w.out, " "), w.notices
}

// The NOTICEs of replicated statements are decided at apply and sent once,
// by the session that ran the statement, before its result; a
// transaction's are sent when its statement runs, not again at COMMIT.
func TestNoticesOfReplicatedStatements(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	mustQ(t, s, "CREATE TABLE nt (id int PRIMARY KEY, a int)", "C:CREATE TABLE")
	mustQ(t, s, "CREATE SEQUENCE nseq", "C:CREATE SEQUENCE")
	for _, c := range []struct{ sql, out, notice string }{
		{"CREATE TABLE IF NOT EXISTS nt (id int)", "N:42P07 C:CREATE TABLE", `42P07 relation "nt" already exists, skipping`},
		{"CREATE TABLE IF NOT EXISTS nseq (id int)", "N:42P07 C:CREATE TABLE", `42P07 relation "nseq" already exists, skipping`},
		{"CREATE TABLE IF NOT EXISTS nnew (id int)", "C:CREATE TABLE", ""},
		{"CREATE INDEX IF NOT EXISTS nt_pkey ON nt (a)", "N:42P07 C:CREATE INDEX", `42P07 relation "nt_pkey" already exists, skipping`},
		{"CREATE SEQUENCE IF NOT EXISTS nseq", "N:42P07 C:CREATE SEQUENCE", `42P07 relation "nseq" already exists, skipping`},
		{"ALTER TABLE nt ADD COLUMN IF NOT EXISTS a int", "N:42701 C:ALTER TABLE", `42701 column "a" of relation "nt" already exists, skipping`},
		{"ALTER TABLE nt DROP COLUMN IF EXISTS zz", "N:00000 C:ALTER TABLE", `00000 column "zz" of relation "nt" does not exist, skipping`},
		{"DROP INDEX IF EXISTS nope", "N:00000 C:DROP INDEX", `00000 index "nope" does not exist, skipping`},
		{"DROP VIEW IF EXISTS nope", "N:00000 C:DROP VIEW", `00000 view "nope" does not exist, skipping`},
		{"DROP SEQUENCE IF EXISTS nope", "N:00000 C:DROP SEQUENCE", `00000 sequence "nope" does not exist, skipping`},
		{"DROP TYPE IF EXISTS nope", "N:00000 C:DROP TYPE", `00000 type "nope" does not exist, skipping`},
	} {
		out, notices := noticeQ(t, s, c.sql)
		if out != c.out || strings.Join(notices, "\n") != c.notice {
			t.Errorf("%s:\n got %s %q\nwant %s %q", c.sql, out, notices, c.out, c.notice)
		}
	}
	mustQ(t, s, "BEGIN", "C:BEGIN")
	mustQ(t, s, "DROP INDEX IF EXISTS nope", "N:00000 C:DROP INDEX")
	mustQ(t, s, "CREATE TABLE IF NOT EXISTS nt (id int)", "N:42P07 C:CREATE TABLE")
	mustQ(t, s, "COMMIT", "C:COMMIT")
	// one entry for the string: each statement's NOTICE before its result
	mustQ(t, s, "CREATE TABLE IF NOT EXISTS nt (id int); DROP SEQUENCE IF EXISTS nope; INSERT INTO nt VALUES (1, 1)",
		"N:42P07 C:CREATE TABLE N:00000 C:DROP SEQUENCE C:INSERT 0 1")
}

func TestNoticesOfCascade(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	mustQ(t, s, "CREATE TABLE np (id int PRIMARY KEY)", "")
	mustQ(t, s, "CREATE TABLE nc (pid int REFERENCES np, id int UNIQUE)", "")
	mustQ(t, s, "CREATE TABLE nc2 (pid int REFERENCES np)", "")
	mustQ(t, s, "CREATE TABLE ngc (cid int REFERENCES nc (id))", "")
	mustQ(t, s, "CREATE VIEW npv AS SELECT * FROM np", "")
	for _, c := range []struct{ sql, notices string }{
		// breadth first, each round in creation order, once per statement
		{"TRUNCATE np CASCADE", "00000 truncate cascades to table \"nc\"\n00000 truncate cascades to table \"nc2\"\n00000 truncate cascades to table \"ngc\""},
		{"TRUNCATE np, nc CASCADE", "00000 truncate cascades to table \"nc2\"\n00000 truncate cascades to table \"ngc\""},
		{"DROP TABLE np CASCADE", "00000 drop cascades to 3 other objects | drop cascades to constraint nc_pid_fkey on table nc\n" +
			"drop cascades to constraint nc2_pid_fkey on table nc2\ndrop cascades to view npv"},
		{"DROP TABLE nc CASCADE", "00000 drop cascades to constraint ngc_cid_fkey on table ngc"},
	} {
		if _, notices := noticeQ(t, s, c.sql); strings.Join(notices, "\n") != c.notices {
			t.Errorf("%s:\n got %q\nwant %q", c.sql, strings.Join(notices, "\n"), c.notices)
		}
	}
}
