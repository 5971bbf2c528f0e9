// Package pgrecord records PostgreSQL wire protocol conversations: a TCP
// proxy between a client and a real server that decodes every message
// each side sends (with pgx's pgproto3) and writes one JSON line per
// message to conn-NNN.jsonl, one file per client connection, numbered in
// accept order from 1.
//
// Each line is {"conn","seq","t_ms","dir","type","len","msg"}: dir is F
// (frontend, client to server), B (backend) or "--" for the closing
// ConnectionClosed line; type is the pgproto3 message type name; len is
// the message's length field; msg is pgproto3's JSON form of the message,
// which pgproto3 decodes again. Two types are not pgproto3 messages:
// SSLRequestAnswer (the server's one-byte answer to SSLRequest or
// GSSENCRequest, msg {"answer":"N"}) and ConnectionClosed.
//
// Invariant: the proxy forwards every byte unchanged and in order; it
// only observes. Messages are logged before they are forwarded, so within
// a file a reply never precedes the message that caused it. Values that
// differ on every run (BackendKeyData, t_ms, SCRAM nonces) are recorded
// as they were; readers ignore them.
package pgrecord

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5/pgproto3"
)

// Proxy forwards client connections to Upstream and records them in Dir.
type Proxy struct {
	Upstream string       // host:port of the real server
	Dir      string       // where conn-NNN.jsonl files are written
	Log      *slog.Logger // nil: slog.Default()

	next atomic.Int64
	wg   sync.WaitGroup
}

// Serve accepts connections on ln until ctx is done or ln fails, then
// waits for the open connections to end.
func (p *Proxy) Serve(ctx context.Context, ln net.Listener) error {
	log := p.Log
	if log == nil {
		log = slog.Default()
	}
	if err := os.MkdirAll(p.Dir, 0o755); err != nil {
		return fmt.Errorf("pgrecord: %w", err)
	}
	stop := context.AfterFunc(ctx, func() { ln.Close() })
	defer stop()
	defer p.wg.Wait()
	for {
		nc, err := ln.Accept()
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return fmt.Errorf("pgrecord: accept: %w", err)
		}
		n := p.next.Add(1)
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			if err := p.record(ctx, nc, n); err != nil {
				log.Warn("pgrecord: connection", "conn", n, "err", err)
			}
		}()
	}
}

// record proxies one client connection.
func (p *Proxy) record(ctx context.Context, client net.Conn, n int64) error {
	defer client.Close()
	var d net.Dialer
	server, err := d.DialContext(ctx, "tcp", p.Upstream)
	if err != nil {
		return fmt.Errorf("dial upstream: %w", err)
	}
	defer server.Close()
	f, err := os.Create(filepath.Join(p.Dir, fmt.Sprintf("conn-%03d.jsonl", n)))
	if err != nil {
		return err
	}
	defer f.Close()
	t := &trace{w: f, conn: n, start: time.Now(), startup: make(chan bool, 4)}
	done := make(chan error, 2)
	go func() { done <- t.frontend(client, server) }()
	go func() { done <- t.backend(server, client) }()
	err = <-done
	// One side ended: close both so the other pump ends too.
	client.Close()
	server.Close()
	<-done
	t.closed()
	if errors.Is(err, io.EOF) || errors.Is(err, net.ErrClosed) {
		err = nil
	}
	if err != nil {
		return err
	}
	return t.err
}

// trace writes the lines of one connection. Both pumps log through it.
type trace struct {
	mu    sync.Mutex
	w     io.Writer
	conn  int64
	seq   int
	start time.Time
	err   error

	// startup tells the backend pump what the frontend pump forwarded
	// before the StartupMessage: true for an SSLRequest or GSSENCRequest
	// (the server answers with one unframed byte), false for the
	// StartupMessage itself (framed messages follow). It is closed when
	// the frontend ends first. The server sends nothing unprompted, so
	// the backend pump reads nothing before it hears.
	startup chan bool
}

type line struct {
	Conn int64   `json:"conn"`
	Seq  int     `json:"seq"`
	TMs  float64 `json:"t_ms"`
	Dir  string  `json:"dir"`
	Type string  `json:"type"`
	Len  int     `json:"len"`
	Msg  any     `json:"msg,omitempty"`
}

