package sqlexec

import (
	"context"
	"encoding/hex"
	"sync"
	"time"
)

// Streamed COPY FROM: the session side (the apply side and the design are
// in copystage.go).
//
// Once the rows a COPY outside a transaction has read outgrow one chunk
// (EngineOptions.CopyChunkBytes), the session stages them: each full chunk
// is proposed as a "stage" entry while the session goes on reading the
// client, with at most copyInFlight chunks proposed and unanswered at a
// time, so receiving, replicating and applying overlap and the session
// holds at most a few chunks in memory whatever the COPY's size. At the
// client's CopyDone the last chunk and then the "finish" entry follow; a
// COPY that fails on the way (bad row, CopyFail, disconnect, an entry's
// error) proposes an "abort" entry after its chunks have answered, so it
// leaves nothing behind. Every entry is re-proposed with the same request
// id while its outcome is unknown (40003: a slow apply of an earlier large
// COPY, a leader change): the apply answers a repeat from its record, so
// a chunk is staged once and the final outcome is the one reached.

// copyInFlight is how many chunks of one COPY may be proposed and not yet
// answered: two keep the log busy while the session reads the next.
const copyInFlight = 2

// copyUnknownRetries bounds the re-proposals of one COPY entry whose
// outcome stayed unknown (each waits up to the node's write timeout).
const copyUnknownRetries = 30

// codeCompletionUnknown is the node's answer when a write's outcome is
// unknown (statement_completion_unknown).
const codeCompletionUnknown = "40003"

// DefaultCopyChunkBytes is the default size of a streamed COPY's chunk.
const DefaultCopyChunkBytes = 4 << 20

// DefaultCopyStageLease is how long a staged COPY outlives its last entry
// when its session is gone (the session renews it every lease/3).
const DefaultCopyStageLease = 2 * time.Minute

func (e *Engine) copyChunkBytes() int {
	if e.opts.CopyChunkBytes > 0 {
		return e.opts.CopyChunkBytes
	}
	return DefaultCopyChunkBytes
}

func (e *Engine) copyStageLease() time.Duration {
	if e.opts.CopyStageLease > 0 {
		return e.opts.CopyStageLease
	}
	return DefaultCopyStageLease
}

// copyStream is one streamed COPY in progress.
type copyStream struct {
	s     *Session
	id    string
	table string
	cols  []string
	lease time.Duration
	rows  int64 // rows sent in chunks

	sem  chan struct{} // one token per chunk in flight
	wg   sync.WaitGroup
	mu   sync.Mutex
	err  error     // the first chunk failure
	last time.Time // when the last entry was proposed (renewal)

	stopRenew chan struct{}
	renewDone chan struct{}
	done      bool // finished or aborted
}

// newCopyStream starts staging a COPY into table (columns cols).
func (s *Session) newCopyStream(ctx context.Context, table string, cols []string) *copyStream {
	id := s.e.newRequestID()
	cs := &copyStream{s: s, id: hex.EncodeToString(id[:]), table: table, cols: cols, lease: s.e.copyStageLease(),
		sem: make(chan struct{}, copyInFlight), last: s.e.now(), stopRenew: make(chan struct{}), renewDone: make(chan struct{})}
	go cs.renew(context.WithoutCancel(ctx))
	return cs
}

// failure is the first chunk failure, if any.
func (cs *copyStream) failure() error {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	return cs.err
}

// send proposes rows (values already in their columns' canonical forms;
// the first on line firstLine) as one chunk, without waiting for its
// outcome unless copyInFlight chunks are unanswered.
func (cs *copyStream) send(ctx context.Context, rows [][]any, firstLine int64) error {
	if err := cs.failure(); err != nil {
		return err
	}
	if len(rows) == 0 {
		return nil
	}
	args := make([]any, 0, 4+len(rows)*len(cs.cols))
	args = append(args, cs.id, int64(len(cs.cols)), cs.lease.Microseconds(), firstLine)
	for _, r := range rows {
		args = append(args, r...)
	}
	cmd := cs.command(Statement{SQL: copyOpStage, Args: args, Tag: "COPY"})
	select {
	case cs.sem <- struct{}{}:
	case <-ctx.Done():
		return toError(ctx.Err())
	}
	cs.rows += int64(len(rows))
	cs.wg.Add(1)
	go func() {
		defer cs.wg.Done()
		defer func() { <-cs.sem }()
		if _, err := cs.s.e.proposeCopy(ctx, cmd); err != nil {
			cs.mu.Lock()
			if cs.err == nil {
				cs.err = err
			}
			cs.mu.Unlock()
		}
	}()
	return nil
}

