package raftsql

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/raftsql/raftsql/pgwire"
	"github.com/raftsql/raftsql/raft"
)

// Prometheus metrics (served by adminhttp at /metrics). Each node has its
// own registry, so nodes in one process (tests, the demo) do not collide.
// Most values are read from the node's existing state when scraped
// (nodeCollector); only what no state records is counted as it happens:
// proposals and their latency (propose.go), durable log writes (driver.go)
// and SQL statements (the pgwire observer, observeStatement). The names are
// listed in README.md, "Monitoring".

// nodeMetrics are the counters and histograms updated as things happen.
type nodeMetrics struct {
	reg *prometheus.Registry

	proposals       prometheus.Counter
	proposalLatency prometheus.Histogram
	logSave         prometheus.Histogram

	statements  *prometheus.CounterVec
	stmtLatency *prometheus.HistogramVec
	// byKind caches each statement kind's counter and histogram (a
	// lookup in the vectors hashes the label at every statement).
	byKind       sync.Map // string -> *kindMetrics
	sqlErrors    *prometheus.CounterVec
	serialFailed prometheus.Counter
}

func newNodeMetrics(n *Node) *nodeMetrics {
	m := &nodeMetrics{
		reg: prometheus.NewRegistry(),
		proposals: prometheus.NewCounter(prometheus.CounterOpts{Name: "raftsql_raft_proposals_total",
			Help: "Writes this node proposed to the Raft log (client writes; retries of one write count once)."}),
		proposalLatency: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "raftsql_raft_proposal_duration_seconds",
			Help:    "Time from proposing a write to this node's apply of it (replication, commit and apply).",
			Buckets: prometheus.ExponentialBuckets(0.0005, 2, 16)}),
		logSave: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "raftsql_storage_log_sync_duration_seconds",
			Help:    "Duration of durable (fsynced) Raft log writes.",
			Buckets: prometheus.ExponentialBuckets(0.0001, 2, 16)}),
		statements: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "raftsql_sql_statements_total",
			Help: "SQL statements executed, by kind (the command tag's first word; ERROR for a failed statement)."}, []string{"kind"}),
		stmtLatency: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "raftsql_sql_statement_duration_seconds",
			Help:    "SQL statement execution time, by kind.",
			Buckets: prometheus.ExponentialBuckets(0.0001, 2.5, 14)}, []string{"kind"}),
		sqlErrors: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "raftsql_sql_errors_total",
			Help: "SQL statements that failed, by SQLSTATE class (the code's first two characters)."}, []string{"class"}),
		serialFailed: prometheus.NewCounter(prometheus.CounterOpts{Name: "raftsql_sql_serialization_failures_total",
			Help: "Statements that failed with 40001 (serialization_failure): transactions the client must retry."}),
	}
	m.reg.MustRegister(m.proposals, m.proposalLatency, m.logSave, m.statements, m.stmtLatency, m.sqlErrors, m.serialFailed,
		(*nodeCollector)(n),
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// proposed counts a proposal; the function it returns, called when the
// write's outcome is known, records its latency. A node built without
// metrics (unit tests) records nothing.
func (m *nodeMetrics) proposed() (done func()) {
	if m == nil {
		return func() {}
	}
	m.proposals.Inc()
	start := time.Now()
	return func() { m.proposalLatency.Observe(time.Since(start).Seconds()) }
}

// logSynced times a durable log write: call the function it returns when
// the write is done.
func (m *nodeMetrics) logSynced() (done func()) {
	if m == nil {
		return func() {}
	}
	start := time.Now()
	return func() { m.logSave.Observe(time.Since(start).Seconds()) }
}

// Registry is the node's metrics registry (what /metrics serves).
func (n *Node) Registry() *prometheus.Registry { return n.metrics.reg }

// observeStatement is the pgwire observer: one call per statement run.
func (m *nodeMetrics) observeStatement(tag string, err error, d time.Duration) {
	kind := statementKind(tag)
	if err != nil {
		kind = "ERROR"
		code := pgwire.SQLState(err)
		m.sqlErrors.WithLabelValues(code[:2]).Inc()
		if code == "40001" {
			m.serialFailed.Inc()
		}
	}
	km, ok := m.byKind.Load(kind)
	if !ok {
		km, _ = m.byKind.LoadOrStore(kind, &kindMetrics{
			count:   m.statements.WithLabelValues(kind),
			latency: m.stmtLatency.WithLabelValues(kind),
		})
	}
	k := km.(*kindMetrics)
	k.count.Inc()
	k.latency.Observe(d.Seconds())
}

// kindMetrics are one statement kind's series (statementKind keeps the
// kinds few).
type kindMetrics struct {
	count   prometheus.Counter
	latency prometheus.Observer
}

// statementKind is a command tag's kind: its first word ("INSERT 0 1" is
// INSERT), or OTHER for anything not a plain upper-case word, so the
// label's values stay few.
func statementKind(tag string) string {
	word, _, _ := strings.Cut(tag, " ")
	if word == "" {
		return "EMPTY"
	}
	for _, r := range word {
		if (r < 'A' || r > 'Z') && r != '_' {
			return "OTHER"
		}
	}
	return word
}

// nodeCollector reads the node's state at scrape time.
type nodeCollector Node

func desc(name, help string, labels ...string) *prometheus.Desc {
	return prometheus.NewDesc(name, help, labels, nil)
}

var (
	descTerm          = desc("raftsql_raft_term", "The node's current Raft term.")
	descIsLeader      = desc("raftsql_raft_is_leader", "1 if this node is the leader.")
	descHasLeader     = desc("raftsql_raft_has_leader", "1 if this node knows a leader.")
	descLeaderChanges = desc("raftsql_raft_leader_changes_total", "Changes of the leader this node knows (including to none).")
	descCommit        = desc("raftsql_raft_commit_index", "The node's commit index.")
	descApplied       = desc("raftsql_raft_applied_index", "The index of the last entry applied to SQLite.")
	descLogEntries    = desc("raftsql_raft_log_entries", "Entries the Raft log holds (after compaction).")
	descSnapIndex     = desc("raftsql_snapshot_index", "Index of the newest snapshot (0: none).")
	descSnapBytes     = desc("raftsql_snapshot_bytes", "Size of the newest snapshot file.")
	descSnapMade      = desc("raftsql_snapshots_made_total", "Snapshots this node made since it started.")
	descSnapInstalled = desc("raftsql_snapshots_installed_total", "Snapshots this node installed from its leader since it started.")
	descSnapMadeB     = desc("raftsql_snapshot_made_bytes_total", "Bytes of the snapshot files this node made since it started.")
	descSnapInstB     = desc("raftsql_snapshot_installed_bytes_total", "Bytes of the snapshot images this node installed from its leader since it started.")
	descSnapSending   = desc("raftsql_snapshot_transfers", "Outgoing snapshot transfers in progress.")
	descReady         = desc("raftsql_ready", "1 if the node is ready (see /readyz).")
	descDiverged      = desc("raftsql_diverged", "1 if self-verification found this replica diverged.")
	descLogBytes      = desc("raftsql_storage_raft_log_bytes", "Disk space of the Raft log (Pebble).")
	descSQLiteBytes   = desc("raftsql_storage_sqlite_bytes", "Size of the SQLite database files (db.sqlite and its WAL).")
	descConns         = desc("raftsql_sql_connections", "Open PostgreSQL client sessions.")
	descOpenTx        = desc("raftsql_sql_transactions_open", "Client sessions inside a transaction block.")
	descPeerSent      = desc("raftsql_transport_sent_bytes_total", "Bytes sent to a peer on the message lane.", "peer")
	descPeerMsgs      = desc("raftsql_transport_sent_messages_total", "Messages sent to a peer.", "peer")
	descPeerDropped   = desc("raftsql_transport_dropped_messages_total", "Messages to a peer dropped (queue full, connection failed, too large).", "peer")
	descPeerConnects  = desc("raftsql_transport_connects_total", "Connections established to a peer (the first, then reconnects).", "peer")
	descPeerUp        = desc("raftsql_transport_connected", "1 while connected to a peer.", "peer")
	descPeerQueued    = desc("raftsql_transport_queued_bytes", "Bytes queued for a peer.", "peer")
	descRecvBytes     = desc("raftsql_transport_received_bytes_total", "Bytes received from peers on the message lane.")
	descRejected      = desc("raftsql_transport_rejected_handshakes_total", "Inbound peer connections refused (cluster or node id mismatch, malformed hello).")
	descRecvMsgs      = desc("raftsql_raft_received_messages_total", "Raft messages received from peers, by type.", "type")
	descReadRounds    = desc("raftsql_raft_read_index_rounds_total", "ReadIndex requests this node's driver made (each for a batch of linearizable reads).")
	descReadRoundReqs = desc("raftsql_raft_read_index_reads_total", "Linearizable reads the ReadIndex requests carried (reads served by the local read index excluded).")
)

var allDescs = []*prometheus.Desc{descTerm, descIsLeader, descHasLeader, descLeaderChanges, descCommit, descApplied, descLogEntries,
	descSnapIndex, descSnapBytes, descSnapMade, descSnapInstalled, descSnapMadeB, descSnapInstB, descSnapSending, descReady, descDiverged, descLogBytes, descSQLiteBytes,
	descConns, descOpenTx, descPeerSent, descPeerMsgs, descPeerDropped, descPeerConnects, descPeerUp, descPeerQueued, descRecvBytes, descRejected,
	descRecvMsgs, descReadRounds, descReadRoundReqs}

func (c *nodeCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range allDescs {
		ch <- d
	}
}

func (c *nodeCollector) Collect(ch chan<- prometheus.Metric) {
	n := (*Node)(c)
	gauge := func(d *prometheus.Desc, v float64, labels ...string) {
		ch <- prometheus.MustNewConstMetric(d, prometheus.GaugeValue, v, labels...)
	}
	counter := func(d *prometheus.Desc, v float64, labels ...string) {
		ch <- prometheus.MustNewConstMetric(d, prometheus.CounterValue, v, labels...)
	}
	b := func(v bool) float64 {
		if v {
			return 1
		}
		return 0
	}
	lead := n.leader.Load()
	gauge(descTerm, float64(n.term.Load()))
	gauge(descIsLeader, b(lead == n.id))
	gauge(descHasLeader, b(lead != 0))
	counter(descLeaderChanges, float64(n.health.changes.Load()))
	gauge(descCommit, float64(n.commit.Load()))
	gauge(descApplied, float64(n.AppliedIndex()))
	_, reason := n.notReady()
	gauge(descReady, b(reason == ""))
	gauge(descDiverged, b(n.divergedReason() != ""))

	if !n.isClosed() {
		snap := n.SnapshotStatus()
		entries := uint64(0)
		if snap.LogLastIndex >= snap.LogFirstIndex && snap.LogFirstIndex > 0 {
			entries = snap.LogLastIndex - snap.LogFirstIndex + 1
		}
		gauge(descLogEntries, float64(entries))
		gauge(descLogBytes, float64(snap.LogDiskBytes))
		gauge(descSnapIndex, float64(snap.SnapshotIndex))
		gauge(descSnapBytes, float64(snap.SnapshotBytes))
		gauge(descSnapSending, float64(len(n.snaps.sender.Transfers())))
		counter(descSnapMade, float64(snap.Made))
		counter(descSnapInstalled, float64(snap.Installed))
		counter(descSnapMadeB, float64(n.snaps.madeBytes.Load()))
		counter(descSnapInstB, float64(n.snaps.installedBytes.Load()))
	}
	var sqliteBytes int64
	for _, suffix := range []string{"", "-wal"} {
		if fi, err := os.Stat(filepath.Join(n.cfg.DataDir, "db.sqlite"+suffix)); err == nil {
			sqliteBytes += fi.Size()
		}
	}
	gauge(descSQLiteBytes, float64(sqliteBytes))

	if n.pg != nil {
		st := n.pg.Stats()
		gauge(descConns, float64(st.Sessions))
		gauge(descOpenTx, float64(st.InTransaction))
	}
	if conf := n.conf.Load(); conf != nil && n.tr != nil {
		for _, id := range conf.IDs() {
			if id == n.id {
				continue
			}
			ps, ok := n.tr.PeerStats(id)
			if !ok {
				continue
			}
			peer := n.nameOf(id)
			counter(descPeerSent, float64(ps.SentBytes), peer)
			counter(descPeerMsgs, float64(ps.Sent), peer)
			counter(descPeerDropped, float64(ps.Dropped), peer)
			counter(descPeerConnects, float64(ps.Connects), peer)
			gauge(descPeerUp, b(ps.Connected), peer)
			gauge(descPeerQueued, float64(ps.QueuedBytes), peer)
		}
		ts := n.tr.Stats()
		counter(descRecvBytes, float64(ts.ReceivedBytes))
		counter(descRejected, float64(ts.Rejected))
	}
	for t := range n.msgStats.received {
		if v := n.msgStats.received[t].Load(); v > 0 {
			counter(descRecvMsgs, float64(v), raft.MessageType(t).String())
		}
	}
	counter(descReadRounds, float64(n.msgStats.rounds.Load()))
	counter(descReadRoundReqs, float64(n.msgStats.reads.Load()))
}
