package raftsql

import (
	"errors"
	"fmt"
	"net/netip"
	"os"

	"github.com/raftsql/raftsql/pgwire"
)

// Host-based rules for PostgreSQL clients. With Config.HBAFile the file
// decides (pgwire/hba.go has the syntax). Without it the rules are derived
// from Config.Auth and Config.TLS, so one code path authenticates every
// client:
//
//   - without TLS: every address, Auth's method (today's behaviour);
//   - with TLS: loopback clients may skip TLS, every other client must use
//     it (a hostssl line). Configured TLS cannot then be bypassed by a
//     client that never sends SSLRequest: it gets 28000 "no pg_hba.conf
//     entry ... no encryption", as from a PostgreSQL server whose
//     pg_hba.conf has only hostssl lines for remote hosts.

// derivedHBA returns the rules used without an HBA file.
func derivedHBA(auth string, tls bool) *pgwire.HBA {
	method := pgwire.HBATrust
	if auth == AuthSCRAM {
		method = pgwire.HBASCRAM
	}
	if !tls {
		return &pgwire.HBA{Rules: []pgwire.HBARule{{Type: "host", Method: method}}}
	}
	v4, v6 := netip.MustParsePrefix("127.0.0.0/8"), netip.MustParsePrefix("::1/128")
	return &pgwire.HBA{Rules: []pgwire.HBARule{
		{Type: "host", Prefix: &v4, Method: method},
		{Type: "host", Prefix: &v6, Method: method},
		{Type: "hostssl", Method: method},
	}}
}

func readHBAFile(path string) (*pgwire.HBA, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("raftsql: host-based authentication file: %w", err)
	}
	defer f.Close()
	h, err := pgwire.ParseHBA(f, path)
	if err != nil {
		return nil, fmt.Errorf("raftsql: host-based authentication file: %w", err)
	}
	return h, nil
}

// ReloadHBA re-reads Config.HBAFile; the new rules apply to the clients
// that connect from now on (as PostgreSQL's pg_hba.conf on SIGHUP). A file
// that does not parse is refused and the rules in force stay.
func (n *Node) ReloadHBA() error {
	a := n.clientAuth
	if a == nil || a.hbaFile == "" {
		return errors.New("raftsql: no host-based authentication file to reload")
	}
	h, err := readHBAFile(a.hbaFile)
	if err != nil {
		return err
	}
	a.rules.Store(h)
	n.log.Info("host-based authentication rules reloaded", "file", a.hbaFile, "rules", len(h.Rules))
	return nil
}
