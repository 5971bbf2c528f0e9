package pgwire

import (
	"context"
	"crypto/subtle"
	"errors"
	"io"
	"net"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5/pgproto3"
)

// flushThreshold is the amount of buffered output after which the server
// writes to the socket even without a Sync/Flush.
const flushThreshold = 64 << 10

// panicHook, when set (tests), observes panics recovered while serving a
// connection.
var panicHook func(any)

// conn is one client connection. Everything but cancelStatement and
// secretMatches runs on the connection's goroutine.
type conn struct {
	srv    *Server
	nc     net.Conn // the client connection (TLS once negotiated)
	raw    net.Conn // the accepted connection, for deadlines and forced close
	be     *pgproto3.Backend
	fr     *framer // the Backend's input: lets the server peek at the next message
	ctx    context.Context
	cancel context.CancelFunc

	// inTx: the session was inside a transaction block when it last
	// became ready for a query (Server.Stats).
	inTx atomic.Bool

	pid     uint32
	secret  []byte
	info    SessionInfo
	sess    Session
	counted bool

	stmts          map[string]*prepared
	portals        map[string]*portal
	sentParams     map[string]string
	ignoreTillSync bool
	pending        int // bytes sent but not flushed (approximation)

	tzName string
	loc    *time.Location

	// wmu guards notifyIdle: the connection waits idle for the client
	// after a ReadyForQuery reporting TxIdle, so the notifier may write
	// (notify.go).
	wmu        sync.Mutex
	notifyIdle bool

	mu         sync.Mutex
	stmtCancel context.CancelFunc // the running statement's; nil between statements
	canceled   bool               // a cancel request hit the running statement
	// stmtCtx is the statements' context, reused from one statement to
	// the next until a cancel request ends it (stmtContext).
	stmtCtx       context.Context
	stmtCtxCancel context.CancelFunc
	stmtDone      func()

	out     outMsgs // reusable output messages (outmsg.go)
	unnamed portal  // the unnamed portal, when bound (bind)
	ew      writer  // the running Execute's writer (execute)
}

func (c *conn) secretMatches(secret []byte) bool {
	return len(c.secret) > 0 && subtle.ConstantTimeCompare(c.secret, secret) == 1
}

func (c *conn) cancelStatement() {
	c.mu.Lock()
	if c.stmtCancel != nil {
		c.canceled = true
		c.stmtCancel()
	}
	c.mu.Unlock()
}

// stmtContext returns the context of one statement (cancellable by a
// CancelRequest) and the function that ends the statement. The context is
// reused by the next statement unless a cancel request ended it: a
// context and its registration with the connection's own cost more than
// a point read's SQL (two allocations and a map insertion and deletion
// per statement). Reuse changes nothing a statement can see: a cancel
// request reaches only a running statement (stmtCancel is nil between
// statements), no engine keeps a statement's context after the call
// returns, and the connection's end still cancels it through c.ctx.
func (c *conn) stmtContext() (context.Context, func()) {
	c.mu.Lock()
	if c.stmtCtx == nil || c.stmtCtx.Err() != nil {
		c.stmtCtx, c.stmtCtxCancel = context.WithCancel(c.ctx)
	}
	if c.stmtDone == nil {
		c.stmtDone = func() {
			c.mu.Lock()
			c.stmtCancel = nil
			c.mu.Unlock()
		}
	}
	ctx := c.stmtCtx
	c.stmtCancel = c.stmtCtxCancel
	c.canceled = false
	c.mu.Unlock()
	return ctx, c.stmtDone
}

