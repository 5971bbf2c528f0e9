package integration

// The NOTICE corpus: statements whose answer includes the NOTICEs
// PostgreSQL sends (CREATE ... IF NOT EXISTS of an existing relation,
// DROP ... IF EXISTS of a missing object, what DROP/TRUNCATE CASCADE
// reaches), in the differential corpus's format (diff_test.go) with each
// NOTICE rendered after the answer as "notice: SQLSTATE message" (and its
// DETAIL). Recorded from PostgreSQL:
//
//	RAFTSQL_NOTICE_RECORD=1 RAFTSQL_REFERENCE_URL=postgres://... go test ./integration -run TestNoticeCorpus

import (
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
)

func TestNoticeCorpus(t *testing.T) {
	runCorpus(t, "notices", "RAFTSQL_NOTICE_RECORD", func(conn *pgx.Conn, c diffCase) string {
		takeNotices(conn)
		out := renderDiffCase(conn, c.sql, c.position)
		var b strings.Builder
		b.WriteString(out)
		for _, n := range takeNotices(conn) {
			b.WriteString("notice: " + n.Severity + " " + n.Code + " " + n.Message + "\n")
			if n.Detail != "" {
				b.WriteString("notice detail: " + n.Detail + "\n")
			}
		}
		return b.String()
	})
}