func (cs *copyStream) command(st Statement) *Command {
	cmd := cs.s.e.newCommand([]Statement{st})
	cmd.Flags = CmdCopy
	cmd.Database, cmd.User = cs.s.names()
	cs.mu.Lock()
	cs.last = cs.s.e.now()
	cs.mu.Unlock()
	return cmd
}

// finish waits for the chunks and proposes the final entry, which moves
// the staged rows into the table; it returns the number of rows copied.
func (cs *copyStream) finish(ctx context.Context) (int64, error) {
	cs.wg.Wait()
	if err := cs.failure(); err != nil {
		return 0, err
	}
	args := []any{cs.id, cs.table, cs.rows}
	for _, c := range cs.cols {
		args = append(args, c)
	}
	cmd := cs.command(Statement{SQL: copyOpFinish, Args: args, Tag: "COPY"})
	cs.stopRenewing()
	res, err := cs.s.proposeCopyFinal(ctx, cmd)
	if err != nil {
		return 0, err
	}
	cs.done = true
	var n int64
	if len(res.Results) > 0 {
		n = res.Results[0].RowsAffected
	}
	return n, nil
}

// abort drops what the COPY staged, once its chunks have answered; best
// effort (a COPY that is never aborted expires with its lease).
func (cs *copyStream) abort(ctx context.Context) {
	if cs.done {
		return
	}
	cs.done = true
	cs.stopRenewing()
	cs.wg.Wait()
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	cmd := cs.command(Statement{SQL: copyOpAbort, Args: []any{cs.id}, Tag: "COPY"})
	if _, err := cs.s.e.proposeCopy(ctx, cmd); err != nil {
		cs.s.e.log.Warn("sqlexec: abort of a streamed COPY failed; its staged rows expire with their lease", "copy", cs.id, "table", cs.table, "err", err)
	}
}

func (cs *copyStream) stopRenewing() {
	select {
	case <-cs.stopRenew:
	default:
		close(cs.stopRenew)
	}
	<-cs.renewDone
}

// renew keeps the staged rows alive while the client is slow: every
// lease/3 without an entry of this COPY, a "touch" entry.
func (cs *copyStream) renew(ctx context.Context) {
	defer close(cs.renewDone)
	every := cs.lease / 3
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-cs.stopRenew:
			return
		case <-ctx.Done():
			return
		case <-t.C:
		}
		cs.mu.Lock()
		idle := cs.s.e.now().Sub(cs.last)
		cs.mu.Unlock()
		if idle < every {
			continue
		}
		cmd := cs.command(Statement{SQL: copyOpTouch, Args: []any{cs.id, cs.lease.Microseconds()}, Tag: "COPY"})
		pctx, cancel := context.WithTimeout(ctx, every)
		_, err := cs.s.e.proposeCopy(pctx, cmd)
		cancel()
		if err != nil {
			cs.s.e.log.Warn("sqlexec: renewal of a streamed COPY failed", "copy", cs.id, "err", err)
		}
	}
}

// proposeCopy proposes a COPY entry, again with the same request id while
// its outcome is unknown, and returns its result.
func (e *Engine) proposeCopy(ctx context.Context, cmd *Command) (*ApplyResult, error) {
	if e.r == nil {
		return nil, errf(CodeInternal, "no replicator")
	}
	for try := 0; ; try++ {
		res, err := e.r.Propose(ctx, cmd)
		if err != nil {
			err = toError(err)
			if e, ok := err.(*Error); ok && e.Code == codeCompletionUnknown && try < copyUnknownRetries && ctx.Err() == nil {
				continue
			}
			return nil, err
		}
		if res == nil {
			return nil, errf(CodeInternal, "no apply result")
		}
		if res.Err != nil {
			return nil, toError(res.Err)
		}
		return res, nil
	}
}

// proposeCopyFinal is proposeCopy through the session (its sequence
// history: serial columns the final entry fills advance currval).
func (s *Session) proposeCopyFinal(ctx context.Context, cmd *Command) (*ApplyResult, error) {
	for try := 0; ; try++ {
		res, err := s.propose(ctx, cmd)
		if e, ok := err.(*Error); ok && e.Code == codeCompletionUnknown && try < copyUnknownRetries && ctx.Err() == nil {
			continue
		}
		return res, err
	}
}

// copyValueBytes estimates what a row's values weigh in a log entry.
func copyValueBytes(r []any) int {
	n := 0
	for _, v := range r {
		n += 8
		switch x := v.(type) {
		case string:
			n += len(x)
		case []byte:
			n += len(x)
		}
	}
	return n
}
