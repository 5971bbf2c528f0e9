package pgwire

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/netip"
	"strings"
)

// Host-based authentication: a subset of PostgreSQL's pg_hba.conf.
//
// Each non-blank, non-comment line is
//
//	TYPE  DATABASE  USER  ADDRESS  METHOD
//
// TYPE is host (TLS or not), hostssl (TLS only) or hostnossl (plaintext
// only); local lines are skipped (the server listens only on TCP).
// DATABASE and USER are "all" or a comma-separated list of names. ADDRESS is
// "all" or an IP address range in CIDR form (10.0.0.0/8, ::1/128). METHOD is
// trust, scram-sha-256 (md5 is accepted as its synonym: PostgreSQL runs
// SCRAM for md5 lines when the stored password is a SCRAM verifier, and
// raftsql stores nothing else), cert (hostssl only: the client's verified
// certificate's CN must be the user name) or reject. Anything else is an
// error when the file is read, never a surprise at login: options after the
// method, host names, samehost/samenet, @file includes, quoted names and
// +group users are refused.
//
// The first line matching the connection's type, database, user and
// address decides; no matching line rejects the client with 28000 and the
// message PostgreSQL uses, naming host, user, database and encryption.

// HBA methods.
const (
	HBATrust = "trust"
	HBASCRAM = "scram-sha-256"
	HBACert  = "cert"
	HBARej   = "reject"
)

// HBARule is one line of a host-based authentication file.
type HBARule struct {
	Line      int    // 1-based line in its file, for messages
	Type      string // host, hostssl, hostnossl
	Databases []string
	Users     []string      // nil: all
	Prefix    *netip.Prefix // nil: all addresses
	Method    string
}

// HBA is a parsed host-based authentication file, rules in file order.
type HBA struct{ Rules []HBARule }

// ParseHBA reads rules in the pg_hba.conf subset above; name labels errors.
func ParseHBA(r io.Reader, name string) (*HBA, error) {
	h := &HBA{}
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		text, _, _ := strings.Cut(sc.Text(), "#")
		f := strings.Fields(text)
		if len(f) == 0 || f[0] == "local" {
			continue
		}
		bad := func(format string, args ...any) (*HBA, error) {
			return nil, fmt.Errorf("%s:%d: %s", name, line, fmt.Sprintf(format, args...))
		}
		if len(f) != 5 {
			return bad("want TYPE DATABASE USER ADDRESS METHOD (5 fields), got %d", len(f))
		}
		rule := HBARule{Line: line, Type: f[0], Method: f[4]}
		switch rule.Type {
		case "host", "hostssl", "hostnossl":
		default:
			return bad("unsupported connection type %q: use host, hostssl or hostnossl", rule.Type)
		}
		var err error
		if rule.Databases, err = hbaNames(f[1]); err != nil {
			return bad("database: %v", err)
		}
		if rule.Users, err = hbaNames(f[2]); err != nil {
			return bad("user: %v", err)
		}
		if f[3] != "all" {
			p, err := netip.ParsePrefix(f[3])
			if err != nil {
				return bad("address %q: want all or an address range in CIDR form (10.0.0.0/8)", f[3])
			}
			p = p.Masked()
			rule.Prefix = &p
		}
		switch rule.Method {
		case "md5":
			rule.Method = HBASCRAM
		case HBATrust, HBASCRAM, HBARej:
		case HBACert:
			if rule.Type != "hostssl" {
				return bad("cert authentication is only supported on hostssl connections")
			}
		default:
			return bad("unsupported authentication method %q: use trust, scram-sha-256, cert or reject", rule.Method)
		}
		h.Rules = append(h.Rules, rule)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return h, nil
}

// hbaNames parses a DATABASE or USER field: nil means all.
func hbaNames(s string) ([]string, error) {
	if s == "all" {
		return nil, nil
	}
	names := strings.Split(s, ",")
	for _, n := range names {
		if n == "" || strings.ContainsAny(n, `"@+/`) || n == "all" || n == "sameuser" || n == "samerole" || n == "replication" {
			return nil, fmt.Errorf("unsupported name %q: use all or a comma-separated list of plain names", n)
		}
	}
	return names, nil
}

// Match returns the first rule for a client at addr (ssl: it negotiated
// TLS) connecting as user to db, or nil.
func (h *HBA) Match(addr net.Addr, ssl bool, user, db string) *HBARule {
	ip, ok := addrIP(addr)
	for i := range h.Rules {
		r := &h.Rules[i]
		switch {
		case r.Type == "hostssl" && !ssl, r.Type == "hostnossl" && ssl:
			continue
		case r.Databases != nil && !contains(r.Databases, db), r.Users != nil && !contains(r.Users, user):
			continue
		case r.Prefix != nil && (!ok || !r.Prefix.Contains(ip)):
			continue
		}
		return r
	}
	return nil
}

func addrIP(a net.Addr) (netip.Addr, bool) {
	var ip net.IP
	switch a := a.(type) {
	case *net.TCPAddr:
		ip = a.IP
	default:
		if a == nil {
			return netip.Addr{}, false
		}
		host, _, err := net.SplitHostPort(a.String())
		if err != nil {
			return netip.Addr{}, false
		}
		ip = net.ParseIP(host)
	}
	addr, ok := netip.AddrFromSlice(ip)
	return addr.Unmap(), ok
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// HBAAuth authenticates by host-based rules: the first matching rule's
// method decides, as in PostgreSQL.
type HBAAuth struct {
	// Rules returns the rules in force (called once per connection, so a
	// reload takes effect for the next client).
	Rules func() *HBA
	// SCRAM runs scram-sha-256 lines.
	SCRAM Authenticator
}

// Authenticate implements Authenticator.
func (a HBAAuth) Authenticate(ctx context.Context, info SessionInfo, ex AuthExchange) error {
	host := "unknown"
	if ip, ok := addrIP(info.RemoteAddr); ok {
		host = ip.String()
	}
	enc := "no encryption"
	if info.TLS != nil {
		enc = "SSL encryption"
	}
	r := a.Rules().Match(info.RemoteAddr, info.TLS != nil, info.User, info.Database)
	if r == nil {
		return fatalErr(codeInvalidAuthSpec, "no pg_hba.conf entry for host %q, user %q, database %q, %s", host, info.User, info.Database, enc)
	}
	switch r.Method {
	case HBATrust:
		return nil
	case HBASCRAM:
		return a.SCRAM.Authenticate(ctx, info, ex)
	case HBACert:
		return certAuth(info)
	default:
		return fatalErr(codeInvalidAuthSpec, "pg_hba.conf rejects connection for host %q, user %q, database %q, %s", host, info.User, info.Database, enc)
	}
}

// certAuth is the cert method with PostgreSQL's default map: the verified
// client certificate's Common Name must be the user name.
func certAuth(info SessionInfo) error {
	if info.TLS == nil || len(info.TLS.VerifiedChains) == 0 || len(info.TLS.PeerCertificates) == 0 {
		return fatalErr(codeInvalidAuthSpec, "connection requires a valid client certificate")
	}
	cn := info.TLS.PeerCertificates[0].Subject.CommonName
	if cn == "" {
		return fatalErr(codeInvalidAuthSpec, "certificate authentication failed for user %q: client certificate contains no user name", info.User)
	}
	if cn != info.User {
		return fatalErr(codeInvalidAuthSpec, "certificate authentication failed for user %q", info.User)
	}
	return nil
}
