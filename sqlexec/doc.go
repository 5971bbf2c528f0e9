// Package sqlexec is raftsql's SQLite state machine and its SQL sessions.
//
// # State machine (DB)
//
// One SQLite file in WAL mode. Only the apply connection writes it (under
// DB.mu); reads use a pool of query_only connections, which in WAL mode
// never block and are never blocked by apply. Apply/ApplyBatch run each
// log entry inside one SQLite transaction (a SAVEPOINT per entry when
// batched) together with the update of raftsql_meta.applied_index and the
// insertion of the entry's request id into raftsql_requests, so a crash
// can neither skip nor double-apply an entry. A configuration change's
// entry records the resulting configuration in raftsql_config in the same
// way (ApplyConfig), and an entry that changes the node's member table
// records the table (opaque bytes) in raftsql_members (ApplyImageMeta), so
// a snapshot image names its own configuration and members.
// Internal tables are named raftsql_* and user statements naming them are
// refused (42501).
//
// # Determinism
//
// The proposer fixes Command.Timestamp and Command.Seed. The apply
// connection is opened through its own VFS ("raftsql-apply-N", a copy of
// the default unix VFS whose xCurrentTimeInt64/xCurrentTime return the
// pinned timestamp), so every 'now' of SQLite (CURRENT_TIMESTAMP/DATE/TIME,
// also in column DEFAULTs, date()/time()/datetime()/julianday()/
// unixepoch()/strftime()/timediff() with 'now' or no argument) is the
// entry's timestamp. random(), randomblob(), now(), gen_random_uuid() and
// the *_timestamp() functions are overridden on that connection only
// (sqlite3_create_function_v2 is per connection) and draw from a PCG
// seeded with (Seed, statement number), the date/time literal casts read
// the pinned clock, SQLite's own PRNG (random rowids) is seeded from the
// entry and its localtime is UTC (pinsqlite.go). The SQL text is never
// rewritten. What a write may use is an allow-list enforced by SQLite's
// authorizer (authorize.go) on what SQLite compiled: functions known to be
// deterministic, no PRAGMA, no temporary objects, no ATTACH, no raftsql_*
// tables; refused before proposing (0A000 naming the construct) and,
// identically on every node, at apply.
//
// A request id seen before (within DedupeWindow entries, pruned by index
// so every node prunes identically) is not executed again: the entry
// reports Duplicate with the original command tags or error. The ids are
// found through an in-memory index of raftsql_requests that mirrors the
// table at every point of the apply transaction (dedup.go).
//
// # Sessions
//
// Each statement is split and translated by sqlexec/pgdialect. A
// statement SQLite reports read-only (sqlite3_stmt_readonly) runs on a
// read connection, after Replicator.ReadBarrier unless the session has
// SET raftsql.read_consistency = 'stale'. Anything else becomes a Command
// passed to Replicator.Propose; the node's own apply result is returned.
// A query string of several statements is one implicit transaction
// (multistmt.go): plain statements (with session-only SET/SHOW) that write
// are proposed as one atomic entry, results from the apply; any other mix
// runs like an explicit transaction committed at the end of the string.
//
// Explicit transactions follow the optimistic design of issue 6: each
// statement runs speculatively on the local apply state (BEGIN, replay of
// the transaction's earlier statements with the transaction's pinned
// timestamp and seed, the new statement, ROLLBACK — the apply lock is held
// only for that, and a committed entry waiting to be applied preempts the
// speculation, which then runs again: preempt.go), so the client sees its
// own writes and real RETURNING values; nothing is held between
// statements. COMMIT proposes one Command
// (flag CmdTxn) with all statements, their arguments, the transaction's
// timestamp/seed and a SHA-256 digest of every result the client saw.
// Apply re-executes the statements at the entry's log position and
// compares digests: equal commits, different rolls the entry back on every
// node and the client gets 40001. A transaction that only read needs no
// log entry and no validation (its reads came from one read view); one
// that attempted writes but has nothing left to write needs no log entry
// either, but if a speculation found an earlier result changed (doomed)
// its COMMIT fails with 40001.
// The digest covers errors too: a failed statement, even one rolled back
// to a savepoint, is recorded and replayed (validate.go). Until its first
// write a transaction reads its read
// view: one consistent state of the database held on a dedicated read
// connection. ("Snapshot" in this package means only the Raft snapshot:
// the database image SnapshotTo writes and Restore installs.)
//
// # Seams
//
// The engine implements pgwire's Engine/Session/Statement contract
// directly; there is no second copy of those types. The node's own
// settings (SHOW raftsql.leader, ...) come from EngineOptions.NodeSettings,
// asked in every protocol mode. The wall clock and randomness are
// Options.Clock and Options.Rand (tests advance a fake clock); writes never
// read them at apply, only the entry's pinned time and seed. Type OIDs and
// sizes come from pgwire/oid, the server version from
// pgdialect.PostgresVersion.
//
// # Files
//
// engine.go (Engine, options, Replicator), session.go (session lifecycle,
// statement dispatch), settings.go (SET/SHOW/RESET), nodesettings.go,
// clusteradmin.go (ALTER CLUSTER, handed to the node),
// read.go (the read path), readdesc.go (a read's result description, kept
// on its compiled statement per column hints until the schema moves),
// query.go (statements outside a transaction),
// verdict.go (an autocommit statement's read/write classification and
// write check on one read connection, remembered per prepared statement
// and schema),
// txn.go (explicit transactions), preempt.go (a speculation yields the
// apply lock to a waiting apply and runs again), validate.go (replay and
// outcomes),
// multistmt.go (query strings of several statements), readview.go (a
// transaction's read connection; its page cache is small and freed when
// idle), cursor.go (DECLARE/FETCH) and cursorrows.go (a cursor's kept
// result, in one buffer),
// txstream.go (a transaction's reads of its view stream; their digests are
// settled when first needed),
// copy.go, prepare.go
// (extended protocol), param_assign.go (a parameter declared timestamptz
// stored into another date/time or text column: converted in the session
// zone before proposal), columns.go (result column types), result.go,
// errors.go, constraint_errors.go (constraint violations' DETAIL and
// fields, found by re-running the failed statement in a savepoint;
// fk_restrict.go: ON DELETE/UPDATE RESTRICT violations),
// deferred.go (deferred foreign keys, checked at the end of each entry,
// and SET CONSTRAINTS),
// undefined_function.go (42883 with argument types), serving.go (a replicator may refuse all reads); db.go (open,
// connections), apply.go, fault.go (apply results vs. faults), budget.go
// (work budget and cancellation: the progress handler), timeout.go
// (statement_timeout in a transaction), interrupt.go, dedup.go, digest.go,
// checksum.go (full content
// checksum), samplesum.go (the bounded sampled checksum replicas compare),
// snapshot.go (snapshot images: online backup, Restore, the recorded
// configuration), command.go (log entry encoding), det.go (deterministic
// functions and clock VFS), authorize.go (what may enter the log),
// pinsqlite.go (SQLite's PRNG and localtime), lite.go and exec.go (SQLite
// connections and statements), statetrack.go (when the apply connection
// re-reads its schema version and query_only), roles.go (CREATE/ALTER/DROP ROLE: hashed
// before proposing, applied to raftsql_roles; the superuser check),
// advisory.go (cluster-wide advisory locks: lock entries through the log,
// leases), defaults.go (DEFAULT in some VALUES rows only, from the local
// schema), jsonrows.go (a table's whole row as JSON, row_to_json(u): its
// columns from the local schema), sqlprepare.go (SQL-level PREPARE / EXECUTE / DEALLOCATE),
// temp.go (temporary tables and views: a session's own SQLite connection
// whose authorizer lets it write only its temp schema; never in the log),
// sequences.go (sequences: state functions at apply), serial.go (the
// sequences serial and identity columns own), seqtxn.go (nextval in
// explicit transactions: values reserved through the log), identity.go
// (GENERATED ALWAYS columns refuse explicit values, 428C9), notify.go
// (LISTEN / NOTIFY), dumpseq.go (pg_dump's read of a sequence's state),
// enums.go (enum types: state functions at apply), enum_order.go (the
// collations that order enum columns by declaration, on every connection),
// comments.go (COMMENT ON views, indexes, sequences, types, constraints,
// the schema), upsertonce.go (ON CONFLICT DO UPDATE hitting a row twice:
// 21000), similar.go (match(), behind SIMILAR TO).
//
// # Fuzzing
//
// FuzzSession (fuzz_session_test.go) runs query strings through a real
// session over a small schema of every enforced column kind (and the
// differential corpus's tables; its seeds are the corpus files,
// integration/testdata/diff/*.sql). After every statement: no panic, no
// hang past its cancellation, no XX000, PRAGMA integrity_check and
// foreign_key_check clean, no BUG logged; at the end a second database
// replaying the log must report the same outcome for every entry and
// reach the same checksum. The seed run is part of go test; run it
// longer with go test -fuzz '^FuzzSession$' ./sqlexec (README, Tests).
package sqlexec
