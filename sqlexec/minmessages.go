package sqlexec

import (
	"fmt"
	"strings"

	"github.com/raftsql/raftsql/pgwire"
)

// client_min_messages: the least severe notice the client is sent, as in
// PostgreSQL (pg_dump's scripts set it to warning, so a restore prints no
// NOTICE). INFO is always sent.

// messageRanks orders the levels client_min_messages names.
var messageRanks = map[string]int{
	"debug5": 1, "debug4": 2, "debug3": 3, "debug2": 4, "debug1": 5, "log": 6, "notice": 7, "warning": 8, "error": 9,
}

// checkMinMessages validates a client_min_messages value and returns
// PostgreSQL's spelling of it.
func checkMinMessages(val string) (string, error) {
	v := strings.ToLower(strings.TrimSpace(val))
	switch v {
	case "debug":
		return "debug2", nil
	case "info":
		return v, nil
	}
	if _, ok := messageRanks[v]; ok {
		return v, nil
	}
	return "", &Error{Code: CodeInvalidParameter, Message: fmt.Sprintf("invalid value for parameter \"client_min_messages\": %q", val),
		HintText: "Available values: debug5, debug4, debug3, debug2, debug1, log, notice, warning, error.", Statement: -1}
}

// minMessagesWriter drops the notices below the session's
// client_min_messages.
type minMessagesWriter struct {
	pgwire.ResultWriter
	s *Session
}

func (w minMessagesWriter) Notice(severity, code, message string, detail ...string) error {
	sev := strings.ToLower(severity)
	if sev == "" {
		sev = "notice"
	}
	min := w.s.settings["client_min_messages"]
	if sev != "info" && min != "info" && messageRanks[sev] < messageRanks[min] {
		return nil
	}
	return w.ResultWriter.Notice(severity, code, message, detail...)
}
