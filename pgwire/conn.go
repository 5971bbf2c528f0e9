package pgwire

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/subtle"
	"crypto/tls"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/raftsql/raftsql/pgwire/oid"

	"github.com/jackc/pgx/v5/pgproto3"
)

const (
	sslRequestCode    = 80877103
	gssEncRequestCode = 80877104
	cancelRequestCode = 80877102
)

// flushThreshold is the amount of buffered output after which the server
// writes to the socket even without a Sync/Flush.
const flushThreshold = 64 << 10

type prepared struct {
	name      string
	stmt      Statement
	paramOIDs []uint32
	cols      []Column
}

type portal struct {
	name    string
	ps      *prepared
	args    []any
	formats []int16 // raw result format codes from Bind
	cols    []Column

	started bool
	done    bool
	rows    [][][]byte // buffered, encoded rows (row-limited Execute)
	tag     string
	empty   bool
}

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

	mu         sync.Mutex
	stmtCancel context.CancelFunc
	canceled   bool // a cancel request hit the running statement
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
// CancelRequest).
func (c *conn) stmtContext() (context.Context, func()) {
	ctx, cancel := context.WithCancel(c.ctx)
	c.mu.Lock()
	c.stmtCancel = cancel
	c.canceled = false
	c.mu.Unlock()
	return ctx, func() {
		c.mu.Lock()
		c.stmtCancel = nil
		c.mu.Unlock()
		cancel()
	}
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
	c.nc.SetWriteDeadline(time.Now().Add(time.Second))
	c.be.Send(er)
	c.be.Flush()
}

// readStartupPacket reads one length-prefixed startup packet from r.
func readStartupPacket(r io.Reader, max int) ([]byte, error) {
	var hdr [4]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		return nil, err
	}
	n := int(int32(binary.BigEndian.Uint32(hdr[:])))
	if n < 8 || n > max {
		return nil, fatalErr(codeProtocolViolation, "invalid length of startup packet")
	}
	buf := make([]byte, n-4)
	if _, err := io.ReadFull(r, buf); err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	return buf, nil
}

// parseStartupParams parses the NUL-terminated name/value pairs of a
// StartupMessage body (after the protocol version).
func parseStartupParams(b []byte) (map[string]string, error) {
	params := make(map[string]string)
	for {
		if len(b) == 0 {
			return nil, fatalErr(codeProtocolViolation, "invalid startup packet layout: expected terminator as last byte")
		}
		if b[0] == 0 {
			if len(b) != 1 {
				return nil, fatalErr(codeProtocolViolation, "invalid startup packet layout: expected terminator as last byte")
			}
			return params, nil
		}
		i := bytes.IndexByte(b, 0)
		if i < 0 {
			return nil, fatalErr(codeProtocolViolation, "invalid startup packet layout: expected terminator as last byte")
		}
		name := string(b[:i])
		b = b[i+1:]
		j := bytes.IndexByte(b, 0)
		if j < 0 {
			return nil, fatalErr(codeProtocolViolation, "invalid startup packet layout: expected terminator as last byte")
		}
		params[name] = string(b[:j])
		b = b[j+1:]
	}
}

