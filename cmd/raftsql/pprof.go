package main

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"runtime"
	"time"
)

// startPprof serves Go's runtime profiles (CPU, heap, allocations, mutex,
// block, goroutines) on addr, a loopback address, for benchmarking (see
// bench/compare.sh). Mutex and block profiling are switched on only here,
// since they cost a little on every contended lock and blocking call.
// The returned function stops the server.
func startPprof(addr string, log *slog.Logger) (func(), error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("--pprof-addr %q: %w", addr, err)
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		// Profiles expose the process's internals: loopback only.
		return nil, fmt.Errorf("--pprof-addr %q: must be a loopback IP address", addr)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("--pprof-addr: %w", err)
	}
	runtime.SetMutexProfileFraction(100)
	runtime.SetBlockProfileRate(int(100 * time.Microsecond))
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("pprof server", "err", err)
		}
	}()
	return func() { srv.Close() }, nil
}

// pprofFlag starts the profile server of --pprof-addr when it is set; on
// failure it reports to stderr as command and returns false.
func pprofFlag(addr string, log *slog.Logger, stderr io.Writer, command string) (stop func(), ok bool) {
	if addr == "" {
		return func() {}, true
	}
	stop, err := startPprof(addr, log)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", command, err)
		return nil, false
	}
	return stop, true
}
