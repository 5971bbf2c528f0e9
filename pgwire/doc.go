// Package pgwire is raftsql's PostgreSQL v3 wire protocol server: psql,
// pgx, database/sql (pgx stdlib), pgbench and libpq clients connect to it
// unmodified. It owns framing, the connection state machine, value
// encoding (text and binary), COPY and error reporting; SQL execution is
// delegated to an Engine (see engine.go), one Session per connection.
// pgwire never imports the SQL engine.
//
// # Connection state machine
//
//	accept
//	  └─ STARTUP (deadline Config.StartupTimeout, packets <= MaxStartupPacket)
//	       SSLRequest     -> 'S' + TLS handshake when Config.TLSConfig is set, else 'N'; read again
//	                         (bytes pipelined behind it: FATAL 08P01, CVE-2021-23214)
//	       GSSENCRequest  -> 'N'; read again
//	       CancelRequest  -> cancel the running statement of the (pid, secret) connection; close
//	       StartupMessage -> protocol 3.x (3.1+ negotiated down with NegotiateProtocolVersion;
//	                         other majors: FATAL 0A000); user required (FATAL 28000)
//	  └─ AUTH: Config.Auth (TrustAuth by default; SCRAMAuth for scram-sha-256 from stored
//	       verifiers; any Authenticator can run its own exchange) -> AuthenticationOk;
//	       failures FATAL 28P01, the same for an unknown user and a wrong password
//	       MaxConnections exceeded -> FATAL 53300 too_many_connections; so is a non-superuser
//	       (Config.IsSuperuser) in the last ReservedConnections slots
//	       Engine.NewSession, ParameterStatus: 12 fixed ones, server_version from
//	       Config.ServerVersion when set, then the session's own (which win), BackendKeyData
//	  └─ READY: ReadyForQuery(Session.TxStatus()); idle outside a transaction for longer
//	       than Config.IdleSessionTimeout -> FATAL 57P05 (limits.go)
//	       Query           -> Session.SimpleQuery; each statement reports RowDescription/DataRow/
//	                          CommandComplete (or EmptyQueryResponse); the first error is sent as
//	                          ErrorResponse and ends the query; then ReadyForQuery
//	       Parse/Bind/Describe/Execute/Close -> extended protocol; replies are buffered
//	                          until Sync or Flush (or 64 KiB of output)
//	       Sync            -> ReadyForQuery; leaves the error state; portals dropped when idle
//	       Flush           -> write buffered output
//	       FunctionCall    -> ErrorResponse 0A000 + ReadyForQuery
//	       Terminate / EOF -> close
//	     EXTENDED ERROR: after an error every message but Sync/Terminate is discarded
//	     COPY IN  (Session calls ResultWriter.CopyIn): CopyInResponse, then CopyData/CopyDone/
//	              CopyFail are read by CopySource.Next (Flush/Sync ignored); a COPY that fails
//	              leaves its remaining CopyData/CopyDone/CopyFail to be dropped by READY
//	     COPY OUT (ResultWriter.CopyOut): CopyOutResponse, CopyData per row, CopyDone
//
// Before every ReadyForQuery the server compares Session.ParameterStatus()
// with what it last reported and sends ParameterStatus for each change.
//
// # Extended protocol
//
// Parse creates a named (redefinition: 42P05) or unnamed statement via
// Session.Prepare. Bind decodes parameters by the statement's parameter
// OIDs: text or binary into nil, int64, float64, bool, string, []byte or
// time.Time (numeric, time, interval and uuid decode to their text form as
// string; OID 0 decodes as string). Execute without a row limit streams
// rows; with a row limit the statement runs to completion, its encoded rows
// are buffered in the portal and handed out max rows per Execute with
// PortalSuspended.
//
// # Values
//
// Type OIDs and sizes come from pgwire/oid, the one table of them; float4
// and float8 print with FormatFloat, the one float formatter, which the
// SQL engine shares. pgwire has no server version of its own: it reports
// the session's (or Config.ServerVersion).
// Row values are encoded per column TypeOID and requested format; int64
// 0/1 in a bool column prints as f/t; dates and timestamps may arrive as
// time.Time, strings (SQLite's "2006-01-02 15:04:05" and PostgreSQL forms)
// or int64 Unix time (seconds, ms, µs or ns by magnitude); zone-less
// timestamptz strings are taken as UTC and printed in the session's
// TimeZone (ParameterStatus).
//
// # Limits and failure handling
//
//   - Config.MaxMessageSize (64 MiB): larger messages get FATAL 54000 and close.
//   - Config.MaxStartupPacket (10 KiB; also bounds authentication messages),
//     Config.StartupTimeout (10 s, from accept to the first ReadyForQuery).
//   - Config.MaxConnections (200): established sessions; more get FATAL 53300.
//   - An engine error of severity FATAL (or PANIC) is sent and ends the
//     connection, as in PostgreSQL (e.g. an idle-in-transaction timeout).
//   - Malformed, truncated or unexpected messages: FATAL 08P01 protocol_violation
//     and close. A panic while serving a connection is recovered, logged
//     with its stack, reported as FATAL XX000 and the connection is closed.
//   - Server.Close stops listeners, cancels running statements, closes
//     connections (FATAL 57P01 to idle clients) and waits for goroutines.
//
// # Files
//
//	server.go    Config, Server: listeners, connection registry, cancel requests
//	conn.go      one connection: the message loop, ReadyForQuery, errors, flushing
//	startup.go   startup packets, SSL/GSS negotiation, authentication, ParameterStatus
//	query.go     the simple query protocol
//	extended.go  the extended protocol: Parse, Bind, Describe, Execute, Close, portals
//	writer.go    ResultWriter: RowDescription, DataRow, CommandComplete
//	outmsg.go    a connection's reusable DataRow, CommandComplete and ReadyForQuery
//	             (a streamed point read sends its reply without allocating)
//	copy.go      COPY IN and COPY OUT
//	framer.go    reading frontend messages (peeking at the next one)
//	values.go    normalizing the Go values a session hands out; encoding dispatch
//	text.go      text format encoding and decoding; FormatFloat
//	binary.go    binary format encoding and decoding
//	numeric.go   numeric: binary form, numeric(p,s) output
//	datetime.go  dates, times, timestamps and intervals
//	errors.go    SQLSTATE codes and ErrorResponse fields
//	auth.go, scram.go  Authenticator: trust and SCRAM-SHA-256
//	saslprep.go  SASLprep of passwords (RFC 4013), as PostgreSQL
//	hba.go       host-based rules (a pg_hba.conf subset) and cert authentication
//	engine.go    the contract with the SQL engine: Engine, Session, Statement, ResultWriter
//
// Test data: testdata/replay holds traces of real PostgreSQL 15 sessions,
// recorded with cmd/pgrecord (see testdata/README.md).
package pgwire
