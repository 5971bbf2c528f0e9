package pgdialect

import pgoid "github.com/raftsql/raftsql/pgwire/oid"

// Result types of the sequence functions, as PostgreSQL 15 declares them
// (pg_proc.prorettype): nextval, currval, setval and lastval are bigint,
// pg_get_serial_sequence text. A statement calling nextval writes, so its
// columns are not probed from data when a client describes it: without
// these a prepared `SELECT nextval('s')` was described as text, and a
// driver scanning into an int64 (pgx, lib/pq) had to parse text.
func init() {
	for _, f := range []string{"nextval", "currval", "setval", "lastval"} {
		funcResultOIDs[f] = pgoid.Int8
	}
	funcResultOIDs["pg_get_serial_sequence"] = pgoid.Text
}
