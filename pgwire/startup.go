package pgwire

import (
	"bytes"
	"crypto/rand"
	"crypto/tls"
	"encoding/binary"
	"errors"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgproto3"
)

// Special request codes sent in place of a startup packet's protocol
// version (PostgreSQL's NEGOTIATE_SSL_CODE and friends).
const (
	sslRequestCode    = 80877103
	gssEncRequestCode = 80877104
	cancelRequestCode = 80877102
)

// readStartupPacket reads one length-prefixed startup packet from r.
func readStartupPacket(r io.Reader, max int) ([]byte, error) {
	var hdr [4]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		return nil, err
	}
	n := int(int32(binary.BigEndian.Uint32(hdr[:])))
	if n < 8 || n > max {
		return nil, fatalErr(codeProtocolViolation, "invalid length of startup packet")
	}
	buf := make([]byte, n-4)
	if _, err := io.ReadFull(r, buf); err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	return buf, nil
}

// parseStartupParams parses the NUL-terminated name/value pairs of a
// StartupMessage body (after the protocol version).
func parseStartupParams(b []byte) (map[string]string, error) {
	params := make(map[string]string)
	for {
		if len(b) == 0 {
			return nil, fatalErr(codeProtocolViolation, "invalid startup packet layout: expected terminator as last byte")
		}
		if b[0] == 0 {
			if len(b) != 1 {
				return nil, fatalErr(codeProtocolViolation, "invalid startup packet layout: expected terminator as last byte")
			}
			return params, nil
		}
		i := bytes.IndexByte(b, 0)
		if i < 0 {
			return nil, fatalErr(codeProtocolViolation, "invalid startup packet layout: expected terminator as last byte")
		}
		name := string(b[:i])
		b = b[i+1:]
		j := bytes.IndexByte(b, 0)
		if j < 0 {
			return nil, fatalErr(codeProtocolViolation, "invalid startup packet layout: expected terminator as last byte")
		}
		params[name] = string(b[:j])
		b = b[j+1:]
	}
}

