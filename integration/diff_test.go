package integration

// The differential corpus: everyday SQL (testdata/diff/*.sql) whose
// answers were recorded from a real PostgreSQL 15 (testdata/diff/*.out), so
// any clone can check raftsql against PostgreSQL without one.
//
// Run against raftsql (the default):
//
//	go test ./integration -run TestDiffCorpus
//
// Re-record the answers from a PostgreSQL 15 server (a database per run is
// created and dropped there):
//
//	RAFTSQL_DIFF_RECORD=1 RAFTSQL_REFERENCE_URL=postgres://postgres@127.0.0.1:5432/postgres \
//	    go test ./integration -run TestDiffCorpus
//
// With RAFTSQL_REFERENCE_URL alone the recorded answers are checked against
// that server (every case strictly, the expected differences included).
//
// Corpus format: statements end with a line ending in ";" (so a statement
// may span lines); "--" lines before a statement are comments, except the
// directives that record an expected difference, each with its reason:
//
//	-- differs: reason          the answer differs (rows, error or type);
//	                            the case fails when it starts to match, so
//	                            the list stays true
//	-- differs-message: reason  only the error's message wording differs or its
//	                            DETAIL is missing (the SQLSTATE is still compared)
//	-- differs-type: reason     only the result columns' described types differ
//	-- positions                from here to the end of the file an error's
//	                            position (the caret) is part of the answer
//
// Each file runs on a new connection, in file order, in one database: table
// names carry the file's prefix so files do not collide. The answers are
// rendered in the text format psql shows (simple protocol): columns as
// name:type, rows with cells joined by "|", NULL as NULL, then the command
// tag; an error as its SQLSTATE, message and DETAIL (and, after a
// "-- positions" line, its position in the query string).

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// diffCase is one statement of the corpus.
type diffCase struct {
	sql     string
	line    int    // 1-based line of the statement's first line
	differs string // "", "all", "message" or "type"
	reason  string
	// position: the error's position is rendered (a "-- positions" line
	// came before)
	position bool
	// args: the parameter values a "-- args: v1 | v2" line before the
	// statement gives (NULL is a null), sent as text (params_test.go)
	args []string
}

const diffBlockMark = "==== "

func TestDiffCorpus(t *testing.T) {
	runCorpus(t, "diff", "RAFTSQL_DIFF_RECORD", func(conn *pgx.Conn, c diffCase) string {
		return renderDiffCase(conn, c.sql, c.position)
	})
}

