package transport

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"os"
	"time"
)

// Mutual TLS between peers.
//
// With Config.TLS set, every peer connection, inbound and outbound, is TLS
// 1.3 and both sides present a certificate that must chain to the cluster
// CA: holding a certificate the cluster CA signed is what makes a process
// a peer. Host names are not checked (members move between addresses and
// are dialled by the address in the configuration); the Raft handshake
// that follows still checks the cluster id and the node ids. A connection
// whose certificate does not verify is refused before a single Raft byte
// is read, and logged (rate-limited per remote address).

// PeerTLS is the node's peer identity and the cluster CA.
type PeerTLS struct {
	Certificate tls.Certificate
	CA          *x509.CertPool
}

// LoadPeerTLS reads a PEM certificate/key pair and a PEM CA bundle.
func LoadPeerTLS(certFile, keyFile, caFile string) (*PeerTLS, error) {
	cert, err := tls.LoadX509KeyPair(certFile, keyFile)
	if err != nil {
		return nil, fmt.Errorf("transport: peer certificate: %w", err)
	}
	pem, err := os.ReadFile(caFile)
	if err != nil {
		return nil, fmt.Errorf("transport: cluster CA: %w", err)
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("transport: cluster CA %s: no PEM certificate in it", caFile)
	}
	return &PeerTLS{Certificate: cert, CA: pool}, nil
}

// verifyChain checks that the peer's certificate chains to the cluster CA.
func (p *PeerTLS) verifyChain(raw [][]byte) error {
	if len(raw) == 0 {
		return errors.New("peer presented no certificate")
	}
	certs := make([]*x509.Certificate, len(raw))
	for i, r := range raw {
		c, err := x509.ParseCertificate(r)
		if err != nil {
			return fmt.Errorf("peer certificate: %w", err)
		}
		certs[i] = c
	}
	inter := x509.NewCertPool()
	for _, c := range certs[1:] {
		inter.AddCert(c)
	}
	_, err := certs[0].Verify(x509.VerifyOptions{Roots: p.CA, Intermediates: inter,
		KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageAny}})
	return err
}

func (p *PeerTLS) config(server bool) *tls.Config {
	c := &tls.Config{
		MinVersion:   tls.VersionTLS13,
		Certificates: []tls.Certificate{p.Certificate},
		// Verification is verifyChain's (chain to the cluster CA, no host
		// name): the standard verifier would also demand a host name.
		InsecureSkipVerify:    true,
		VerifyPeerCertificate: func(raw [][]byte, _ [][]*x509.Certificate) error { return p.verifyChain(raw) },
	}
	if server {
		c.ClientAuth = tls.RequireAnyClientCert
	}
	return c
}

// serverTLS runs the server side of the TLS handshake on an inbound
// connection; ok=false means it was refused (and logged).
func (t *Transport) serverTLS(conn net.Conn) (net.Conn, bool) {
	if t.cfg.TLS == nil {
		return conn, true
	}
	remote := conn.RemoteAddr().String()
	tc := tls.Server(conn, t.cfg.TLS.config(true))
	ctx, cancel := context.WithTimeout(t.ctx, t.cfg.HandshakeTimeout)
	defer cancel()
	if err := tc.HandshakeContext(ctx); err != nil {
		host, _, _ := net.SplitHostPort(remote)
		t.logReject("tls:"+host, "transport: rejecting inbound connection: peer TLS authentication failed (no certificate from the cluster CA?)",
			"remote", remote, "err", err)
		return nil, false
	}
	return tc, true
}

// clientTLS runs the client side of the handshake on a dialled connection.
func (t *Transport) clientTLS(ctx context.Context, conn net.Conn, addr string) (net.Conn, error) {
	if t.cfg.TLS == nil {
		return conn, nil
	}
	tc := tls.Client(conn, t.cfg.TLS.config(false))
	ctx, cancel := context.WithTimeout(ctx, t.cfg.HandshakeTimeout)
	defer cancel()
	if err := tc.HandshakeContext(ctx); err != nil {
		return nil, fmt.Errorf("%w with %s: TLS: %v", ErrHandshake, addr, err)
	}
	_ = tc.SetDeadline(time.Time{})
	return tc, nil
}
