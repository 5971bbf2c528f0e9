package pgwire

import (
	"context"

	"github.com/jackc/pgx/v5/pgproto3"
)

// Authenticator authenticates a client between the startup message and
// AuthenticationOk. It may exchange messages with the client (password,
// SASL/SCRAM) through ex. Returning nil accepts the client (the server then
// sends AuthenticationOk); an error is sent as a FATAL ErrorResponse
// (SQLError codes are kept; others become 28P01 invalid_password).
type Authenticator interface {
	Authenticate(ctx context.Context, info SessionInfo, ex AuthExchange) error
}

// AuthExchange is the message channel available to an Authenticator.
type AuthExchange interface {
	// Send sends msg (e.g. AuthenticationCleartextPassword,
	// AuthenticationSASL) and flushes.
	Send(msg pgproto3.BackendMessage) error
	// Receive reads the client's next message; authType tells pgproto3 how
	// to decode a 'p' message (pgproto3.AuthTypeSASL, ...).
	Receive(authType uint32) (pgproto3.FrontendMessage, error)
}

// TrustAuth accepts every client (PostgreSQL's "trust" method).
type TrustAuth struct{}

// Authenticate implements Authenticator.
func (TrustAuth) Authenticate(context.Context, SessionInfo, AuthExchange) error { return nil }

type authExchange struct{ c *conn }

func (a authExchange) Send(msg pgproto3.BackendMessage) error {
	a.c.be.Send(msg)
	return a.c.be.Flush()
}

func (a authExchange) Receive(authType uint32) (pgproto3.FrontendMessage, error) {
	if err := a.c.be.SetAuthType(authType); err != nil {
		return nil, err
	}
	return a.c.be.Receive()
}
