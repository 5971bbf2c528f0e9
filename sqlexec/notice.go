package sqlexec

import (
	"fmt"

	"github.com/raftsql/raftsql/pgwire"
)

// NOTICEs of replicated statements. PostgreSQL reports some outcomes of a
// statement as a NOTICE (CREATE ... IF NOT EXISTS of an existing
// relation, DROP ... IF EXISTS of a missing one, what DROP/TRUNCATE
// CASCADE reached). Whether one is due depends on the schema at the
// statement's log position, so the code that decides it at apply (or
// when a transaction's statement is speculated, the same code on the same
// connection) adds it to its connection (lconn.addNotice); runSQL moves
// them into the statement's result, and the session that proposed or
// speculated the statement sends them to its client before the result
// (emit, emitWrite). Every node computes them at apply; only the
// proposing session's result reaches a client, and a transaction's
// results at COMMIT are not re-sent, so each NOTICE reaches the client
// exactly once. They are never logged. A duplicate request (dedup.go) is
// answered from its recorded command tags, without its NOTICEs.

// notice is one NoticeResponse of severity NOTICE.
type notice struct{ code, message, detail string }

// addNotice records a NOTICE of the statement running on c.
func (c *lconn) addNotice(code, detail, format string, a ...any) {
	c.notices = append(c.notices, notice{code: code, message: fmt.Sprintf(format, a...), detail: detail})
}

// collectNotices starts collecting the NOTICEs of a statement on c; the
// returned function moves them into res (unless the statement failed:
// its entry or savepoint is rolled back and PostgreSQL reports the error
// instead) and restores what an enclosing statement had collected.
func (c *lconn) collectNotices(res *StatementResult) func() {
	outer := c.notices
	c.notices = nil
	return func() {
		if res.Err == nil {
			res.notices = append(res.notices, c.notices...)
		}
		c.notices = outer
	}
}

// sendNotices sends the NOTICEs of results, in order, leaving out repeats
// (the DELETEs of one TRUNCATE each find the tables CASCADE reaches).
func sendNotices(w pgwire.ResultWriter, results []StatementResult) {
	var sent map[notice]bool
	for _, r := range results {
		for _, n := range r.notices {
			if sent[n] {
				continue
			}
			if sent == nil {
				sent = map[notice]bool{}
			}
			sent[n] = true
			if n.detail != "" {
				_ = w.Notice("NOTICE", n.code, n.message, n.detail)
			} else {
				_ = w.Notice("NOTICE", n.code, n.message)
			}
		}
	}
}
