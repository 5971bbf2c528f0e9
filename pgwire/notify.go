package pgwire

import (
	"github.com/jackc/pgx/v5/pgproto3"
)

// Asynchronous notifications (LISTEN / NOTIFY). PostgreSQL sends a
// NotificationResponse only between transactions: just before the
// ReadyForQuery that ends a transaction, and at once while the backend
// waits idle for the client. The connection's goroutine owns the socket
// while it handles a message; the notifier goroutine writes only while
// the connection is idle after a ReadyForQuery that reported TxIdle
// (notifyIdle, under wmu). Its writes go to the socket directly, not
// through the Backend, whose buffers belong to the connection's
// goroutine.

// sendNotifications queues the session's pending notifications through
// the Backend (the connection's goroutine, before ReadyForQuery).
func (c *conn) sendNotifications(ns NotifyingSession) {
	for _, n := range ns.TakeNotifications() {
		c.be.Send(&pgproto3.NotificationResponse{PID: n.PID, Channel: n.Channel, Payload: n.Payload})
	}
}

// setNotifyIdle records whether the notifier may write now.
func (c *conn) setNotifyIdle(idle bool) {
	c.wmu.Lock()
	c.notifyIdle = idle
	c.wmu.Unlock()
}

// notifier delivers notifications that arrive while the connection waits
// idle for the client. It ends with the connection's context.
func (c *conn) notifier(ns NotifyingSession) {
	wake := ns.NotifyWake()
	for {
		select {
		case <-c.ctx.Done():
			return
		case <-wake:
		}
		c.wmu.Lock()
		if c.notifyIdle {
			var buf []byte
			for _, n := range ns.TakeNotifications() {
				buf, _ = (&pgproto3.NotificationResponse{PID: n.PID, Channel: n.Channel, Payload: n.Payload}).Encode(buf)
			}
			if len(buf) > 0 {
				if _, err := c.nc.Write(buf); err != nil {
					c.srv.log.Debug("pgwire: notification", "pid", c.pid, "err", err)
				}
			}
		}
		c.wmu.Unlock()
	}
}
