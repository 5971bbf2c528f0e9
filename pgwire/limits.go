package pgwire

import (
	"errors"
	"net"
	"time"
)

// Limits that protect the server from idle or greedy clients. The startup
// and authentication phase is bounded by Config.StartupTimeout (a client
// that trickles its startup packet or never answers the SASL challenge is
// dropped: slow loris); an established session by IdleSessionTimeout; the
// last free connection slots by ReservedConnections.

const (
	codeIdleSessionTimeout = "57P05"
)

// armIdleTimeout sets the read deadline for a session waiting, outside a
// transaction, for its next message; it reports whether it did. With a
// message already buffered the client is not idle.
func (c *conn) armIdleTimeout() bool {
	d := c.srv.cfg.IdleSessionTimeout
	if d <= 0 || c.fr.br.Buffered() > 0 || c.txStatus() != TxIdle {
		return false
	}
	c.nc.SetReadDeadline(time.Now().Add(d))
	return true
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// reservedSlotRefusal reports whether an authenticated user must be
// refused because only reserved (superuser) slots remain: active counts
// this connection.
func (s *Server) reservedSlotRefusal(active int64, user string) error {
	r := s.cfg.ReservedConnections
	if r <= 0 || active <= int64(s.cfg.MaxConnections-r) {
		return nil
	}
	if s.cfg.IsSuperuser != nil && s.cfg.IsSuperuser(user) {
		return nil
	}
	return fatalErr(codeTooManyConnections, "remaining connection slots are reserved for roles with the SUPERUSER attribute")
}
