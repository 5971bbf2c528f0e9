package sqlexec

import (
	"context"
	"fmt"
	"sync"
	"unicode/utf8"

	"github.com/raftsql/raftsql/pgwire"
	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// LISTEN / NOTIFY across the cluster.
//
// NOTIFY is a write: it enters the log as a statement of its own (SQL
// notifyOp, args channel, payload, sender PID), alone in an autocommit
// entry or among a transaction's statements, so it is delivered only if
// that entry commits, in log (commit) order. At apply, runNotify records
// the notification in the internal table raftsql_notify inside the
// entry's SQLite transaction: a statement, savepoint or entry that is
// rolled back takes its notifications with it, and UNIQUE(channel,
// payload) with ON CONFLICT DO NOTHING de-duplicates within the entry as
// PostgreSQL does within a transaction (first occurrence order). At the
// end of the entry takeNotifications moves the rows into the entry's
// ApplyResult and empties the table, so it is empty between entries (and
// in every snapshot image). After the batch commits, ApplyBatch hands the
// committed entries' notifications to notifyHub, which queues them on the
// sessions of this node that LISTEN on the channel. Every node does so
// when it applies the entry: a lagging node delivers later, so
// notifications are not linearizable with reads on other nodes.
//
// LISTEN / UNLISTEN are session-local and never enter the log. As in
// PostgreSQL they take effect when their transaction commits: outside a
// transaction block at once, inside one at a successful COMMIT (a
// rollback, a failed COMMIT or ROLLBACK TO a savepoint set before them
// forgets them; txn.listens). pg_listening_channels() answers the
// session's channels as of its last commit, in LISTEN order
// (Session.channels). The wire server sends queued notifications between
// transactions (pgwire.NotifyingSession). Nothing is persisted: a session
// that is not connected misses them.

// notifyOp is the SQL text of a NOTIFY statement in the log. It cannot
// come from a client (the wire protocol's strings end at NUL).
const notifyOp = "\x00NOTIFY"

// maxNotifyPayload: PostgreSQL's limit (payload must be shorter than
// 8000 bytes in the default configuration).
const maxNotifyPayload = 8000

// maxNotifyQueue bounds one session's undelivered notifications; beyond
// it the oldest are dropped (PostgreSQL's queue is bounded too).
const maxNotifyQueue = 1 << 16

const notifyTable = `CREATE TABLE IF NOT EXISTS raftsql_notify(channel TEXT NOT NULL, payload TEXT NOT NULL,
 pid INTEGER NOT NULL, UNIQUE(channel, payload))`

// checkNotify validates a notification as PostgreSQL does.
func checkNotify(channel, payload string) *Error {
	switch {
	case channel == "":
		return errf(CodeInvalidParameter, "channel name cannot be empty")
	case len(channel) >= 64:
		return errf(CodeInvalidParameter, "channel name too long")
	case len(payload) >= maxNotifyPayload:
		return errf(CodeInvalidParameter, "payload string too long")
	}
	return nil
}

// runNotify carries out a NOTIFY statement on the apply connection (at
// apply, and when a transaction is speculated).
func runNotify(c *lconn, args []any) StatementResult {
	var res StatementResult
	if len(args) != 3 {
		res.Err = errf(CodeInternal, "malformed NOTIFY entry")
		return res
	}
	channel, _ := args[0].(string)
	payload, _ := args[1].(string)
	if err := checkNotify(channel, payload); err != nil {
		res.Err = err
		return res
	}
	if err := c.exec(notifyTable); err != nil {
		res.Err = mapError(err, "")
		return res
	}
	if _, err := execChanges(c, "INSERT INTO raftsql_notify(channel, payload, pid) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", channel, payload, args[2]); err != nil {
		res.Err = mapError(err, "")
		return res
	}
	c.notified = true
	res.Tag = "NOTIFY"
	return res
}

// takeNotifications returns the notifications the current entry left in
// raftsql_notify, in order, and empties the table.
func takeNotifications(w *lconn) ([]pgwire.Notification, error) {
	if !w.notified {
		return nil, nil
	}
	st, _, err := w.prepareCached("SELECT channel, payload, pid FROM raftsql_notify ORDER BY rowid")
	if err != nil {
		return nil, err
	}
	var out []pgwire.Notification
	_, err = st.run(nil, func(r []any) error {
		n := pgwire.Notification{}
		n.Channel, _ = r[0].(string)
		n.Payload, _ = r[1].(string)
		if pid, ok := r[2].(int64); ok {
			n.PID = uint32(pid)
		}
		out = append(out, n)
		return nil
	})
	st.release()
	if err != nil {
		return nil, err
	}
	if err := w.exec("DELETE FROM raftsql_notify"); err != nil {
		return nil, err
	}
	return out, nil
}

// notifyHub: which sessions of this node listen on which channel.
type notifyHub struct {
	mu        sync.Mutex
	listeners map[string]map[*Session]struct{}
}

func (h *notifyHub) listen(s *Session, channel string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.listeners == nil {
		h.listeners = make(map[string]map[*Session]struct{})
	}
	m := h.listeners[channel]
	if m == nil {
		m = make(map[*Session]struct{})
		h.listeners[channel] = m
	}
	m[s] = struct{}{}
}

// unlisten removes s from channel, or from every channel when channel
// is "*".
func (h *notifyHub) unlisten(s *Session, channel string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch, m := range h.listeners {
		if channel != "*" && ch != channel {
			continue
		}
		delete(m, s)
		if len(m) == 0 {
			delete(h.listeners, ch)
		}
	}
}

// deliver queues the notifications of committed entries on their
// listeners. It never blocks on a session.
func (h *notifyHub) deliver(results []*ApplyResult) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if len(h.listeners) == 0 {
		return
	}
	for _, r := range results {
		if r == nil || r.Err != nil {
			continue
		}
		for _, n := range r.Notifications {
			for s := range h.listeners[n.Channel] {
				s.inbox.push(n)
			}
		}
	}
}