// startup runs the startup phase; false means the connection is done.
func (c *conn) startup() bool {
	s := c.srv
	c.nc.SetDeadline(time.Now().Add(s.cfg.StartupTimeout))
	var rw io.ReadWriter = c.nc
	c.fr = newFramer(rw)
	c.be = pgproto3.NewBackend(c.fr, rw)
	negotiations := 0
	var params map[string]string
	var minor uint32
	for params == nil {
		pkt, err := readStartupPacket(c.fr.br, s.cfg.MaxStartupPacket)
		if err != nil {
			var se *Error
			if errors.As(err, &se) {
				c.sendFatal(se)
			} else if !errors.Is(err, io.EOF) {
				s.log.Debug("pgwire: startup read", "remote", c.nc.RemoteAddr(), "err", err)
			}
			return false
		}
		code := binary.BigEndian.Uint32(pkt)
		switch code {
		case sslRequestCode, gssEncRequestCode:
			negotiations++
			if len(pkt) != 4 || negotiations > 2 {
				c.sendFatal(fatalErr(codeProtocolViolation, "invalid SSL/GSS negotiation packet"))
				return false
			}
			if code == sslRequestCode && s.cfg.TLSConfig != nil {
				if _, ok := c.nc.(*tls.Conn); ok {
					c.sendFatal(fatalErr(codeProtocolViolation, "SSLRequest on a TLS connection"))
					return false
				}
				if _, err := c.nc.Write([]byte{'S'}); err != nil {
					return false
				}
				tc := tls.Server(c.nc, s.cfg.TLSConfig)
				if err := tc.HandshakeContext(c.ctx); err != nil {
					s.log.Debug("pgwire: TLS handshake", "remote", c.nc.RemoteAddr(), "err", err)
					return false
				}
				c.nc = tc
				rw = tc
				c.fr = newFramer(rw)
				c.be = pgproto3.NewBackend(c.fr, rw)
				continue
			}
			if _, err := c.nc.Write([]byte{'N'}); err != nil {
				return false
			}
		case cancelRequestCode:
			if len(pkt) < 12 || len(pkt) > 264 {
				return false
			}
			pid := binary.BigEndian.Uint32(pkt[4:])
			s.cancelRequest(pid, pkt[8:])
			return false
		default:
			major, mnr := code>>16, code&0xffff
			if major != 3 {
				c.sendFatal(fatalErr(codeFeatureNotSupported, "unsupported frontend protocol %d.%d: server supports 3.0 to 3.0", major, mnr))
				return false
			}
			p, err := parseStartupParams(pkt[4:])
			if err != nil {
				c.sendFatal(err)
				return false
			}
			params, minor = p, mnr
		}
	}

	// Protocol options (_pq_.*) and minor versions above 0 are negotiated
	// down, as PostgreSQL 15 does.
	var unrecognized []string
	for k := range params {
		if strings.HasPrefix(k, "_pq_.") {
			unrecognized = append(unrecognized, k)
			delete(params, k)
		}
	}
	if minor > 0 || len(unrecognized) > 0 {
		sort.Strings(unrecognized)
		c.be.Send(&pgproto3.NegotiateProtocolVersion{NewestMinorProtocol: 0, UnrecognizedOptions: unrecognized})
	}

	user := params["user"]
	if user == "" {
		c.sendFatal(fatalErr(codeInvalidAuthSpec, "no PostgreSQL user name specified in startup packet"))
		return false
	}
	db := params["database"]
	if db == "" {
		db = user
	}
	if n := s.active.Add(1); n > int64(s.cfg.MaxConnections) {
		s.active.Add(-1)
		c.sendFatal(fatalErr(codeTooManyConnections, "sorry, too many clients already"))
		return false
	}
	c.counted = true
	c.secret = make([]byte, 4)
	if _, err := rand.Read(c.secret); err != nil {
		c.sendFatal(fatalErr(codeInternalError, "could not generate cancel key"))
		return false
	}
	s.registerPID(c)
	c.info = SessionInfo{User: user, Database: db, RemoteAddr: c.nc.RemoteAddr(), BackendPID: c.pid, StartupParams: params}

	// Authentication messages are small; bound them like the startup packet.
	c.be.SetMaxBodyLen(s.cfg.MaxStartupPacket)
	if err := s.cfg.Auth.Authenticate(c.ctx, c.info, authExchange{c}); err != nil {
		var se SQLError
		if !errors.As(err, &se) {
			err = fatalErr(codeInvalidPassword, "password authentication failed for user %q", user)
		}
		c.sendFatal(err)
		return false
	}
	c.be.SetAuthType(pgproto3.AuthTypeOk)
	c.be.Send(&pgproto3.AuthenticationOk{})

	sess, err := s.cfg.Engine.NewSession(c.ctx, c.info)
	if err != nil {
		c.sendFatal(err)
		return false
	}
	c.sess = sess
	c.be.SetMaxBodyLen(s.cfg.MaxMessageSize)

	c.sentParams = make(map[string]string)
	for k, v := range c.defaultParams() {
		c.sentParams[k] = v
	}
	if sp := sess.ParameterStatus(); sp != nil {
		for k, v := range sp {
			c.sentParams[k] = v
		}
	}
	for _, k := range sortedKeys(c.sentParams) {
		c.be.Send(&pgproto3.ParameterStatus{Name: k, Value: c.sentParams[k]})
	}
	c.updateLocation()
	c.be.Send(&pgproto3.BackendKeyData{ProcessID: c.pid, SecretKey: c.secret})
	c.be.Send(&pgproto3.ReadyForQuery{TxStatus: byte(c.txStatus())})
	if err := c.be.Flush(); err != nil {
		return false
	}
	c.raw.SetDeadline(time.Time{})
	if c.ctx.Err() != nil {
		c.sendFatal(fatalErr(codeAdminShutdown, "terminating connection due to administrator command"))
		return false
	}
	return true
}