// runCorpus runs every testdata/<dir>/*.sql file (parseDiffCorpus's
// format) on a fresh one-node cluster, or with RAFTSQL_REFERENCE_URL on
// PostgreSQL, renders each statement's answer with render, and compares
// the answers with the recorded testdata/<dir>/*.out (strictly against
// PostgreSQL); with the record variable set (and a reference) it writes
// them instead.
func runCorpus(t *testing.T, dir, recordVar string, render func(*pgx.Conn, diffCase) string) {
	files, err := filepath.Glob(filepath.Join("testdata", dir, "*.sql"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus in testdata/%s: %v", dir, err)
	}
	sort.Strings(files)
	ref := os.Getenv("RAFTSQL_REFERENCE_URL")
	record := os.Getenv(recordVar) != ""
	if record && ref == "" {
		t.Fatalf("%s needs RAFTSQL_REFERENCE_URL (the answers come from PostgreSQL)", recordVar)
	}
	var url string
	if ref != "" {
		url = withParam(referenceURLs(t, ref)[0], "timezone", "UTC")
	} else {
		c := startMemCluster(t, 1)
		c.waitLeader(30 * time.Second)
		url = c.url(0)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".sql")
		t.Run(name, func(t *testing.T) {
			cases := parseDiffCorpus(t, f)
			conn := connectScript(t, url)
			got := make([]string, len(cases))
			for i, c := range cases {
				got[i] = render(conn, c)
			}
			golden := strings.TrimSuffix(f, ".sql") + ".out"
			if record {
				if err := os.WriteFile(golden, []byte(strings.Join(got, "")), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want := readDiffGolden(t, golden, cases)
			for i, c := range cases {
				compareDiffCase(t, f, c, got[i], want[i], ref != "")
			}
		})
	}
}

// compareDiffCase reports where got (raftsql's answer) differs from want
// (PostgreSQL's), honouring the case's expected difference unless strict.
func compareDiffCase(t *testing.T, file string, c diffCase, got, want string, strict bool) {
	t.Helper()
	where := fmt.Sprintf("%s:%d", file, c.line)
	if strict || c.differs == "" {
		if got != want {
			t.Errorf("%s: differs from PostgreSQL\n got:\n%s want:\n%s", where, got, want)
		}
		return
	}
	if c.differs == "all" {
		if got == want {
			t.Errorf("%s: marked \"differs: %s\" but now matches PostgreSQL: remove the mark (and its line in docs/sql-dialect.md)", where, c.reason)
		}
		return
	}
	// differs-message / differs-type: equal once the excused lines go
	if stripDiffLines(got, c.differs) != stripDiffLines(want, c.differs) {
		t.Errorf("%s: differs beyond the %s (marked %q)\n got:\n%s want:\n%s", where, c.differs, c.reason, got, want)
	} else if got == want {
		t.Errorf("%s: marked \"differs-%s: %s\" but now matches PostgreSQL: remove the mark", where, c.differs, c.reason)
	}
}

// stripDiffLines drops from an answer what a differs-message or
// differs-type mark excuses.
func stripDiffLines(block, what string) string {
	lines := strings.Split(block, "\n")
	inDetail := false // a DETAIL's further lines (libxml2's line and caret)
	for i, l := range lines {
		if inDetail && !strings.HasPrefix(l, "POSITION: ") {
			lines[i] = ""
			continue
		}
		inDetail = false
		switch {
		case what == "message" && strings.HasPrefix(l, "ERROR "):
			if sp := strings.Index(l[len("ERROR "):], " "); sp >= 0 {
				lines[i] = l[:len("ERROR ")+sp]
			}
		case what == "message" && (strings.HasPrefix(l, "DETAIL: ") || strings.HasPrefix(l, "POSITION: ")):
			lines[i] = "" // the DETAIL may also be missing, the position differ
			inDetail = strings.HasPrefix(l, "DETAIL: ")
		case what == "type" && strings.HasPrefix(l, "params: "):
			lines[i] = "params:" // the parameters' types (params_test.go)
		case what == "type" && strings.HasPrefix(l, "columns: "):
			cols := strings.Split(strings.TrimPrefix(l, "columns: "), " | ")
			for j, c := range cols {
				if k := strings.LastIndex(c, ":"); k >= 0 {
					cols[j] = c[:k]
				}
			}
			lines[i] = "columns: " + strings.Join(cols, " | ")
		}
	}
	kept := lines[:0]
	for _, l := range lines {
		if l != "" || what != "message" {
			kept = append(kept, l)
		}
	}
	return strings.Join(kept, "\n")
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// renderDiffCase runs sql on conn and renders its answer (see the file
// comment), ending in a newline; position adds an error's position.
func renderDiffCase(conn *pgx.Conn, sql string, position bool) string {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var b strings.Builder
	b.WriteString(diffBlockMark + sql + "\n")
	// the statement as written, in one Query message (pgx's simple
	// protocol would read $1 as its own placeholder: PREPARE p AS ...
	// $1 never reached the server)
	// (pgconn's ReadAll keeps a result's columns only when it has rows)
	mrr := conn.PgConn().Exec(ctx, sql)
	for mrr.NextResult() {
		rr := mrr.ResultReader()
		if fields := rr.FieldDescriptions(); len(fields) > 0 {
			cols := make([]string, len(fields))
			for i, f := range fields {
				cols[i] = f.Name + ":" + diffTypeName(conn, f.DataTypeOID)
			}
			b.WriteString("columns: " + strings.Join(cols, " | ") + "\n")
		}
		for rr.NextRow() {
			raw := rr.Values()
			cells := make([]string, len(raw))
			for i, v := range raw {
				if v == nil {
					cells[i] = "NULL"
				} else {
					cells[i] = string(v)
				}
			}
			b.WriteString(strings.Join(cells, "|") + "\n")
		}
		tag, rerr := rr.Close()
		if rerr != nil {
			break
		}
		b.WriteString("tag: " + tag.String() + "\n")
	}
	err := mrr.Close()
	if err != nil {
		// PostgreSQL may describe the columns (and send rows) before an
		// error at execution; the answer is the error alone.
		return diffBlockMark + sql + "\n" + renderDiffError(err, position)
	}
	return b.String()
}

// renderDiffError renders an error answer (see the file comment).
func renderDiffError(err error, position bool) string {
	var b strings.Builder
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		b.WriteString("ERROR " + pe.Code + " " + pe.Message + "\n")
		if pe.Detail != "" {
			b.WriteString("DETAIL: " + pe.Detail + "\n")
		}
		if position && pe.Position > 0 {
			b.WriteString("POSITION: " + strconv.Itoa(int(pe.Position)) + "\n")
		}
	} else {
		b.WriteString("ERROR (no SQLSTATE) " + err.Error() + "\n")
	}
	return b.String()
}

func diffTypeName(conn *pgx.Conn, oid uint32) string {
	if t, ok := conn.TypeMap().TypeForOID(oid); ok {
		return t.Name
	}
	return strconv.FormatUint(uint64(oid), 10)
}

// parseDiffCorpus reads the statements of a corpus file.
func parseDiffCorpus(t *testing.T, path string) []diffCase {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var cases []diffCase
	var cur []string
	var pending diffCase
	positions := false
	for i, line := range strings.Split(string(data), "\n") {
		trimmed := strings.TrimSpace(line)
		if len(cur) == 0 {
			if trimmed == "" {
				continue
			}
			if strings.HasPrefix(trimmed, "--") {
				d := strings.TrimSpace(strings.TrimPrefix(trimmed, "--"))
				if d == "positions" {
					positions = true
				}
				if a, ok := strings.CutPrefix(d, "args:"); ok {
					for _, v := range strings.Split(a, "|") {
						pending.args = append(pending.args, strings.TrimSpace(v))
					}
				}
				for _, k := range []struct{ prefix, kind string }{{"differs:", "all"}, {"differs-message:", "message"}, {"differs-type:", "type"}} {
					if strings.HasPrefix(d, k.prefix) {
						pending.differs = k.kind
						pending.reason = strings.TrimSpace(strings.TrimPrefix(d, k.prefix))
						if pending.reason == "" {
							t.Fatalf("%s:%d: %s needs a reason", path, i+1, k.prefix)
						}
					}
				}
				continue
			}
			pending.line = i + 1
			pending.position = positions
		}
		cur = append(cur, line)
		if strings.HasSuffix(trimmed, ";") {
			pending.sql = strings.Join(cur, "\n")
			cases = append(cases, pending)
			pending, cur = diffCase{}, nil
		}
	}
	if len(cur) > 0 {
		t.Fatalf("%s: statement at line %d does not end with ';'", path, pending.line)
	}
	return cases
}

// readDiffGolden splits a recorded answers file into one block per case:
// block i starts with case i's statement and runs to case i+1's.
func readDiffGolden(t *testing.T, path string, cases []diffCase) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v: record the answers (see diff_test.go)", err)
	}
	rest := string(data)
	blocks := make([]string, len(cases))
	for i, c := range cases {
		head := diffBlockMark + c.sql + "\n"
		if !strings.HasPrefix(rest, head) {
			t.Fatalf("%s:%d: the answers are out of step with the statements (found %q): re-record (see diff_test.go)", path, c.line, firstLine(rest))
		}
		end := len(rest)
		if i+1 < len(cases) {
			next := strings.Index(rest[len(head):], "\n"+diffBlockMark+cases[i+1].sql+"\n")
			if next < 0 {
				t.Fatalf("%s: no answer for the statement at line %d: re-record (see diff_test.go)", path, cases[i+1].line)
			}
			end = len(head) + next + 1
		}
		blocks[i], rest = rest[:end], rest[end:]
	}
	if rest != "" {
		t.Fatalf("%s has answers beyond the statements: re-record (see diff_test.go)", path)
	}
	return blocks
}