// runStatement runs one statement (a simple Query or an Execute) under a
// context a CancelRequest can cancel. It returns the statement's error
// (the engine's own, else the first one the writer saw), with an unfinished
// COPY aborted, or the I/O error that ends the connection.
func (c *conn) runStatement(w *writer, run func(context.Context) error) (stmtErr, ioErr error) {
	ctx, done := c.stmtContext()
	start := time.Now()
	err := run(ctx)
	done()
	if err == nil && w.err != nil {
		err = w.err
	}
	if obs := c.srv.cfg.Observe; obs != nil {
		obs(w.tag, err, time.Since(start))
	}
	if w.ioErr != nil {
		return nil, w.ioErr
	}
	if err != nil {
		w.abortCopy()
	}
	return err, nil
}

func (c *conn) serve() {
	defer c.srv.removeConn(c)
	defer c.cancel()
	defer func() {
		if r := recover(); r != nil {
			if panicHook != nil {
				panicHook(r)
			}
			c.srv.log.Error("pgwire: panic serving connection", "remote", c.nc.RemoteAddr(), "panic", r, "stack", string(debug.Stack()))
			if c.be != nil {
				c.sendFatal(fatalErr(codeInternalError, "internal error: %v", r))
			}
		}
		c.close()
	}()
	// Wake blocking reads when the connection's context is cancelled
	// (server shutdown).
	stop := context.AfterFunc(c.ctx, func() { c.raw.SetReadDeadline(time.Now()) })
	defer stop()

	if !c.startup() {
		return
	}
	c.srv.log.Debug("pgwire: session started", "remote", c.raw.RemoteAddr(), "pid", c.pid, "user", c.info.User, "database", c.info.Database)
	if ns, ok := c.sess.(NotifyingSession); ok {
		go c.notifier(ns)
	}
	c.loop()
	c.srv.log.Debug("pgwire: session ended", "remote", c.raw.RemoteAddr(), "pid", c.pid)
}

func (c *conn) close() {
	for name, ps := range c.stmts {
		ps.stmt.Close()
		delete(c.stmts, name)
	}
	if c.sess != nil {
		if err := c.sess.Close(); err != nil {
			c.srv.log.Debug("pgwire: session close", "err", err)
		}
		c.sess = nil
	}
	if c.counted {
		c.srv.active.Add(-1)
		c.counted = false
	}
	c.nc.Close()
}

func (c *conn) sendFatal(err error) {
	er := errorResponse(err)
	if er.Severity != "FATAL" && er.Severity != "PANIC" {
		er.Severity, er.SeverityUnlocalized = "FATAL", "FATAL"
	}
	// A FATAL ends the connection: its slot is free before the client
	// can learn so, or a client that reconnects at once (or a superuser
	// after an ordinary role was refused the reserved slot) could find it
	// still taken.
	if c.counted {
		c.srv.active.Add(-1)
		c.counted = false
	}
	c.nc.SetWriteDeadline(time.Now().Add(time.Second))
	c.be.Send(er)
	c.be.Flush()
}

// updateLocation loads the time zone last reported to the client
// (ParameterStatus TimeZone), which timestamptz values print in for a
// session that does not resolve its zone itself (see location).
func (c *conn) updateLocation() {
	tz := c.sentParams["TimeZone"]
	if tz == c.tzName && c.loc != nil {
		return
	}
	c.tzName = tz
	c.loc = time.UTC
	if tz == "" || strings.EqualFold(tz, "UTC") || strings.EqualFold(tz, "Etc/UTC") || strings.EqualFold(tz, "GMT") {
		return
	}
	if _, ok := c.sess.(SessionZone); ok {
		return // asked at each statement (location)
	}
	if loc, err := time.LoadLocation(tz); err == nil {
		c.loc = loc
	}
}

// location is the zone timestamptz values print in now. A SET earlier in
// the same query string, or earlier in a pipeline before its Sync,
// changes the session's zone before ParameterStatus reports it (at
// ReadyForQuery), and PostgreSQL prints the next statement's values in
// the new zone: so a session that resolves its zone (SessionZone) is
// asked at each statement (writer.location), never a copy cached at the
// last ReadyForQuery.
func (c *conn) location() *time.Location {
	if zs, ok := c.sess.(SessionZone); ok {
		// the engine's own zone rules (sqlexec: the embedded tz database,
		// POSIX and offset zones), as its functions use them
		if loc := zs.Location(); loc != nil {
			return loc
		}
		return time.UTC
	}
	if c.loc == nil {
		return time.UTC
	}
	return c.loc
}