func (t *trace) log(dir, typ string, n int, msg any) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.seq++
	ms := float64(time.Since(t.start).Microseconds()) / 1000
	b, err := json.Marshal(line{Conn: t.conn, Seq: t.seq, TMs: ms, Dir: dir, Type: typ, Len: n, Msg: msg})
	if err == nil {
		b = append(b, '\n')
		_, err = t.w.Write(b)
	}
	if err != nil && t.err == nil {
		t.err = fmt.Errorf("write trace: %w", err)
	}
}

func (t *trace) closed() { t.log("--", "ConnectionClosed", 0, nil) }

// frontend pumps client bytes to the server: startup packets (untyped)
// until the StartupMessage, then typed messages.
func (t *trace) frontend(client io.Reader, server io.Writer) error {
	started := false
	defer func() {
		if !started {
			close(t.startup)
		}
	}()
	for {
		var hdr [4]byte
		if _, err := io.ReadFull(client, hdr[:]); err != nil {
			return err
		}
		n := int(binary.BigEndian.Uint32(hdr[:]))
		if n < 8 || n > 10<<10 {
			return fmt.Errorf("startup packet length %d", n)
		}
		body := make([]byte, n-4)
		if _, err := io.ReadFull(client, body); err != nil {
			return err
		}
		// pgproto3 tells the startup packets apart (SSLRequest,
		// GSSENCRequest, CancelRequest, StartupMessage) from a copy; the
		// bytes forwarded are the ones read.
		pkt := append(hdr[:], body...)
		msg, err := pgproto3.NewBackend(bytes.NewReader(pkt), io.Discard).ReceiveStartupMessage()
		if err != nil {
			return fmt.Errorf("decode startup packet: %w", err)
		}
		t.log("F", typeName(msg), n, msg)
		if err := writeAll(server, pkt); err != nil {
			return err
		}
		switch msg.(type) {
		case *pgproto3.SSLRequest, *pgproto3.GSSEncRequest:
			t.startup <- true
			continue
		case *pgproto3.CancelRequest:
			return io.EOF
		}
		t.startup <- false
		close(t.startup)
		started = true
		break
	}
	return pump(client, server, func(typ byte, n int, body []byte) error {
		msg := frontendMessage(typ)
		if msg == nil {
			t.log("F", fmt.Sprintf("Unknown(%q)", typ), n, nil)
			return nil
		}
		if err := msg.Decode(body); err != nil {
			return fmt.Errorf("decode %s: %w", typeName(msg), err)
		}
		t.log("F", typeName(msg), n, msg)
		return nil
	})
}

// backend pumps server bytes to the client.
func (t *trace) backend(server io.Reader, client io.Writer) error {
	for answer := range t.startup {
		if !answer {
			break
		}
		var b [1]byte
		if _, err := io.ReadFull(server, b[:]); err != nil {
			return err
		}
		t.log("B", "SSLRequestAnswer", 1, map[string]string{"answer": string(b[:])})
		if _, err := client.Write(b[:]); err != nil {
			return err
		}
		if b[0] != 'N' {
			return fmt.Errorf("server answered %q: pgrecord cannot record encrypted traffic", b[:])
		}
	}
	return pump(server, client, func(typ byte, n int, body []byte) error {
		msg := backendMessage(typ, body)
		if msg == nil {
			t.log("B", fmt.Sprintf("Unknown(%q)", typ), n, nil)
			return nil
		}
		if err := msg.Decode(body); err != nil {
			return fmt.Errorf("decode %s: %w", typeName(msg), err)
		}
		t.log("B", typeName(msg), n, msg)
		return nil
	})
}

// pump copies typed messages from src to dst, calling seen for each one
// before forwarding it.
func pump(src io.Reader, dst io.Writer, seen func(typ byte, n int, body []byte) error) error {
	for {
		var hdr [5]byte
		if _, err := io.ReadFull(src, hdr[:]); err != nil {
			return err
		}
		n := int(binary.BigEndian.Uint32(hdr[1:]))
		if n < 4 {
			return fmt.Errorf("message %q: length %d", hdr[0], n)
		}
		body := make([]byte, n-4)
		if _, err := io.ReadFull(src, body); err != nil {
			return err
		}
		if err := seen(hdr[0], n, body); err != nil {
			return err
		}
		if err := writeAll(dst, hdr[:], body); err != nil {
			return err
		}
	}
}

