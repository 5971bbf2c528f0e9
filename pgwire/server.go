package pgwire

import (
	"context"
	"crypto/tls"
	"errors"
	"io"
	"log/slog"
	"net"
	"sync"
	"sync/atomic"
	"time"
)

// Defaults applied by NewServer to zero Config fields.
const (
	DefaultMaxMessageSize   = 64 << 20
	DefaultMaxStartupPacket = 10 << 10
	DefaultMaxConnections   = 200
	DefaultStartupTimeout   = 10 * time.Second
	DefaultMaxResultBuffer  = 64 << 20
)

// ErrServerClosed is returned by Serve and ListenAndServe after Close.
var ErrServerClosed = errors.New("pgwire: server closed")

// Config configures a Server.
type Config struct {
	// Engine creates one Session per client connection. Required.
	Engine Engine
	// Logger receives connection-level events; nil uses slog.Default().
	Logger *slog.Logger
	// MaxMessageSize bounds the body of one frontend message (default 64 MiB).
	MaxMessageSize int
	// MaxResultBuffer bounds the encoded rows one connection holds for
	// row-limited Executes (default 64 MiB): such an Execute runs its
	// statement to the end and keeps the rows for the following fetches,
	// so beyond the bound it fails with 54000. Every other result streams
	// to the client through a 64 KiB buffer, whatever its size.
	MaxResultBuffer int
	// MaxStartupPacket bounds the startup packet (default 10 KiB).
	MaxStartupPacket int
	// MaxConnections bounds concurrently established sessions (default 200).
	MaxConnections int
	// StartupTimeout bounds the time from accept to the end of
	// authentication (default 10s).
	StartupTimeout time.Duration
	// ServerVersion, when set, is reported as server_version at startup
	// unless the session reports its own (Session.ParameterStatus wins).
	// pgwire has no version of its own: the SQL engine owns it. psql
	// chooses its catalog queries from it, so keep it a dotted 15.x.
	ServerVersion string
	// TLSConfig enables TLS: SSLRequest is answered 'S'. nil answers 'N'.
	TLSConfig *tls.Config
	// Auth authenticates a client after the startup message; nil is trust
	// (AuthenticationOk straight away).
	Auth Authenticator
	// IdleSessionTimeout closes a session that waits longer than this for
	// its next message outside a transaction (57P05; 0: never), as
	// PostgreSQL's idle_session_timeout.
	IdleSessionTimeout time.Duration
	// ReservedConnections of MaxConnections are kept for superusers
	// (IsSuperuser), as PostgreSQL's superuser_reserved_connections: an
	// administrator can still connect to a server full of clients.
	ReservedConnections int
	// IsSuperuser reports whether an authenticated user may use a
	// reserved slot; nil: nobody.
	IsSuperuser func(user string) bool
	// Observe, when set, is called after each statement runs (simple
	// Query, or Execute of a portal's first batch) with its command tag
	// (the last one of a multi-statement Query; "" when it failed before
	// completing), its error and how long it ran. It runs on the session's
	// goroutine, so it must be quick (metrics).
	Observe func(tag string, err error, elapsed time.Duration)
}

// Stats are the server's session counts.
type Stats struct {
	Sessions      int // established (authenticated) sessions
	InTransaction int // of them, those inside a transaction block
}

// Stats returns the server's session counts.
func (s *Server) Stats() Stats {
	st := Stats{Sessions: int(s.active.Load())}
	s.mu.Lock()
	for c := range s.conns {
		if c.inTx.Load() {
			st.InTransaction++
		}
	}
	s.mu.Unlock()
	return st
}

// Server is a PostgreSQL v3 wire protocol server.
type Server struct {
	cfg Config
	log *slog.Logger

	ctx    context.Context // cancelled by Close
	cancel context.CancelFunc

	mu        sync.Mutex
	closed    bool
	listeners map[net.Listener]struct{}
	conns     map[*conn]struct{}
	byPID     map[uint32]*conn

	wg      sync.WaitGroup
	nextPID atomic.Uint32
	active  atomic.Int64
}

// NewServer returns a server for cfg, with defaults filled in.
func NewServer(cfg Config) *Server {
	if cfg.MaxMessageSize <= 0 {
		cfg.MaxMessageSize = DefaultMaxMessageSize
	}
	if cfg.MaxResultBuffer <= 0 {
		cfg.MaxResultBuffer = DefaultMaxResultBuffer
	}
	if cfg.MaxStartupPacket <= 0 {
		cfg.MaxStartupPacket = DefaultMaxStartupPacket
	}
	if cfg.MaxConnections <= 0 {
		cfg.MaxConnections = DefaultMaxConnections
	}
	if cfg.StartupTimeout <= 0 {
		cfg.StartupTimeout = DefaultStartupTimeout
	}
	if cfg.Auth == nil {
		cfg.Auth = TrustAuth{}
	}
	log := cfg.Logger
	if log == nil {
		log = slog.Default()
	}
	ctx, cancel := context.WithCancel(context.Background())
	s := &Server{
		cfg:       cfg,
		log:       log,
		ctx:       ctx,
		cancel:    cancel,
		listeners: make(map[net.Listener]struct{}),
		conns:     make(map[*conn]struct{}),
		byPID:     make(map[uint32]*conn),
	}
	// Start PIDs somewhere that does not look like 0 or 1.
	s.nextPID.Store(uint32(time.Now().UnixNano()%20000) + 1000)
	return s
}

