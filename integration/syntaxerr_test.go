package integration

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// TestSyntaxErrorsExtendedProtocol sends the malformed statements of the
// corpus (testdata/diff/18_syntax_errors.sql) through the extended
// protocol (Parse, Describe), as pgx and most drivers do: the error is the
// one PostgreSQL 15 gave them through the simple protocol (recorded in the
// corpus), with the same SQLSTATE, message and position. Strings of several
// statements are left out (Parse refuses them whole), and so are the
// corpus' known differences. Passes against
// PostgreSQL 15 (RAFTSQL_REFERENCE_URL).
func TestSyntaxErrorsExtendedProtocol(t *testing.T) {
	file := filepath.Join("testdata", "diff", "18_syntax_errors.sql")
	cases := parseDiffCorpus(t, file)
	want := readDiffGolden(t, strings.TrimSuffix(file, ".sql")+".out", cases)
	urls := e2eURLs(t)
	conn := connectScript(t, urls[0])
	checked := 0
	for i, c := range cases {
		answer := strings.TrimPrefix(want[i], diffBlockMark+c.sql+"\n")
		if c.differs != "" {
			continue // a known difference (the corpus checks it)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		if !strings.HasPrefix(answer, "ERROR ") {
			// setup (the tables the statements name): as recorded
			if _, err := conn.Exec(ctx, c.sql, pgx.QueryExecModeSimpleProtocol); err != nil {
				t.Fatalf("%s:%d: %v", file, c.line, err)
			}
			cancel()
			continue
		}
		if strings.Contains(strings.TrimSuffix(c.sql, ";"), ";") {
			cancel()
			continue // several statements
		}
		_, err := conn.Exec(ctx, c.sql, pgx.QueryExecModeDescribeExec)
		cancel()
		if err == nil {
			t.Errorf("%s:%d: %s: no error, want\n%s", file, c.line, c.sql, answer)
			continue
		}
		if got := renderDiffError(err, c.position); got != answer {
			t.Errorf("%s:%d: %s: through Parse\n got: %s want: %s", file, c.line, c.sql, got, answer)
		}
		checked++
	}
	if checked < 40 {
		t.Errorf("only %d malformed statements checked", checked)
	}
}
