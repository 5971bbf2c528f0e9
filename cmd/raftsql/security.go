package main

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/raftsql/raftsql"
	"github.com/raftsql/raftsql/raft/transport"
)

// securityFlags are serve's flags for authentication, TLS and the limits
// that protect the PostgreSQL port.
type securityFlags struct {
	auth, superuser, passwordFile *string
	tlsCert, tlsKey, tlsClientCA  *string
	hbaFile                       *string
	peerCert, peerKey, peerCA     *string
	idleSession, authTimeout      *time.Duration
	reserved                      *int
	joinTokenFile                 *string
}

// passwordEnv is the environment variable that may hold the bootstrap
// superuser's password (a file is better: the environment of a process
// is readable by its user's other processes).
const passwordEnv = "RAFTSQL_PASSWORD"

func addSecurityFlags(fs *flag.FlagSet) *securityFlags {
	return &securityFlags{
		auth:          fs.String("auth", "", "client authentication: trust or scram (default: trust when --pg-listen is a loopback address, scram otherwise; trust elsewhere must be asked for)"),
		superuser:     fs.String("superuser", raftsql.DefaultSuperuser, "name of the bootstrap superuser"),
		passwordFile:  fs.String("superuser-password-file", "", "file holding the bootstrap superuser's password (scram; default: the "+passwordEnv+" environment variable)"),
		tlsCert:       fs.String("tls-cert", "", "PEM certificate for TLS on the PostgreSQL port (with --tls-key)"),
		tlsKey:        fs.String("tls-key", "", "PEM private key of --tls-cert"),
		tlsClientCA:   fs.String("tls-client-ca", "", "PEM CA bundle: TLS clients must present a certificate it signed"),
		hbaFile:       fs.String("hba-file", "", "host-based authentication file (a subset of pg_hba.conf: host|hostssl|hostnossl DATABASE USER ADDRESS trust|scram-sha-256|cert|reject; first match wins, no match is refused); re-read on SIGHUP; exclusive with --auth"),
		peerCert:      fs.String("peer-tls-cert", "", "PEM certificate this node presents to its peers (mutual TLS; with --peer-tls-key and --peer-tls-ca)"),
		peerKey:       fs.String("peer-tls-key", "", "PEM private key of --peer-tls-cert"),
		peerCA:        fs.String("peer-tls-ca", "", "PEM cluster CA: peers must present a certificate it signed"),
		idleSession:   fs.Duration("idle-session-timeout", 0, "close client sessions idle (outside a transaction) for longer than this (0: never)"),
		authTimeout:   fs.Duration("authentication-timeout", 10*time.Second, "time a client has from connecting to the end of authentication"),
		reserved:      fs.Int("reserved-connections", 3, "connection slots of --max-connections kept for superusers (0 when --max-connections is 3 or less and this is not set)"),
		joinTokenFile: fs.String("join-token-file", "", "file holding the cluster's join token (SHOW raftsql.join_token on a member, as a superuser): required with --join"),
	}
}

// apply sets cfg's security fields from the flags.
func (f *securityFlags) apply(fs *flag.FlagSet, cfg *raftsql.Config, getenv func(string) string) error {
	cfg.Auth, cfg.Superuser, cfg.HBAFile = *f.auth, *f.superuser, *f.hbaFile
	switch {
	case *f.passwordFile != "":
		b, err := os.ReadFile(*f.passwordFile)
		if err != nil {
			return fmt.Errorf("--superuser-password-file: %w", err)
		}
		cfg.SuperuserPassword = strings.TrimRight(string(b), "\r\n")
		if cfg.SuperuserPassword == "" {
			return fmt.Errorf("--superuser-password-file %s is empty", *f.passwordFile)
		}
	default:
		cfg.SuperuserPassword = getenv(passwordEnv)
	}
	if *f.joinTokenFile != "" {
		b, err := os.ReadFile(*f.joinTokenFile)
		if err != nil {
			return fmt.Errorf("--join-token-file: %w", err)
		}
		if cfg.JoinToken = strings.TrimSpace(string(b)); cfg.JoinToken == "" {
			return fmt.Errorf("--join-token-file %s is empty", *f.joinTokenFile)
		}
	}
	if (*f.tlsCert == "") != (*f.tlsKey == "") || *f.tlsClientCA != "" && *f.tlsCert == "" {
		return errors.New("--tls-cert and --tls-key go together (and --tls-client-ca needs them)")
	}
	if *f.tlsCert != "" {
		cert, err := tls.LoadX509KeyPair(*f.tlsCert, *f.tlsKey)
		if err != nil {
			return fmt.Errorf("--tls-cert/--tls-key: %w", err)
		}
		cfg.TLS = &tls.Config{Certificates: []tls.Certificate{cert}}
		if *f.tlsClientCA != "" {
			pem, err := os.ReadFile(*f.tlsClientCA)
			if err != nil {
				return fmt.Errorf("--tls-client-ca: %w", err)
			}
			pool := x509.NewCertPool()
			if !pool.AppendCertsFromPEM(pem) {
				return fmt.Errorf("--tls-client-ca %s: no PEM certificate in it", *f.tlsClientCA)
			}
			cfg.TLS.ClientCAs, cfg.TLS.ClientAuth = pool, tls.RequireAndVerifyClientCert
			if cfg.HBAFile != "" {
				// The rules say who needs a certificate (cert lines), as
				// in PostgreSQL: one given is always verified.
				cfg.TLS.ClientAuth = tls.VerifyClientCertIfGiven
			}
		}
	}
	switch n := btoi(*f.peerCert != "") + btoi(*f.peerKey != "") + btoi(*f.peerCA != ""); n {
	case 0:
	case 3:
		p, err := transport.LoadPeerTLS(*f.peerCert, *f.peerKey, *f.peerCA)
		if err != nil {
			return fmt.Errorf("--peer-tls-*: %w", err)
		}
		cfg.PeerTLS = p
	default:
		return errors.New("--peer-tls-cert, --peer-tls-key and --peer-tls-ca go together")
	}
	cfg.IdleSessionTimeout = *f.idleSession
	if *f.authTimeout <= 0 || *f.idleSession < 0 {
		return errors.New("--authentication-timeout must be positive and --idle-session-timeout not negative")
	}
	cfg.AuthenticationTimeout = *f.authTimeout
	cfg.ReservedConnections = *f.reserved
	explicit := false
	fs.Visit(func(fl *flag.Flag) { explicit = explicit || fl.Name == "reserved-connections" })
	if !explicit && cfg.MaxConnections <= cfg.ReservedConnections {
		cfg.ReservedConnections = 0
	}
	return nil
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