// notifyInbox is a session's queue of undelivered notifications; it has
// its own lock so that apply never waits for a busy session.
type notifyInbox struct {
	mu      sync.Mutex
	pending []pgwire.Notification
	wake    chan struct{}
}

func (b *notifyInbox) push(n pgwire.Notification) {
	b.mu.Lock()
	if len(b.pending) >= maxNotifyQueue {
		b.pending = b.pending[1:]
	}
	b.pending = append(b.pending, n)
	b.mu.Unlock()
	select {
	case b.wakeChan() <- struct{}{}:
	default:
	}
}

func (b *notifyInbox) wakeChan() chan struct{} {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.wake == nil {
		b.wake = make(chan struct{}, 1)
	}
	return b.wake
}

// TakeNotifications implements pgwire.NotifyingSession.
func (s *Session) TakeNotifications() []pgwire.Notification {
	s.inbox.mu.Lock()
	defer s.inbox.mu.Unlock()
	p := s.inbox.pending
	s.inbox.pending = nil
	return p
}

// NotifyWake implements pgwire.NotifyingSession.
func (s *Session) NotifyWake() <-chan struct{} { return s.inbox.wakeChan() }

// notifyStmt runs LISTEN, UNLISTEN and NOTIFY.
func (s *Session) notifyStmt(ctx context.Context, st *pgdialect.Stmt, w pgwire.ResultWriter) error {
	if len(st.Name) >= 64 {
		// As PostgreSQL's scanner does for every identifier.
		cut := 63
		for cut > 0 && !utf8.RuneStart(st.Name[cut]) {
			cut--
		}
		_ = w.Notice("NOTICE", "42622", fmt.Sprintf("identifier %q will be truncated to %q", st.Name, st.Name[:cut]))
		st.Name = st.Name[:cut]
	}
	switch st.Kind {
	case pgdialect.KindListen, pgdialect.KindUnlisten:
		op := listenOp{unlisten: st.Kind == pgdialect.KindUnlisten, channel: st.Name}
		if s.tx != nil {
			s.tx.listens = append(s.tx.listens, op)
		} else {
			s.doListen(op)
		}
		return w.Complete(st.Tag)
	}
	if err := s.notify(ctx, st.Name, st.Value); err != nil {
		return err
	}
	return w.Complete("NOTIFY")
}

