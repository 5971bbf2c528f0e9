package pgwire

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgproto3"
)

// The framer hands the Backend one message at a time, so the server can
// see whether Sync is the next message of a pipeline.
func TestFramerNextType(t *testing.T) {
	var buf []byte
	var err error
	for _, m := range []pgproto3.FrontendMessage{
		&pgproto3.Bind{}, &pgproto3.Execute{}, &pgproto3.Bind{}, &pgproto3.Execute{}, &pgproto3.Sync{},
		&pgproto3.Query{String: string(bytes.Repeat([]byte("x"), 100000))}, &pgproto3.Sync{},
	} {
		if buf, err = m.Encode(buf); err != nil {
			t.Fatal(err)
		}
	}
	fr := newFramer(bytes.NewReader(buf))
	be := pgproto3.NewBackend(fr, &bytes.Buffer{})
	var got []string
	for {
		msg, err := be.Receive()
		if err != nil {
			break
		}
		got = append(got, string(rune(msgType(msg)))+">"+string(rune(max(fr.nextType(), '0'))))
	}
	// After the big Query, the Sync is not buffered yet or is: both are fine,
	// but never a wrong type.
	want := []string{"B>E", "E>B", "B>E", "E>S", "S>Q"}
	for i, w := range want {
		if i >= len(got) || got[i] != w {
			t.Fatalf("got %v, want prefix %v", got, want)
		}
	}
	if len(got) != 7 || (got[5] != "Q>S" && got[5] != "Q>0") || got[6] != "S>0" {
		t.Fatalf("got %v", got)
	}
}

func msgType(m pgproto3.FrontendMessage) byte {
	switch m.(type) {
	case *pgproto3.Bind:
		return 'B'
	case *pgproto3.Execute:
		return 'E'
	case *pgproto3.Sync:
		return 'S'
	case *pgproto3.Query:
		return 'Q'
	}
	return '?'
}

// pipeEngine records the pipeline boundaries pgwire reports.
type pipeEngine struct {
	inner *fakeEngine
	log   *[]string
}

type pipeSession struct {
	Session
	log *[]string
}

func (e pipeEngine) NewSession(ctx context.Context, info SessionInfo) (Session, error) {
	s, err := e.inner.NewSession(ctx, info)
	if err != nil {
		return nil, err
	}
	return &pipeSession{Session: s, log: e.log}, nil
}

func (s *pipeSession) PipelineHint(syncNext bool) {
	*s.log = append(*s.log, fmt.Sprintf("hint(%v)", syncNext))
}

func (s *pipeSession) EndPipeline(ctx context.Context) error {
	*s.log = append(*s.log, "end")
	if len(*s.log) == 4 {
		return &Error{Code: "40001", Message: "commit failed"}
	}
	return nil
}

// Execute is told whether Sync follows; Sync ends the pipeline (an error
// there is reported before ReadyForQuery).
func TestPipelineSession(t *testing.T) {
	var log []string
	ts := startServer(t, Config{Engine: pipeEngine{inner: &fakeEngine{}, log: &log}})
	r := dialRaw(t, ts.addr)
	r.startup()
	log = nil
	r.send(&pgproto3.Parse{Query: "SELECT 1"}, &pgproto3.Bind{}, &pgproto3.Execute{},
		&pgproto3.Bind{}, &pgproto3.Execute{}, &pgproto3.Sync{})
	got := r.readUntilReady()
	if want := "hint(false) hint(true) end"; strings.Join(log, " ") != want {
		t.Fatalf("calls %v, want %s", log, want)
	}
	if got[len(got)-1] != "ReadyForQuery(I)" {
		t.Fatal(got)
	}
	r.send(&pgproto3.Sync{})
	got = r.readUntilReady()
	if strings.Join(got, " ") != "ERROR(40001) ReadyForQuery(I)" {
		t.Fatalf("commit error at Sync: %v", got)
	}
}