func writeAll(w io.Writer, parts ...[]byte) error {
	for _, p := range parts {
		if _, err := w.Write(p); err != nil {
			return err
		}
	}
	return nil
}

// typeName is the pgproto3 type name of msg ("Query", "DataRow", ...).
func typeName(msg any) string {
	return strings.TrimPrefix(fmt.Sprintf("%T", msg), "*pgproto3.")
}

func frontendMessage(typ byte) pgproto3.FrontendMessage {
	switch typ {
	case 'Q':
		return &pgproto3.Query{}
	case 'P':
		return &pgproto3.Parse{}
	case 'B':
		return &pgproto3.Bind{}
	case 'D':
		return &pgproto3.Describe{}
	case 'E':
		return &pgproto3.Execute{}
	case 'S':
		return &pgproto3.Sync{}
	case 'H':
		return &pgproto3.Flush{}
	case 'C':
		return &pgproto3.Close{}
	case 'X':
		return &pgproto3.Terminate{}
	case 'd':
		return &pgproto3.CopyData{}
	case 'c':
		return &pgproto3.CopyDone{}
	case 'f':
		return &pgproto3.CopyFail{}
	case 'F':
		return &pgproto3.FunctionCall{}
	case 'p':
		// Password, SASLInitialResponse and SASLResponse share the type
		// byte; under trust authentication none is sent.
		return &pgproto3.PasswordMessage{}
	}
	return nil
}

func backendMessage(typ byte, body []byte) pgproto3.BackendMessage {
	switch typ {
	case 'R':
		if len(body) < 4 {
			return nil
		}
		switch binary.BigEndian.Uint32(body) {
		case pgproto3.AuthTypeOk:
			return &pgproto3.AuthenticationOk{}
		case pgproto3.AuthTypeCleartextPassword:
			return &pgproto3.AuthenticationCleartextPassword{}
		case pgproto3.AuthTypeMD5Password:
			return &pgproto3.AuthenticationMD5Password{}
		case pgproto3.AuthTypeSASL:
			return &pgproto3.AuthenticationSASL{}
		case pgproto3.AuthTypeSASLContinue:
			return &pgproto3.AuthenticationSASLContinue{}
		case pgproto3.AuthTypeSASLFinal:
			return &pgproto3.AuthenticationSASLFinal{}
		}
		return nil
	case 'S':
		return &pgproto3.ParameterStatus{}
	case 'K':
		return &pgproto3.BackendKeyData{}
	case 'Z':
		return &pgproto3.ReadyForQuery{}
	case 'T':
		return &pgproto3.RowDescription{}
	case 'D':
		return &pgproto3.DataRow{}
	case 'C':
		return &pgproto3.CommandComplete{}
	case 'E':
		return &pgproto3.ErrorResponse{}
	case 'N':
		return &pgproto3.NoticeResponse{}
	case '1':
		return &pgproto3.ParseComplete{}
	case '2':
		return &pgproto3.BindComplete{}
	case '3':
		return &pgproto3.CloseComplete{}
	case 't':
		return &pgproto3.ParameterDescription{}
	case 'n':
		return &pgproto3.NoData{}
	case 'I':
		return &pgproto3.EmptyQueryResponse{}
	case 's':
		return &pgproto3.PortalSuspended{}
	case 'G':
		return &pgproto3.CopyInResponse{}
	case 'H':
		return &pgproto3.CopyOutResponse{}
	case 'W':
		return &pgproto3.CopyBothResponse{}
	case 'd':
		return &pgproto3.CopyData{}
	case 'c':
		return &pgproto3.CopyDone{}
	case 'A':
		return &pgproto3.NotificationResponse{}
	case 'v':
		return &pgproto3.NegotiateProtocolVersion{}
	}
	return nil
}