// notifyCall runs SELECT pg_notify(channel, payload)
// (pgdialect.ParseNotifyCall).
func (s *Session) notifyCall(ctx context.Context, call *pgdialect.NotifyCall, args []any, w pgwire.ResultWriter, describe bool) error {
	var vals [2]string
	for i, a := range []pgdialect.NotifyArg{call.Channel, call.Payload} {
		vals[i] = a.Value
		if a.Param > 0 {
			if a.Param > len(args) {
				return errf(CodeProtocolViolation, "bind message supplies %d parameters, but the statement requires %d", len(args), a.Param)
			}
			switch v := args[a.Param-1].(type) {
			case nil: // NULL: an empty channel (refused) or payload
			case string:
				vals[i] = v
			case []byte:
				vals[i] = string(v)
			default:
				vals[i] = fmt.Sprint(v)
			}
		}
	}
	if err := s.notify(ctx, vals[0], vals[1]); err != nil {
		return err
	}
	if describe {
		if err := w.Describe([]pgwire.Column{{Name: call.Column, TypeOID: pgoid.Text, TypeSize: pgoid.Size(pgoid.Text), TypeModifier: -1}}); err != nil {
			return err
		}
	}
	if err := w.Row([]any{""}); err != nil { // void
		return err
	}
	return w.Complete("SELECT 1")
}

// notify proposes one notification: in the transaction's entry inside a
// transaction block, else as an entry of its own.
func (s *Session) notify(ctx context.Context, channel, payload string) error {
	if err := checkNotify(channel, payload); err != nil {
		return err
	}
	stmt := Statement{SQL: notifyOp, Args: []any{channel, payload, int64(s.info.BackendPID)}, Tag: "NOTIFY", Digest: true}
	if s.tx != nil {
		// PostgreSQL allows NOTIFY in a READ ONLY transaction: it
		// changes no data. txWrite refuses writes there, so the mark is
		// lifted for this statement only.
		ro := s.tx.readOnly
		s.tx.readOnly = false
		err := s.txWrite(ctx, []Statement{stmt}, len(channel)+len(payload))
		s.tx.readOnly = ro
		return err
	}
	cmd := s.e.newCommand([]Statement{stmt})
	cmd.Database, cmd.User = s.names()
	_, err := s.propose(ctx, cmd)
	return err
}

// listenOp is one LISTEN (or UNLISTEN, channel "*" for all) waiting for
// its transaction's COMMIT.
type listenOp struct {
	unlisten bool
	channel  string
}

// doListen carries out op: the node's hub and the session's ordered list
// of channels change together.
func (s *Session) doListen(op listenOp) {
	if op.unlisten {
		s.e.db.notify.unlisten(s, op.channel)
		kept := s.channels[:0]
		for _, c := range s.channels {
			if op.channel != "*" && c != op.channel {
				kept = append(kept, c)
			}
		}
		s.channels = kept
		return
	}
	for _, c := range s.channels {
		if c == op.channel {
			return
		}
	}
	s.e.db.notify.listen(s, op.channel)
	s.channels = append(s.channels, op.channel)
}

// commitListens carries out a committed transaction's LISTEN/UNLISTEN, in
// order.
func (s *Session) commitListens(tx *txn) {
	for _, op := range tx.listens {
		s.doListen(op)
	}
}

// listeningChannels answers SELECT pg_listening_channels()
// (pgdialect.ParseListeningCall): one text row per channel.
func (s *Session) listeningChannels(column string, w pgwire.ResultWriter, describe bool) error {
	if describe {
		if err := w.Describe([]pgwire.Column{{Name: column, TypeOID: pgoid.Text, TypeSize: pgoid.Size(pgoid.Text), TypeModifier: -1}}); err != nil {
			return err
		}
	}
	for _, c := range s.channels {
		if err := w.Row([]any{c}); err != nil {
			return err
		}
	}
	return w.Complete(fmt.Sprintf("SELECT %d", len(s.channels)))
}
