package sqlexec

import (
	"strings"
)

// Request de-duplication: every applied request id is remembered with its
// outcome (raftsql_requests) for Options.DedupeWindow indexes, so a retried
// proposal is answered from the first application instead of running
// twice.

func lookupRequest(c *lconn, id [16]byte) (found bool, outcome string, err error) {
	st, _, err := c.prepareCached("SELECT coalesce(outcome, '') FROM raftsql_requests WHERE id = ?")
	if err != nil {
		return false, "", err
	}
	defer st.release()
	_, err = st.run([]any{id[:]}, func(r []any) error {
		found = true
		outcome, _ = r[0].(string)
		return nil
	})
	return found, outcome, err
}

// encodeOutcome summarises an entry's outcome (command tags or the error)
// so that a duplicate proposal of the same request can be answered.
func encodeOutcome(res *ApplyResult) string {
	if res.Err != nil {
		code, msg := CodeInternal, res.Err.Error()
		if e, ok := res.Err.(*Error); ok {
			code = e.Code
		}
		return "E" + code + "\n" + msg
	}
	var b strings.Builder
	b.WriteByte('T')
	for i, r := range res.Results {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(r.Tag)
	}
	return b.String()
}

func decodeOutcome(s string) ([]StatementResult, error) {
	switch {
	case strings.HasPrefix(s, "E"):
		code, msg, _ := strings.Cut(s[1:], "\n")
		return nil, &Error{Code: code, Message: msg, Statement: -1}
	case strings.HasPrefix(s, "T"):
		var out []StatementResult
		if len(s) > 1 {
			for _, tag := range strings.Split(s[1:], "\n") {
				out = append(out, StatementResult{Tag: tag})
			}
		}
		return out, nil
	}
	return nil, nil
}
