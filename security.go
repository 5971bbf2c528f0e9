package raftsql

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"sync/atomic"
	"time"

	"github.com/raftsql/raftsql/pgwire"
)

// Client authentication and the limits that protect the PostgreSQL port.
//
// Two methods, as PostgreSQL's pg_hba names them:
//   - trust: every client is who it says it is. The default only when the
//     PostgreSQL port listens on a loopback address; elsewhere it must be
//     asked for (AuthTrust explicitly), because anyone who can reach the
//     port would own the database.
//   - scram: SCRAM-SHA-256 against the replicated roles (CREATE ROLE ...
//     PASSWORD, stored as verifiers) and the bootstrap superuser, whose
//     password the node is given at start (Config.SuperuserPassword) and
//     keeps only as a verifier, in memory. Once the bootstrap superuser
//     has a replicated row (ALTER ROLE it PASSWORD ...) the row wins, on
//     every node alike.
//
// Under trust, a user without a replicated row is a superuser (nothing
// could stop it from connecting as one); a user with a row has its row's
// attributes.

// Client authentication methods (Config.Auth).
const (
	AuthTrust = "trust"
	AuthSCRAM = "scram"
)

// DefaultSuperuser is the bootstrap superuser's name (Config.Superuser).
const DefaultSuperuser = "postgres"

// setSecurityDefaults resolves Config.Auth and checks what it needs.
func (c *Config) setSecurityDefaults() error {
	if c.Superuser == "" {
		c.Superuser = DefaultSuperuser
	}
	switch {
	case c.HBAFile != "" && c.Auth != "":
		return &FieldError{Field: "Auth", Err: errors.New("a host-based authentication file decides the method: do not set both")}
	case c.HBAFile != "":
		// The file names the methods; the bootstrap superuser's password
		// is needed only if it logs in by scram-sha-256.
	case c.Auth == "":
		c.Auth = AuthSCRAM
		if isLoopback(c.PGListen) {
			c.Auth = AuthTrust
		}
	case c.Auth == AuthTrust, c.Auth == AuthSCRAM:
	default:
		return &FieldError{Field: "Auth", Err: fmt.Errorf("unknown authentication method %q: use %q or %q", c.Auth, AuthTrust, AuthSCRAM)}
	}
	if c.Auth == AuthSCRAM && c.SuperuserPassword == "" {
		return &FieldError{Field: "SuperuserPassword", Err: errors.New("scram authentication needs the superuser's password (a file or the RAFTSQL_PASSWORD environment variable)")}
	}
	if c.ReservedConnections < 0 || c.MaxConnections > 0 && c.ReservedConnections >= c.MaxConnections {
		return &FieldError{Field: "ReservedConnections", Err: fmt.Errorf("%d reserved connections of %d: must be at least 0 and fewer than the maximum", c.ReservedConnections, c.MaxConnections)}
	}
	return nil
}

// isLoopback reports whether a listen address accepts only local clients.
func isLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// clientAuth is the node's authentication state.
type clientAuth struct {
	n         *Node
	method    string // AuthTrust, AuthSCRAM or "hba" (Config.HBAFile)
	superuser string
	bootstrap *pgwire.SCRAMVerifier // nil: no password given
	hbaFile   string
	rules     atomic.Pointer[pgwire.HBA]
}

func newClientAuth(n *Node, cfg Config) (*clientAuth, error) {
	a := &clientAuth{n: n, method: cfg.Auth, superuser: cfg.Superuser, hbaFile: cfg.HBAFile}
	if cfg.SuperuserPassword != "" {
		v, err := pgwire.NewSCRAMVerifier(cfg.SuperuserPassword, 0, nil)
		if err != nil {
			return nil, fmt.Errorf("raftsql: superuser password: %w", err)
		}
		a.bootstrap = &v
	}
	if a.hbaFile != "" {
		a.method = "hba"
		h, err := readHBAFile(a.hbaFile)
		if err != nil {
			return nil, err
		}
		a.rules.Store(h)
	} else {
		a.rules.Store(derivedHBA(cfg.Auth, cfg.TLS != nil))
	}
	return a, nil
}

// authenticator is what pgwire runs between the startup message and
// AuthenticationOk: always host-based rules, from the file or derived.
func (a *clientAuth) authenticator() pgwire.Authenticator {
	return pgwire.HBAAuth{Rules: a.rules.Load, SCRAM: pgwire.SCRAMAuth{Verifier: a.verifier}}
}

const roleLookupTimeout = 5 * time.Second

// verifier returns the SCRAM verifier user logs in with.
func (a *clientAuth) verifier(user string) (pgwire.SCRAMVerifier, bool) {
	ctx, cancel := context.WithTimeout(context.Background(), roleLookupTimeout)
	defer cancel()
	r, ok, err := a.n.db.LookupRole(ctx, user)
	if err != nil {
		a.n.log.Warn("role lookup failed", "user", user, "err", err)
		return pgwire.SCRAMVerifier{}, false
	}
	if ok {
		if !r.Login || r.Verifier == "" {
			return pgwire.SCRAMVerifier{}, false
		}
		v, err := pgwire.ParseSCRAMVerifier(r.Verifier)
		return v, err == nil
	}
	if user == a.superuser && a.bootstrap != nil {
		return *a.bootstrap, true
	}
	return pgwire.SCRAMVerifier{}, false
}

// isSuperuser reports whether user may run admin SQL, change roles and use
// the reserved connection slots.
func (a *clientAuth) isSuperuser(user string) bool {
	ctx, cancel := context.WithTimeout(context.Background(), roleLookupTimeout)
	defer cancel()
	r, ok, err := a.n.db.LookupRole(ctx, user)
	if err != nil {
		a.n.log.Warn("role lookup failed", "user", user, "err", err)
		return false
	}
	if ok {
		return r.Superuser
	}
	return user == a.superuser || a.method == AuthTrust
}

// clientTLS returns cfg.TLS with the minimum version raftsql accepts.
func clientTLS(cfg Config) *tls.Config {
	if cfg.TLS == nil {
		return nil
	}
	t := cfg.TLS.Clone()
	if t.MinVersion < tls.VersionTLS12 {
		t.MinVersion = tls.VersionTLS12
	}
	return t
}