// SessionZone is implemented by sessions that resolve their TimeZone
// parameter themselves: timestamptz values print in Location() (nil =
// UTC) rather than in time.LoadLocation(TimeZone). Location is called
// from the ResultWriter while the session runs a statement (on the
// goroutine that runs it), once per statement that returns rows.
type SessionZone interface {
	Location() *time.Location
}

func (c *conn) txStatus() TxStatus {
	if c.sess == nil {
		return TxIdle
	}
	switch st := c.sess.TxStatus(); st {
	case TxIdle, TxActive, TxFailed:
		return st
	default:
		return TxIdle
	}
}

// sendParamChanges sends ParameterStatus for every session parameter
// whose value changed since it was last reported.
func (c *conn) sendParamChanges() {
	var sp map[string]string
	if pc, ok := c.sess.(ParameterChangeSession); ok {
		m, changed := pc.ParameterStatusChanged()
		if !changed {
			return
		}
		sp = m
	} else {
		sp = c.sess.ParameterStatus()
	}
	if len(sp) == 0 {
		return
	}
	var changed []string
	for k, v := range sp {
		if old, ok := c.sentParams[k]; !ok || old != v {
			changed = append(changed, k)
			c.sentParams[k] = v
		}
	}
	if len(changed) == 0 {
		return
	}
	sort.Strings(changed)
	for _, k := range changed {
		c.be.Send(&pgproto3.ParameterStatus{Name: k, Value: sp[k]})
	}
	c.updateLocation()
}

func (c *conn) readyForQuery() error {
	c.sendParamChanges()
	st := c.txStatus()
	c.inTx.Store(st != TxIdle)
	ns, notifying := c.sess.(NotifyingSession)
	if notifying {
		// Held so that the notifier neither misses what arrives between
		// this drain and the idle mark nor writes before the flush.
		c.wmu.Lock()
		defer c.wmu.Unlock()
		if st == TxIdle {
			c.sendNotifications(ns)
		}
	}
	c.sendReady(st)
	err := c.flush()
	c.notifyIdle = notifying && st == TxIdle && err == nil
	return err
}

func (c *conn) flush() error {
	c.pending = 0
	return c.be.Flush()
}

// send queues msg, flushing when enough output accumulated.
func (c *conn) send(msg pgproto3.BackendMessage, size int) error {
	c.be.Send(msg)
	c.pending += size
	if c.pending >= flushThreshold {
		return c.flush()
	}
	return nil
}

// errClosing ends the connection after a FATAL error was sent.
var errClosing = errors.New("pgwire: connection terminated after FATAL error")

// sendError reports err to the client as an ErrorResponse. An error of
// severity FATAL or PANIC (e.g. the session's idle-in-transaction
// timeout) ends the session, as in PostgreSQL: the error is flushed and
// errClosing returned.
func (c *conn) sendError(err error) error {
	c.mu.Lock()
	canceled := c.canceled
	c.mu.Unlock()
	if canceled && errors.Is(err, context.Canceled) {
		var se SQLError
		if !errors.As(err, &se) {
			err = newErr(codeQueryCanceled, "canceling statement due to user request")
		}
	}
	er := errorResponse(err)
	c.be.Send(er)
	if er.Severity == "FATAL" || er.Severity == "PANIC" {
		c.flush()
		return errClosing
	}
	return nil
}

// errFatalConn marks errors after which the connection must close.
type connFatal struct{ err error }

func (e connFatal) Error() string { return e.err.Error() }

func (e connFatal) Unwrap() error { return e.err }

