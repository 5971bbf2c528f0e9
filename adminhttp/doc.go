// Package adminhttp is a node's admin HTTP listener: Prometheus metrics
// (/metrics), liveness and readiness probes (/livez, /readyz), the status
// page (/) and its data for scripts (/status.json), and, when enabled, Go's
// pprof endpoints (/debug/pprof/).
//
// The package knows nothing of the node: it asks a Source for readiness
// and status and serves whatever Gatherer it is given, so the dependency
// points one way (the node imports adminhttp, never the reverse). Each
// node has its own Gatherer (a registry per node, never Prometheus's
// global default), so several nodes in one process do not collide.
//
// Invariants: every endpoint answers from the node's in-memory state with
// a bounded wait (a Source call gets a request context with a deadline);
// nothing here writes to the database or the log; the server listens only
// where the operator said (Config.Listener) and stops with the node.
package adminhttp
