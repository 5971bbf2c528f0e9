package pgwire

import (
	"context"

	"github.com/jackc/pgx/v5/pgproto3"
)

func (c *conn) simpleQuery(sql string) error {
	// A simple Query ends the unnamed statement and portal.
	if ps, ok := c.stmts[""]; ok {
		ps.stmt.Close()
		delete(c.stmts, "")
	}
	delete(c.portals, "")
	w := &writer{c: c}
	err, ioErr := c.runStatement(w, func(ctx context.Context) error { return c.sess.SimpleQuery(ctx, sql, w) })
	if ioErr != nil {
		return ioErr
	}
	if err != nil {
		if err := c.sendError(err); err != nil {
			return err
		}
	} else if !w.any {
		c.be.Send(&pgproto3.EmptyQueryResponse{})
	}
	return c.readyForQuery()
}
