package adminhttp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"runtime"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Source is what the admin server needs from a node.
type Source interface {
	// Readiness answers /readyz; it must not block for long.
	Readiness(ctx context.Context) Readiness
	// Status answers / and /status.json.
	Status(ctx context.Context) (Status, error)
}

// Config configures a Server.
type Config struct {
	// Listener is where the server listens (the operator's address; tests
	// bind 127.0.0.1:0). The server owns it and closes it on Shutdown.
	Listener net.Listener
	Source   Source
	// Gatherer is the node's metrics registry, served at /metrics.
	Gatherer prometheus.Gatherer
	// Pprof exposes net/http/pprof under /debug/pprof/.
	Pprof  bool
	Logger *slog.Logger
}

// requestTimeout bounds how long one request waits for the node.
const requestTimeout = 5 * time.Second

// Server is a running admin HTTP server.
type Server struct {
	cfg  Config
	http *http.Server
	done chan struct{}
}

// Start serves cfg.Listener until Shutdown.
func Start(cfg Config) *Server {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	s := &Server{cfg: cfg, done: make(chan struct{})}
	s.http = &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          slog.NewLogLogger(cfg.Logger.Handler(), slog.LevelWarn),
	}
	go func() {
		defer close(s.done)
		if err := s.http.Serve(cfg.Listener); err != nil && !errors.Is(err, http.ErrServerClosed) {
			cfg.Logger.Error("admin http server stopped", "err", err)
		}
	}()
	return s
}

// Addr is the address the server listens on.
func (s *Server) Addr() net.Addr { return s.cfg.Listener.Addr() }

// Shutdown stops accepting requests and waits for those in flight (until
// ctx ends, then closes them).
func (s *Server) Shutdown(ctx context.Context) error {
	err := s.http.Shutdown(ctx)
	if err != nil {
		s.http.Close()
	}
	<-s.done
	return err
}

// Handler returns the server's routes.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(s.cfg.Gatherer, promhttp.HandlerOpts{ErrorLog: slog.NewLogLogger(s.cfg.Logger.Handler(), slog.LevelWarn)}))
	mux.HandleFunc("GET /livez", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "ok")
	})
	mux.HandleFunc("GET /readyz", s.readyz)
	mux.HandleFunc("GET /status.json", s.statusJSON)
	mux.HandleFunc("GET /{$}", s.page)
	if s.cfg.Pprof {
		// The mutex and block profiles are empty unless sampled; they
		// cost a little on every contended lock and blocking call, so
		// only a node asked for profiles pays it.
		runtime.SetMutexProfileFraction(100)
		runtime.SetBlockProfileRate(int(100 * time.Microsecond))
		mux.HandleFunc("GET /debug/pprof/", pprof.Index)
		mux.HandleFunc("GET /debug/pprof/cmdline", pprof.Cmdline)
		mux.HandleFunc("GET /debug/pprof/profile", pprof.Profile)
		mux.HandleFunc("GET /debug/pprof/symbol", pprof.Symbol)
		mux.HandleFunc("GET /debug/pprof/trace", pprof.Trace)
	}
	return mux
}

// readyz answers 200 "ready" or 503 with the one-line reason; ?format=json
// (or Accept: application/json) answers the Readiness as JSON instead.
func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), requestTimeout)
	defer cancel()
	rd := s.cfg.Source.Readiness(ctx)
	code := http.StatusOK
	if !rd.Ready {
		code = http.StatusServiceUnavailable
	}
	w.Header().Set("Cache-Control", "no-store")
	if r.URL.Query().Get("format") == "json" || r.Header.Get("Accept") == "application/json" {
		writeJSON(w, code, rd)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(code)
	if rd.Ready {
		fmt.Fprintln(w, "ready")
		return
	}
	fmt.Fprintf(w, "not ready: %s\n", rd.Reason)
}

func (s *Server) status(r *http.Request) (Status, error) {
	ctx, cancel := context.WithTimeout(r.Context(), requestTimeout)
	defer cancel()
	return s.cfg.Source.Status(ctx)
}

func (s *Server) statusJSON(w http.ResponseWriter, r *http.Request) {
	st, err := s.status(r)
	if err != nil {
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"error": err.Error()})
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, st)
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}
