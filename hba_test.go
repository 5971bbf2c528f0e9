package raftsql

import (
	"net"
	"testing"

	"github.com/raftsql/raftsql/pgwire"
)

// Without an HBA file, configured TLS cannot be bypassed: a non-loopback
// client that skips SSLRequest matches no rule (28000), loopback clients
// may still connect in plaintext, and without TLS everyone gets Auth's
// method as before.
func TestDerivedHBA(t *testing.T) {
	addr := func(s string) net.Addr { return &net.TCPAddr{IP: net.ParseIP(s), Port: 5432} }
	for _, c := range []struct {
		auth string
		tls  bool
		ip   string
		ssl  bool
		want string
	}{
		{AuthSCRAM, false, "10.0.0.1", false, pgwire.HBASCRAM},
		{AuthTrust, false, "10.0.0.1", false, pgwire.HBATrust},
		{AuthSCRAM, true, "10.0.0.1", false, ""},
		{AuthSCRAM, true, "10.0.0.1", true, pgwire.HBASCRAM},
		{AuthSCRAM, true, "127.0.0.1", false, pgwire.HBASCRAM},
		{AuthTrust, true, "::1", false, pgwire.HBATrust},
		{AuthTrust, true, "2001:db8::1", false, ""},
	} {
		got := ""
		if r := derivedHBA(c.auth, c.tls).Match(addr(c.ip), c.ssl, "u", "d"); r != nil {
			got = r.Method
		}
		if got != c.want {
			t.Errorf("auth=%s tls=%v client %s ssl=%v: %q, want %q", c.auth, c.tls, c.ip, c.ssl, got, c.want)
		}
	}
}