func (c *conn) defaultParams() map[string]string {
	appName := c.info.StartupParams["application_name"]
	return map[string]string{
		"application_name":              appName,
		"client_encoding":               "UTF8",
		"DateStyle":                     "ISO, MDY",
		"default_transaction_read_only": "off",
		"in_hot_standby":                "off",
		"integer_datetimes":             "on",
		"IntervalStyle":                 "postgres",
		"is_superuser":                  "on",
		"server_encoding":               "UTF8",
		"server_version":                c.srv.cfg.ServerVersion,
		"session_authorization":         c.info.User,
		"standard_conforming_strings":   "on",
		"TimeZone":                      "UTC",
	}
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := strings.ToLower(keys[i]), strings.ToLower(keys[j])
		if a != b {
			return a < b
		}
		return keys[i] < keys[j]
	})
	return keys
}

// updateLocation loads the session time zone used to print timestamptz.
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
	if loc, err := time.LoadLocation(tz); err == nil {
		c.loc = loc
	}
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
	sp := c.sess.ParameterStatus()
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
	c.be.Send(&pgproto3.ReadyForQuery{TxStatus: byte(c.txStatus())})
	return c.flush()
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
		msg, err := c.be.Receive()
		if err != nil {
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
			c.portals = make(map[string]*portal)
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

// extErr reports an extended-protocol error and skips to the next Sync.
// It returns errClosing after a FATAL error.
func (c *conn) extErr(err error) error {
	if err == nil {
		return nil
	}
	var cf connFatal
	if errors.As(err, &cf) {
		err = cf.err
	}
	c.ignoreTillSync = true
	return c.sendError(err)
}

func (c *conn) simpleQuery(sql string) error {
	// A simple Query ends the unnamed statement and portal.
	if ps, ok := c.stmts[""]; ok {
		ps.stmt.Close()
		delete(c.stmts, "")
	}
	delete(c.portals, "")
	ctx, done := c.stmtContext()
	w := &writer{c: c}
	err := c.sess.SimpleQuery(ctx, sql, w)
	done()
	if err == nil && w.err != nil {
		err = w.err
	}
	if w.ioErr != nil {
		return w.ioErr
	}
	if err != nil {
		w.abortCopy()
		if err := c.sendError(err); err != nil {
			return err
		}
	} else if !w.any {
		c.be.Send(&pgproto3.EmptyQueryResponse{})
	}
	return c.readyForQuery()
}

func (c *conn) parse(m *pgproto3.Parse) error {
	if m.Name != "" {
		if _, ok := c.stmts[m.Name]; ok {
			return newErr(codeDuplicatePStatement, "prepared statement %q already exists", m.Name)
		}
	} else if old, ok := c.stmts[""]; ok {
		old.stmt.Close()
		delete(c.stmts, "")
	}
	ctx, done := c.stmtContext()
	st, err := c.sess.Prepare(ctx, m.Query, append([]uint32(nil), m.ParameterOIDs...))
	done()
	if err != nil {
		return err
	}
	oids := append([]uint32(nil), st.ParamOIDs()...)
	for i, typeOID := range m.ParameterOIDs {
		if i < len(oids) {
			if oids[i] == 0 {
				oids[i] = typeOID
			}
		} else {
			oids = append(oids, typeOID)
		}
	}
	c.stmts[m.Name] = &prepared{name: m.Name, stmt: st, paramOIDs: oids, cols: st.Columns()}
	return c.send(&pgproto3.ParseComplete{}, 5)
}

func stmtNotFound(name string) error {
	if name == "" {
		return newErr(codeUndefinedPStatement, "unnamed prepared statement does not exist")
	}
	return newErr(codeUndefinedPStatement, "prepared statement %q does not exist", name)
}

func (c *conn) bind(m *pgproto3.Bind) error {
	ps, ok := c.stmts[m.PreparedStatement]
	if !ok {
		return stmtNotFound(m.PreparedStatement)
	}
	if m.DestinationPortal != "" {
		if _, ok := c.portals[m.DestinationPortal]; ok {
			return newErr(codeDuplicateCursor, "cursor %q already exists", m.DestinationPortal)
		}
	}
	np := len(m.Parameters)
	if nf := len(m.ParameterFormatCodes); nf > 1 && nf != np {
		return newErr(codeProtocolViolation, "bind message has %d parameter formats but %d parameters", nf, np)
	}
	if np != len(ps.paramOIDs) {
		return newErr(codeProtocolViolation, "bind message supplies %d parameters, but prepared statement %q requires %d", np, ps.name, len(ps.paramOIDs))
	}
	if nr := len(m.ResultFormatCodes); nr > 1 && nr != len(ps.cols) {
		return newErr(codeProtocolViolation, "bind message has %d result formats but query has %d columns", nr, len(ps.cols))
	}
	for _, f := range m.ResultFormatCodes {
		if f != 0 && f != 1 {
			return newErr(codeProtocolViolation, "unsupported format code: %d", f)
		}
	}
	args := make([]any, np)
	for i, p := range m.Parameters {
		if p == nil {
			continue
		}
		var format int16
		switch len(m.ParameterFormatCodes) {
		case 0:
		case 1:
			format = m.ParameterFormatCodes[0]
		default:
			format = m.ParameterFormatCodes[i]
		}
		var v any
		var err error
		switch format {
		case 0:
			v, err = decodeText(p, ps.paramOIDs[i])
		case 1:
			v, err = decodeBinary(p, ps.paramOIDs[i])
			if err != nil {
				if e, ok := err.(*Error); !ok || e.Code != codeProtocolViolation {
					err = newErr(codeInvalidBinaryRep, "incorrect binary data format in bind parameter %d", i+1)
				}
			}
		default:
			err = newErr(codeProtocolViolation, "unsupported format code: %d", format)
		}
		if err != nil {
			return err
		}
		args[i] = v
	}
	if m.DestinationPortal == "" {
		delete(c.portals, "")
	}
	c.portals[m.DestinationPortal] = &portal{
		name:    m.DestinationPortal,
		ps:      ps,
		args:    args,
		formats: append([]int16(nil), m.ResultFormatCodes...),
		cols:    ps.cols,
	}
	return c.send(&pgproto3.BindComplete{}, 5)
}

// columnFormats expands Bind's result format codes to one per column.
func columnFormats(codes []int16, n int) []int16 {
	f := make([]int16, n)
	switch len(codes) {
	case 0:
	case 1:
		for i := range f {
			f[i] = codes[0]
		}
	default:
		copy(f, codes)
	}
	return f
}

func rowDescription(cols []Column, formats []int16) *pgproto3.RowDescription {
	rd := &pgproto3.RowDescription{Fields: make([]pgproto3.FieldDescription, len(cols))}
	for i, col := range cols {
		size := col.TypeSize
		if size == 0 {
			size = oid.Size(col.TypeOID)
		}
		mod := col.TypeModifier
		if mod == 0 {
			mod = -1
		}
		var f int16
		if i < len(formats) {
			f = formats[i]
		}
		rd.Fields[i] = pgproto3.FieldDescription{
			Name:                 []byte(col.Name),
			TableOID:             col.TableOID,
			TableAttributeNumber: uint16(col.AttrNum),
			DataTypeOID:          col.TypeOID,
			DataTypeSize:         size,
			TypeModifier:         mod,
			Format:               f,
		}
	}
	return rd
}

func (c *conn) describe(m *pgproto3.Describe) error {
	switch m.ObjectType {
	case 'S':
		ps, ok := c.stmts[m.Name]
		if !ok {
			return stmtNotFound(m.Name)
		}
		c.send(&pgproto3.ParameterDescription{ParameterOIDs: append([]uint32(nil), ps.paramOIDs...)}, 8+4*len(ps.paramOIDs))
		if ps.cols == nil {
			return c.send(&pgproto3.NoData{}, 5)
		}
		return c.send(rowDescription(ps.cols, nil), 32*len(ps.cols))
	case 'P':
		p, ok := c.portals[m.Name]
		if !ok {
			return newErr(codeUndefinedCursor, "portal %q does not exist", m.Name)
		}
		if p.cols == nil {
			return c.send(&pgproto3.NoData{}, 5)
		}
		return c.send(rowDescription(p.cols, columnFormats(p.formats, len(p.cols))), 32*len(p.cols))
	default:
		return newErr(codeProtocolViolation, "invalid DESCRIBE message subtype %d", m.ObjectType)
	}
}

func (c *conn) closeMsg(m *pgproto3.Close) error {
	switch m.ObjectType {
	case 'S':
		if ps, ok := c.stmts[m.Name]; ok {
			ps.stmt.Close()
			delete(c.stmts, m.Name)
		}
	case 'P':
		delete(c.portals, m.Name)
	default:
		return newErr(codeProtocolViolation, "invalid CLOSE message subtype %d", m.ObjectType)
	}
	return c.send(&pgproto3.CloseComplete{}, 5)
}

func (c *conn) execute(m *pgproto3.Execute) error {
	p, ok := c.portals[m.Portal]
	if !ok {
		return newErr(codeUndefinedCursor, "portal %q does not exist", m.Portal)
	}
	max := int(int32(m.MaxRows))
	if !p.started {
		p.started = true
		w := &writer{c: c, portal: p, buffer: max > 0}
		if p.cols != nil {
			w.cols = p.cols
			w.formats = columnFormats(p.formats, len(p.cols))
		}
		if ps, ok := c.sess.(PipelineSession); ok {
			ps.PipelineHint(c.fr.nextType() == 'S')
		}
		ctx, done := c.stmtContext()
		err := p.ps.stmt.Execute(ctx, p.args, w)
		done()
		if err == nil && w.err != nil {
			err = w.err
		}
		if w.ioErr != nil {
			return connFatal{w.ioErr}
		}
		if err != nil {
			w.abortCopy()
			p.done = true
			return err
		}
		if !w.buffer {
			p.done = true
			if !w.any {
				return c.send(&pgproto3.EmptyQueryResponse{}, 5)
			}
			return nil
		}
		p.tag = w.tag
		p.empty = !w.any
	}
	if p.done && len(p.rows) == 0 {
		// Executing an exhausted portal: nothing more to fetch.
		return c.send(&pgproto3.CommandComplete{CommandTag: []byte(retag(p.tag, 0))}, 16)
	}
	if p.empty {
		p.done = true
		p.empty = false
		return c.send(&pgproto3.EmptyQueryResponse{}, 5)
	}
	n := len(p.rows)
	if max > 0 && max < n {
		n = max
	}
	for _, r := range p.rows[:n] {
		if err := c.send(&pgproto3.DataRow{Values: r}, rowSize(r)); err != nil {
			return connFatal{err}
		}
	}
	p.rows = p.rows[n:]
	if max > 0 && n == max {
		// Like PostgreSQL, a fetch that filled its row limit suspends the
		// portal even when no rows remain.
		return c.send(&pgproto3.PortalSuspended{}, 5)
	}
	p.done = true
	p.rows = nil
	return c.send(&pgproto3.CommandComplete{CommandTag: []byte(retag(p.tag, n))}, 16)
}

// retag replaces the row count of a SELECT/FETCH tag with n (the rows
// returned by one Execute of a row-limited portal).
func retag(tag string, n int) string {
	for _, verb := range []string{"SELECT ", "FETCH ", "MOVE "} {
		if strings.HasPrefix(tag, verb) {
			return fmt.Sprintf("%s%d", verb, n)
		}
	}
	return tag
}

func rowSize(r [][]byte) int {
	n := 7 + 4*len(r)
	for _, v := range r {
		n += len(v)
	}
	return n
}
