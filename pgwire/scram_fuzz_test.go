package pgwire

import (
	"context"
	"errors"
	"io"
	"testing"

	"github.com/jackc/pgx/v5/pgproto3"
)

// scriptedExchange plays a client that answers the SASL challenge with
// fixed (fuzzed) messages.
type scriptedExchange struct {
	msgs []pgproto3.FrontendMessage
}

func (s *scriptedExchange) Send(pgproto3.BackendMessage) error { return nil }
func (s *scriptedExchange) Receive(uint32) (pgproto3.FrontendMessage, error) {
	if len(s.msgs) == 0 {
		return nil, io.EOF
	}
	m := s.msgs[0]
	s.msgs = s.msgs[1:]
	return m, nil
}

// FuzzSCRAMExchange: whatever a client sends during SCRAM, the server
// answers with an error (never a panic), and never accepts it without the
// password.
func FuzzSCRAMExchange(f *testing.F) {
	f.Add("SCRAM-SHA-256", []byte("n,,n=,r=abc"), []byte("c=biws,r=abc,p=AAAA"))
	f.Add("SCRAM-SHA-256", []byte("y,,n=u,r="), []byte(",p="))
	f.Add("PLAIN", []byte(""), []byte(""))
	f.Add("SCRAM-SHA-256", []byte("n,"), []byte("c=biws,r=x,p=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="))
	v, err := NewSCRAMVerifier("secret", 0, nil)
	if err != nil {
		f.Fatal(err)
	}
	auth := SCRAMAuth{Verifier: func(u string) (SCRAMVerifier, bool) { return v, u == "u" }}
	f.Fuzz(func(t *testing.T, mech string, first, final []byte) {
		ex := &scriptedExchange{msgs: []pgproto3.FrontendMessage{
			&pgproto3.SASLInitialResponse{AuthMechanism: mech, Data: first},
			&pgproto3.SASLResponse{Data: final},
		}}
		err := auth.Authenticate(context.Background(), SessionInfo{User: "u"}, ex)
		if err == nil {
			t.Fatalf("accepted without the password: %q %q %q", mech, first, final)
		}
		var se SQLError
		if !errors.As(err, &se) && !errors.Is(err, io.EOF) {
			t.Fatalf("error %T %v is neither an SQL error nor EOF", err, err)
		}
	})
}

func FuzzParseSCRAMVerifier(f *testing.F) {
	v, _ := NewSCRAMVerifier("x", 0, nil)
	f.Add(v.String())
	f.Add("SCRAM-SHA-256$1:AA==$AA==:AA==")
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParseSCRAMVerifier(s)
		if err != nil {
			return
		}
		if q, err := ParseSCRAMVerifier(p.String()); err != nil || q.String() != p.String() {
			t.Fatalf("%q: re-encoding does not round-trip: %v", s, err)
		}
	})
}