func (c *conn) loop() {
	for {
		idle := c.armIdleTimeout()
		msg, err := c.be.Receive()
		c.setNotifyIdle(false)
		if idle {
			c.nc.SetReadDeadline(time.Time{})
		}
		if err != nil {
			if idle && c.ctx.Err() == nil && isTimeout(err) {
				c.sendFatal(fatalErr(codeIdleSessionTimeout, "terminating connection due to idle-session timeout"))
				return
			}
			c.receiveFailed(err)
			return
		}
		if err := c.handle(msg); err != nil {
			var cf connFatal
			if errors.As(err, &cf) {
				var se SQLError
				if errors.As(cf.err, &se) {
					c.sendFatal(cf.err)
				}
			}
			return
		}
	}
}

func (c *conn) receiveFailed(err error) {
	err = c.receiveError(err)
	var cf connFatal
	if errors.As(err, &cf) {
		c.sendFatal(cf.err)
	}
}

// receiveError classifies a failed Receive: connFatal (tell the client,
// then close) or a plain error (the peer is gone).
func (c *conn) receiveError(err error) error {
	if c.ctx.Err() != nil {
		return connFatal{fatalErr(codeAdminShutdown, "terminating connection due to administrator command")}
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, net.ErrClosed) {
		return err
	}
	var ne net.Error
	if errors.As(err, &ne) {
		return err
	}
	var tooBig *pgproto3.ExceededMaxBodyLenErr
	if errors.As(err, &tooBig) {
		return connFatal{fatalErr(codeProgramLimitExceeded, "message too long: %d bytes exceeds the limit of %d bytes", tooBig.ActualBodyLen, tooBig.MaxExpectedBodyLen)}
	}
	return connFatal{fatalErr(codeProtocolViolation, "invalid frontend message: %v", err)}
}

// handle processes one frontend message. A non-nil error ends the
// connection (wrapped in connFatal when the client should be told).
func (c *conn) handle(msg pgproto3.FrontendMessage) error {
	switch msg.(type) {
	case *pgproto3.Terminate:
		return io.EOF
	case *pgproto3.Sync:
		c.ignoreTillSync = false
		if ps, ok := c.sess.(PipelineSession); ok {
			// The end of the pipeline's implicit transaction.
			ctx, done := c.stmtContext()
			err := ps.EndPipeline(ctx)
			done()
			if err != nil {
				if err := c.sendError(err); err != nil {
					return err
				}
			}
		}
		if c.txStatus() == TxIdle {
			clear(c.portals)
		} else {
			delete(c.portals, "")
		}
		return c.readyForQuery()
	case *pgproto3.CopyData, *pgproto3.CopyDone, *pgproto3.CopyFail:
		// Left over from a COPY that failed: dropped, as the protocol says.
		return nil
	}
	if c.ignoreTillSync {
		return nil
	}
	switch m := msg.(type) {
	case *pgproto3.Query:
		return c.simpleQuery(m.String)
	case *pgproto3.Parse:
		if err := c.extErr(c.parse(m)); err != nil {
			return err
		}
	case *pgproto3.Bind:
		if err := c.extErr(c.bind(m)); err != nil {
			return err
		}
	case *pgproto3.Describe:
		if err := c.extErr(c.describe(m)); err != nil {
			return err
		}
	case *pgproto3.Execute:
		if err := c.execute(m); err != nil {
			var cf connFatal
			if errors.As(err, &cf) {
				return err
			}
			if err := c.extErr(err); err != nil {
				return err
			}
		}
	case *pgproto3.Close:
		if err := c.extErr(c.closeMsg(m)); err != nil {
			return err
		}
	case *pgproto3.Flush:
		return c.flush()
	case *pgproto3.FunctionCall:
		c.sendError(newErr(codeFeatureNotSupported, "function call protocol is not supported"))
		return c.readyForQuery()
	default:
		return connFatal{fatalErr(codeProtocolViolation, "unexpected message type %T", msg)}
	}
	if c.pending >= flushThreshold {
		return c.flush()
	}
	return nil
}
