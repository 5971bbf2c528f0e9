package pgwire

import "github.com/jackc/pgx/v5/pgproto3"

func (c *conn) simpleQuery(sql string) error {
	// A simple Query ends the unnamed statement and portal.
	if ps, ok := c.stmts[""]; ok {
		ps.stmt.Close()
		delete(c.stmts, "")
	}
	delete(c.portals, "")
	ctx, done := c.stmtContext()
	w := &writer{c: c}
	err := c.sess.SimpleQuery(ctx, sql, w)
	done()
	if err == nil && w.err != nil {
		err = w.err
	}
	if w.ioErr != nil {
		return w.ioErr
	}
	if err != nil {
		w.abortCopy()
		if err := c.sendError(err); err != nil {
			return err
		}
	} else if !w.any {
		c.be.Send(&pgproto3.EmptyQueryResponse{})
	}
	return c.readyForQuery()
}
