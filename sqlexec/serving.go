package sqlexec

// ServingChecker is implemented by a Replicator that can refuse to serve
// reads altogether (a replica whose data diverged from the cluster's): its
// local state must not be shown even to a session that reads stale. When
// the Replicator implements it, every read asks it first.
type ServingChecker interface {
	// Serving returns nil, or the error a read gets (with its SQLSTATE).
	Serving() error
}
