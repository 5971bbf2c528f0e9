package raftsql

import "errors"

// errNodeStopped is why a request fails once the node is closing or its
// driver has stopped.
var errNodeStopped = errors.New("raftsql: node is stopped")

// NodeError is an error of the node itself (not of SQL) with the SQLSTATE a
// PostgreSQL client sees.
type NodeError struct {
	Code string
	Msg  string
	Err  error
}

func (e *NodeError) Error() string {
	if e.Err != nil {
		return e.Msg + ": " + e.Err.Error()
	}
	return e.Msg
}

// SQLState is the code the client sees. NodeError deliberately does not
// unwrap to its cause: a deadline inside the node means "outcome unknown",
// not "statement timeout".
func (e *NodeError) SQLState() string { return e.Code }
