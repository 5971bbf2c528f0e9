package integration

// COPY's CSV FORCE options, as PostgreSQL 15 applies them: FORCE_QUOTE
// (COPY TO: every non-NULL value of the named columns quoted, * for all),
// FORCE_NOT_NULL (COPY FROM: an unquoted value equal to the null string
// is that string, not NULL) and FORCE_NULL (COPY FROM: a quoted one is
// NULL too), their misuses' errors, and the rows reaching every node. They
// were accepted and ignored before, so FORCE_NOT_NULL stored NULL where
// PostgreSQL stores ''. It runs against PostgreSQL too
// (RAFTSQL_REFERENCE_URL).

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"
)

func TestCopyForceOptions(t *testing.T) {
	urls := e2eURLs(t)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	w := connect(t, urls[0])
	mustExec(t, w, "DROP TABLE IF EXISTS cpf")
	mustExec(t, w, "CREATE TABLE cpf (id int PRIMARY KEY, a text, b text)")
	in := "1,,\"\"\n2,\"\",\n"
	for _, c := range []struct{ opts, want string }{
		{"(FORMAT csv)", "1 a=NULL b='' | 2 a='' b=NULL"},
		{"(FORMAT csv, FORCE_NOT_NULL (a), FORCE_NULL (b))", "1 a='' b=NULL | 2 a='' b=NULL"},
		{"WITH CSV FORCE NOT NULL a, b", "1 a='' b='' | 2 a='' b=''"},
		{"(FORMAT csv, FORCE_NULL (a, b), FORCE_NOT_NULL (b))", "1 a=NULL b=NULL | 2 a=NULL b=''"},
	} {
		mustExec(t, w, "DELETE FROM cpf")
		if _, err := w.PgConn().CopyFrom(ctx, strings.NewReader(in), "COPY cpf FROM STDIN "+c.opts); err != nil {
			t.Fatalf("COPY FROM %s: %v", c.opts, err)
		}
		for _, u := range urls {
			var got string
			err := connect(t, u).QueryRow(ctx, `SELECT string_agg(id || ' a=' || coalesce(quote_literal(a), 'NULL') || ' b=' || coalesce(quote_literal(b), 'NULL'), ' | ' ORDER BY id) FROM cpf`).Scan(&got)
			if err != nil || got != c.want {
				t.Errorf("%s at %s: %q, %v; want %q", c.opts, u, got, err, c.want)
			}
		}
	}
	mustExec(t, w, "DELETE FROM cpf")
	mustExec(t, w, "INSERT INTO cpf VALUES (1, 'x', NULL), (2, '', 'y')")
	for _, c := range []struct{ sql, want string }{
		{"COPY cpf TO STDOUT (FORMAT csv, FORCE_QUOTE (id, b))", "\"1\",x,\n\"2\",\"\",\"y\"\n"},
		{"COPY cpf TO STDOUT CSV HEADER FORCE QUOTE *", "id,a,b\n\"1\",\"x\",\n\"2\",\"\",\"y\"\n"},
		{"COPY (SELECT id, a FROM cpf ORDER BY id DESC) TO STDOUT (FORMAT csv, FORCE_QUOTE (a))", "2,\"\"\n1,\"x\"\n"},
	} {
		var buf strings.Builder
		if _, err := w.PgConn().CopyTo(ctx, &buf, c.sql); err != nil || buf.String() != c.want {
			t.Errorf("%s: %q, %v; want %q", c.sql, buf.String(), err, c.want)
		}
	}
	for _, c := range []struct{ sql, code string }{
		{"COPY cpf TO STDOUT (FORCE_QUOTE (id))", "0A000"},
		{"COPY cpf TO STDOUT (FORMAT csv, FORCE_NOT_NULL (id))", "0A000"},
		{"COPY cpf TO STDOUT (FORMAT csv, FORCE_QUOTE (nosuch))", "42703"},
		{"COPY cpf (id) TO STDOUT (FORMAT csv, FORCE_QUOTE (a))", "42P10"},
		{"COPY cpf TO STDOUT (FORMAT csv, FORCE_QUOTE *, FORCE_QUOTE (id))", "42601"},
		{"COPY cpf TO STDOUT (FORMAT csv, OIDS)", "42601"},
		{"COPY cpf TO STDOUT (FORMAT csv, DEFAULT 'x')", "42601"},
		{"COPY (SELECT 1 AS a) TO STDOUT (FORMAT csv, FORCE_QUOTE (b))", "42703"},
	} {
		var buf strings.Builder
		if _, err := w.PgConn().CopyTo(ctx, &buf, c.sql); pgCode(err) != c.code {
			t.Errorf("%s: %v, want %s", c.sql, err, c.code)
		}
	}
	for _, c := range []struct{ sql, code string }{
		{"COPY cpf FROM STDIN (FORMAT csv, FORCE_QUOTE (id))", "0A000"},
		{"COPY cpf (id) FROM STDIN (FORMAT csv, FORCE_NULL (a))", "42P10"},
		{"COPY cpf FROM STDIN (FORMAT csv, FORCE_NOT_NULL (zz))", "42703"},
		{"COPY cpf FROM STDIN (FORMAT csv, FORCE_NOT_NULL *)", "22023"},
	} {
		if _, err := w.PgConn().CopyFrom(ctx, strings.NewReader("3,q,r\n"), c.sql); pgCode(err) != c.code {
			t.Errorf("%s: %v, want %s", c.sql, err, c.code)
		}
	}
}

// TestCopyEncodingOption: COPY reads and writes UTF8 only, so another
// ENCODING is refused (it was accepted and ignored: LATIN1 bytes that
// happen to be valid UTF8 would have been stored as other characters);
// UTF8 by any of its names is taken.
func TestCopyEncodingOption(t *testing.T) {
	urls := e2eURLs(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	w := connect(t, urls[0])
	mustExec(t, w, "DROP TABLE IF EXISTS cpe")
	mustExec(t, w, "CREATE TABLE cpe (id int, a text)")
	for _, enc := range []string{"UTF8", "utf-8", "Unicode"} {
		if _, err := w.PgConn().CopyFrom(ctx, strings.NewReader("1,café\n"), "COPY cpe FROM STDIN (FORMAT csv, ENCODING '"+enc+"')"); err != nil {
			t.Errorf("ENCODING %s: %v", enc, err)
		}
	}
	if _, err := w.PgConn().CopyFrom(ctx, strings.NewReader("1,x\n"), "COPY cpe FROM STDIN (FORMAT csv, ENCODING 'nosuch')"); pgCode(err) != "22023" {
		t.Errorf("ENCODING 'nosuch': %v, want 22023", err)
	}
	if os.Getenv("RAFTSQL_REFERENCE_URL") != "" {
		return // PostgreSQL converts LATIN1
	}
	if _, err := w.PgConn().CopyFrom(ctx, strings.NewReader("1,caf\xc3\xa9\n"), "COPY cpe FROM STDIN (FORMAT csv, ENCODING 'LATIN1')"); pgCode(err) != "0A000" {
		t.Errorf("ENCODING 'LATIN1': %v, want 0A000", err)
	}
}