// startup runs the startup phase; false means the connection is done.
func (c *conn) startup() bool {
	s := c.srv
	c.nc.SetDeadline(time.Now().Add(s.cfg.StartupTimeout))
	var rw io.ReadWriter = c.nc
	c.fr = newFramer(rw)
	c.be = pgproto3.NewBackend(c.fr, rw)
	negotiations := 0
	var params map[string]string
	var minor uint32
	for params == nil {
		pkt, err := readStartupPacket(c.fr.br, s.cfg.MaxStartupPacket)
		if err != nil {
			var se *Error
			if errors.As(err, &se) {
				c.sendFatal(se)
			} else if !errors.Is(err, io.EOF) {
				s.log.Debug("pgwire: startup read", "remote", c.nc.RemoteAddr(), "err", err)
			}
			return false
		}
		code := binary.BigEndian.Uint32(pkt)
		switch code {
		case sslRequestCode, gssEncRequestCode:
			negotiations++
			if len(pkt) != 4 || negotiations > 2 {
				c.sendFatal(fatalErr(codeProtocolViolation, "invalid SSL/GSS negotiation packet"))
				return false
			}
			if code == sslRequestCode && s.cfg.TLSConfig != nil {
				if _, ok := c.nc.(*tls.Conn); ok {
					c.sendFatal(fatalErr(codeProtocolViolation, "SSLRequest on a TLS connection"))
					return false
				}
				if c.fr.br.Buffered() > 0 {
					// Bytes the client sent after SSLRequest without
					// waiting for 'S' were not encrypted: a man in the
					// middle could have injected them (CVE-2021-23214).
					c.sendFatal(fatalErr(codeProtocolViolation, "received unencrypted data after SSL request"))
					return false
				}
				if _, err := c.nc.Write([]byte{'S'}); err != nil {
					return false
				}
				tc := tls.Server(c.nc, s.cfg.TLSConfig)
				if err := tc.HandshakeContext(c.ctx); err != nil {
					s.log.Debug("pgwire: TLS handshake", "remote", c.nc.RemoteAddr(), "err", err)
					return false
				}
				c.nc = tc
				rw = tc
				c.fr = newFramer(rw)
				c.be = pgproto3.NewBackend(c.fr, rw)
				continue
			}
			if _, err := c.nc.Write([]byte{'N'}); err != nil {
				return false
			}
		case cancelRequestCode:
			if len(pkt) < 12 || len(pkt) > 264 {
				return false
			}
			pid := binary.BigEndian.Uint32(pkt[4:])
			s.cancelRequest(pid, pkt[8:])
			return false
		default:
			major, mnr := code>>16, code&0xffff
			if major != 3 {
				c.sendFatal(fatalErr(codeFeatureNotSupported, "unsupported frontend protocol %d.%d: server supports 3.0 to 3.0", major, mnr))
				return false
			}
			p, err := parseStartupParams(pkt[4:])
			if err != nil {
				c.sendFatal(err)
				return false
			}
			params, minor = p, mnr
		}
	}

	// Protocol options (_pq_.*) and minor versions above 0 are negotiated
	// down, as PostgreSQL 15 does.
	var unrecognized []string
	for k := range params {
		if strings.HasPrefix(k, "_pq_.") {
			unrecognized = append(unrecognized, k)
			delete(params, k)
		}
	}
	if minor > 0 || len(unrecognized) > 0 {
		sort.Strings(unrecognized)
		c.be.Send(&pgproto3.NegotiateProtocolVersion{NewestMinorProtocol: 0, UnrecognizedOptions: unrecognized})
	}

	user := params["user"]
	if user == "" {
		c.sendFatal(fatalErr(codeInvalidAuthSpec, "no PostgreSQL user name specified in startup packet"))
		return false
	}
	db := params["database"]
	if db == "" {
		db = user
	}
	if n := s.active.Add(1); n > int64(s.cfg.MaxConnections) {
		s.active.Add(-1)
		c.sendFatal(fatalErr(codeTooManyConnections, "sorry, too many clients already"))
		return false
	}
	c.counted = true
	c.secret = make([]byte, 4)
	if _, err := rand.Read(c.secret); err != nil {
		c.sendFatal(fatalErr(codeInternalError, "could not generate cancel key"))
		return false
	}
	s.registerPID(c)
	c.info = SessionInfo{User: user, Database: db, RemoteAddr: c.nc.RemoteAddr(), BackendPID: c.pid, StartupParams: params}
	if tc, ok := c.nc.(*tls.Conn); ok {
		st := tc.ConnectionState()
		c.info.TLS = &st
	}

	// Authentication messages are small; bound them like the startup packet.
	c.be.SetMaxBodyLen(s.cfg.MaxStartupPacket)
	if err := s.cfg.Auth.Authenticate(c.ctx, c.info, authExchange{c}); err != nil {
		var se SQLError
		if !errors.As(err, &se) {
			err = fatalErr(codeInvalidPassword, "password authentication failed for user %q", user)
		}
		c.sendFatal(err)
		return false
	}
	if err := s.reservedSlotRefusal(s.active.Load(), user); err != nil {
		c.sendFatal(err)
		return false
	}
	c.be.SetAuthType(pgproto3.AuthTypeOk)
	c.be.Send(&pgproto3.AuthenticationOk{})

	sess, err := s.cfg.Engine.NewSession(c.ctx, c.info)
	if err != nil {
		c.sendFatal(err)
		return false
	}
	c.sess = sess
	c.be.SetMaxBodyLen(s.cfg.MaxMessageSize)

	c.sentParams = make(map[string]string)
	for k, v := range c.defaultParams() {
		c.sentParams[k] = v
	}
	if sp := sess.ParameterStatus(); sp != nil {
		for k, v := range sp {
			c.sentParams[k] = v
		}
	}
	for _, k := range sortedKeys(c.sentParams) {
		c.be.Send(&pgproto3.ParameterStatus{Name: k, Value: c.sentParams[k]})
	}
	c.updateLocation()
	c.be.Send(&pgproto3.BackendKeyData{ProcessID: c.pid, SecretKey: c.secret})
	c.be.Send(&pgproto3.ReadyForQuery{TxStatus: byte(c.txStatus())})
	if err := c.be.Flush(); err != nil {
		return false
	}
	c.raw.SetDeadline(time.Time{})
	if c.ctx.Err() != nil {
		c.sendFatal(fatalErr(codeAdminShutdown, "terminating connection due to administrator command"))
		return false
	}
	return true
}

func (c *conn) defaultParams() map[string]string {
	appName := c.info.StartupParams["application_name"]
	params := map[string]string{
		"application_name":              appName,
		"client_encoding":               "UTF8",
		"DateStyle":                     "ISO, MDY",
		"default_transaction_read_only": "off",
		"in_hot_standby":                "off",
		"integer_datetimes":             "on",
		"IntervalStyle":                 "postgres",
		"is_superuser":                  "on",
		"server_encoding":               "UTF8",
		"session_authorization":         c.info.User,
		"standard_conforming_strings":   "on",
		"TimeZone":                      "UTC",
	}
	if su := c.srv.cfg.IsSuperuser; su != nil && !su(c.info.User) {
		params["is_superuser"] = "off"
	}
	if v := c.srv.cfg.ServerVersion; v != "" {
		params["server_version"] = v
	}
	return params
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := strings.ToLower(keys[i]), strings.ToLower(keys[j])
		if a != b {
			return a < b
		}
		return keys[i] < keys[j]
	})
	return keys
}
