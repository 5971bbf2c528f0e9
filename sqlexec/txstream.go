package sqlexec

import (
	"context"
	"errors"
	"strings"

	"github.com/raftsql/raftsql/pgwire"
	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// Reads of a transaction's read view stream to the client, in bounded
// memory, like reads outside a transaction: a SELECT of a large table
// inside BEGIN ... COMMIT must not hold its whole result on the server.
//
// Their results still count for COMMIT's validation, which hashes every
// result the client saw, in order (digest.go): a streamed read is recorded
// in the transaction unsettled (its statement kept, its digest not yet
// computed), and settleReads computes the digests later by running the
// unsettled reads again on the same read view, pinned as they first ran,
// which gives the same results (one consistent state of the database;
// time and randomness pinned per statement). That happens only when the
// digest is needed, before anything else is hashed: when the transaction
// first writes (startSpeculation, while it still holds the view) or first
// reads with a row-locking clause. A transaction that only reads never
// needs it and never runs a read twice.
//
// Invariant: tx.unsettled holds indexes of tx.stmts in increasing order,
// all recorded while the transaction read its view; tx.dg covers every
// digested statement before the first unsettled one, and none after.

// streamTxRead runs x on the transaction's read view, streaming its rows
// to w. ro is false, with nothing run or written, when SQLite says the
// statement writes: the caller then speculates it instead.
func (s *Session) streamTxRead(ctx context.Context, tx *txn, st *pgdialect.Stmt, x Statement, size int, w pgwire.ResultWriter, describe bool) (ro bool, err error) {
	if tx.view == nil {
		if err := s.barrier(ctx); err != nil {
			return false, err
		}
		sc, err := s.e.db.acquireReadView()
		if err != nil {
			return false, err
		}
		tx.view = sc
	}
	idx := len(tx.stmts)
	var outcome error // the statement's own error: recorded, returned
	err = s.e.db.withReadView(ctx, tx.view, func(c *lconn) error {
		if err := guardInternal(x.SQL); err != nil {
			return err
		}
		if e := refuseStatementKind(x.SQL); e != nil {
			return e
		}
		c.syncSchema()
		defer c.enterAuth(c.replicatedMode())()
		ls, tail, err := c.prepareUser(x.SQL)
		if err != nil {
			e := c.authRefusal()
			if e == nil {
				e = mapError(err, x.SQL)
			}
			if !isOutcome(e) {
				return e
			}
			// Not preparable on this state (a missing table, a syntax
			// error): the statement's outcome, recorded like a result.
			ro, outcome = true, e
			return nil
		}
		if ls == nil {
			ro = true
			return w.EmptyQuery()
		}
		defer ls.release()
		if !ls.readonly() || strings.TrimSpace(tail) != "" || isPragmaWrite(x.SQL) {
			return nil
		}
		ro = true
		defer s.bindConn(c)()
		c.det.pin(tx.ts, tx.seed, idx)
		defer c.det.unpin()
		ncol := ls.columnCount()
		infos := make([]colInfo, ncol)
		for i := range infos {
			infos[i] = newColInfo(ls, i)
		}
		resultTypes(c, x.SQL, infos) // resulttypes.go
		// The columns as a transaction's result has always described
		// them (StatementResult.setRows, then applyHints).
		var cols, hinted []pgwire.Column
		nrows := int64(0)
		_, err = ls.run(x.Args, func(r []any) error {
			if cols == nil {
				cols, hinted = txReadColumns(infos, r, stmtHints(st))
				if describe {
					if err := w.Describe(hinted); err != nil {
						return err
					}
				}
			}
			convertRow(cols, r)
			if len(st.ColumnOIDs) > 0 {
				convertRow(hinted, r)
			}
			nrows++
			return w.Row(r)
		})
		if err != nil {
			var se *sqliteErr
			if !errors.As(err, &se) {
				if me, ok := err.(*Error); ok && isOutcome(me) {
					outcome = me
					return nil
				}
				return err // the writer's own error, a timeout, a cancel
			}
			e := c.authRefusal()
			if e == nil {
				e = mapError(err, x.SQL)
			}
			if !isOutcome(e) {
				if e.Code == CodeQueryCanceled && errors.Is(ctx.Err(), context.DeadlineExceeded) {
					e.Message = "canceling statement due to statement timeout"
				}
				return e
			}
			outcome = e
			return nil
		}
		if cols == nil && ncol > 0 && describe {
			_, hinted = txReadColumns(infos, nil, stmtHints(st))
			if err := w.Describe(hinted); err != nil {
				return err
			}
		}
		verb := x.Tag
		if verb == "" {
			verb = deriveVerb(x.SQL, true)
		}
		n := int64(0)
		if verb == "SELECT" {
			n = nrows
		}
		return w.Complete(makeTag(verb, n))
	})
	if err != nil || !ro {
		return ro, err
	}
	tx.unsettled = append(tx.unsettled, idx)
	tx.add(s.forRecord([]Statement{x})[0])
	tx.bytes += size
	return true, outcome
}

// txReadColumns describes a read's columns from its first row: cols as
// SQLite's types give them, hinted with the statement's lexical hints
// applied to undeclared columns (StatementResult.applyHints).
func txReadColumns(infos []colInfo, first []any, hints colHints) (cols, hinted []pgwire.Column) {
	cols = buildColumns(infos, first)
	if len(hints.oids) == 0 {
		return cols, cols
	}
	hinted = append([]pgwire.Column(nil), cols...)
	for i := range hinted {
		if o, m := hints.at(i); o != 0 && infos[i].decl == "" {
			hinted[i].TypeOID = o
			hinted[i].TypeSize = pgoid.Size(o)
			hinted[i].TypeModifier = m
		}
	}
	return cols, hinted
}

// settleReads adds the digests of the transaction's unsettled reads to
// tx.dg, running them again on its read view.
func (s *Session) settleReads(ctx context.Context, tx *txn) error {
	if len(tx.unsettled) == 0 {
		return nil
	}
	if tx.view == nil {
		return errf(CodeInternal, "transaction lost its read view with %d reads to validate", len(tx.unsettled))
	}
	// All or nothing: a settle cut short (canceled, timed out) leaves
	// tx.dg as it was, to be settled again later.
	dg := &digester{h: tx.dg.h}
	err := s.e.db.withReadView(ctx, tx.view, func(c *lconn) error {
		defer s.bindConn(c)()
		defer c.det.unpin()
		for _, i := range tx.unsettled {
			c.det.pin(tx.ts, tx.seed, i)
			res, _ := runSQL(c, tx.stmts[i].SQL, tx.stmts[i].Args, tx.stmts[i].Tag)
			if res.Err != nil && !isOutcome(res.Err) {
				return res.Err
			}
			dg.add(&res)
		}
		return nil
	})
	if err != nil {
		return err
	}
	tx.dg.h = dg.h
	tx.unsettled = nil
	return nil
}