// ListenAndServe listens on the TCP address addr and calls Serve.
func (s *Server) ListenAndServe(ctx context.Context, addr string) error {
	var lc net.ListenConfig
	l, err := lc.Listen(ctx, "tcp", addr)
	if err != nil {
		return err
	}
	return s.Serve(ctx, l)
}

// Serve accepts connections on l until ctx is cancelled, Close is called
// or Accept fails permanently. It closes l. Connections accepted by Serve
// are cancelled when ctx is; Close waits for them.
func (s *Server) Serve(ctx context.Context, l net.Listener) error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		l.Close()
		return ErrServerClosed
	}
	s.listeners[l] = struct{}{}
	s.wg.Add(1)
	s.mu.Unlock()
	defer s.wg.Done()

	// Merge the caller's context with the server's.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	stop := context.AfterFunc(s.ctx, cancel)
	defer stop()
	stopL := context.AfterFunc(ctx, func() { l.Close() })
	defer stopL()

	defer func() {
		s.mu.Lock()
		delete(s.listeners, l)
		s.mu.Unlock()
		l.Close()
	}()

	var backoff time.Duration
	for {
		nc, err := l.Accept()
		if err != nil {
			if s.ctx.Err() != nil {
				return ErrServerClosed
			}
			if ctx.Err() != nil {
				return ctx.Err()
			}
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() || isTemporary(err) {
				if backoff == 0 {
					backoff = 5 * time.Millisecond
				} else if backoff *= 2; backoff > time.Second {
					backoff = time.Second
				}
				s.log.Warn("pgwire: accept error", "err", err, "retry_in", backoff)
				select {
				case <-time.After(backoff):
				case <-ctx.Done():
				}
				continue
			}
			return err
		}
		backoff = 0
		if !s.startConn(ctx, nc) {
			nc.Close()
		}
	}
}

func isTemporary(err error) bool {
	var t interface{ Temporary() bool }
	return errors.As(err, &t) && t.Temporary()
}

// ServeConn serves one already accepted connection and returns when it
// ends. Useful for tests and for embedding over custom transports.
func (s *Server) ServeConn(ctx context.Context, nc net.Conn) {
	c := s.newConn(ctx, nc)
	if c == nil {
		nc.Close()
		return
	}
	defer s.wg.Done()
	c.serve()
}

func (s *Server) startConn(ctx context.Context, nc net.Conn) bool {
	c := s.newConn(ctx, nc)
	if c == nil {
		return false
	}
	go func() {
		defer s.wg.Done()
		c.serve()
	}()
	return true
}

// newConn registers a connection; the caller must call s.wg.Done when it ends.
func (s *Server) newConn(ctx context.Context, nc net.Conn) *conn {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	cctx, cancel := context.WithCancel(ctx)
	stop := context.AfterFunc(s.ctx, cancel)
	c := &conn{
		srv:     s,
		nc:      nc,
		raw:     nc,
		ctx:     cctx,
		cancel:  func() { stop(); cancel() },
		stmts:   make(map[string]*prepared),
		portals: make(map[string]*portal),
	}
	s.conns[c] = struct{}{}
	s.wg.Add(1)
	return c
}

func (s *Server) removeConn(c *conn) {
	s.mu.Lock()
	delete(s.conns, c)
	if c.pid != 0 && s.byPID[c.pid] == c {
		delete(s.byPID, c.pid)
	}
	s.mu.Unlock()
}

func (s *Server) registerPID(c *conn) {
	s.mu.Lock()
	for {
		pid := s.nextPID.Add(1)
		if pid == 0 {
			continue
		}
		if _, used := s.byPID[pid]; used {
			continue
		}
		c.pid = pid
		s.byPID[pid] = c
		break
	}
	s.mu.Unlock()
}

// cancelRequest handles a CancelRequest: a matching (pid, secret) cancels
// the statement running on that connection; anything else is ignored.
func (s *Server) cancelRequest(pid uint32, secret []byte) {
	s.mu.Lock()
	c := s.byPID[pid]
	s.mu.Unlock()
	if c == nil || !c.secretMatches(secret) {
		s.log.Debug("pgwire: ignoring cancel request", "pid", pid)
		return
	}
	c.cancelStatement()
}

// Close stops accepting connections, cancels running statements, closes
// every client connection and waits for all goroutines of the server.
func (s *Server) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		s.wg.Wait()
		return nil
	}
	s.closed = true
	ls := make([]net.Listener, 0, len(s.listeners))
	for l := range s.listeners {
		ls = append(ls, l)
	}
	s.mu.Unlock()
	s.cancel()
	for _, l := range ls {
		l.Close()
	}
	done := make(chan struct{})
	go func() { s.wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		// Connections that do not wake up from the cancelled context (a
		// session ignoring ctx, a peer not reading): force them.
		s.mu.Lock()
		for c := range s.conns {
			c.raw.Close()
		}
		s.mu.Unlock()
		<-done
	}
	return nil
}

// Addr-less helpers for tests.
var _ io.Closer = (*Server)(nil)
