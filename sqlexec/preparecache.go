package sqlexec

import (
	"strconv"
	"strings"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// Parse of the same text again, answered from the session's earlier one
// (issue 15).
//
// Drivers that do not keep named prepared statements send Parse, with the
// same text, for every execution: lib/pq, pgx's exec and describe-exec
// modes, pgbench -M extended. Each Parse translated the text, ran the
// catalog lookups of its rewrites and described it on SQLite again: 56%
// of the node's CPU for pgbench's TPC-B-like transaction in that mode, 6
// times the cost of the same transaction with named statements.
//
// A session keeps the outcome of its recent Parses of queries (the
// statement, its parameter and result types) by text and declared
// parameter types, and answers a Parse of the same text from it while
// nothing its outcome depends on has moved:
//
//   - the schema: the database's applied schema version and connection
//     generation (a restore may reuse a version number);
//   - the session's settings (search_path and every other one, by a
//     fingerprint of all of them);
//   - no temporary objects in the session, and no schema change in its
//     open transaction (their schemas are not in the version above).
//
// What is never kept: failed Parses, statements other than queries (SHOW,
// EXECUTE, FETCH, DECLARE depend on the session's named objects), and a
// description typed from the data (a probed row: describe's probed).
// Privileges are checked when a statement runs, not from this.

// maxPreparedKept bounds a session's kept Parses; past it they are all
// dropped (a client that never repeats a text keeps nothing for long).
const maxPreparedKept = 256

// preparedKept is a kept Parse outcome: the statement the last Parse of
// its text returned (copied for the next one, with what its executions
// learned: verdict.go) and what it was computed for.
type preparedKept struct {
	stamp prepareStamp
	last  *PreparedStatement
}

// prepareStamp is what a kept outcome was computed for.
type prepareStamp struct {
	schema   schemaKey
	settings uint64
}

// preparedKey is the kept outcome's key: the text and the declared
// parameter types.
func preparedKey(sql string, paramOIDs []uint32) string {
	if len(paramOIDs) == 0 {
		return sql
	}
	var b strings.Builder
	b.Grow(len(sql) + 8*len(paramOIDs))
	b.WriteString(sql)
	for _, o := range paramOIDs {
		b.WriteByte(0)
		b.WriteString(strconv.FormatUint(uint64(o), 10))
	}
	return b.String()
}

// prepareStamp is the session's present stamp; ok is false when kept
// outcomes may not be used (temporary objects, a schema change in the
// open transaction).
func (s *Session) prepareStamp() (prepareStamp, bool) {
	if s.temp != nil || s.tx != nil && s.tx.schemaChanged {
		return prepareStamp{}, false
	}
	return prepareStamp{schema: s.e.db.schemaKey(), settings: settingsPrint(s.settings)}, true
}

// settingsPrint is a fingerprint of settings, independent of map order:
// the sum of each entry's FNV-1a hash (computed in place: it runs for
// every Parse, which some drivers send for every execution).
func settingsPrint(settings map[string]string) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	var sum uint64
	for k, v := range settings {
		h := uint64(offset)
		for i := 0; i < len(k); i++ {
			h = (h ^ uint64(k[i])) * prime
		}
		h *= prime // the separator, a 0 byte
		for i := 0; i < len(v); i++ {
			h = (h ^ uint64(v[i])) * prime
		}
		sum += h
	}
	return sum
}

// keptPrepare is a copy of the kept outcome of a Parse of sql, if one
// holds for stamp.
func (s *Session) keptPrepare(key string, stamp prepareStamp) *PreparedStatement {
	k, ok := s.preparedKept[key]
	if !ok || k.stamp != stamp {
		return nil
	}
	ps := *k.last
	ps.closed, ps.coerce = false, coerceWriter{}
	k.last = &ps
	return &ps
}

// keepPrepare keeps ps, the outcome of a Parse of key, for stamp, when
// nothing in it depends on more than the stamp names.
func (s *Session) keepPrepare(key string, stamp prepareStamp, ps *PreparedStatement) {
	if ps.st.Kind != pgdialect.KindQuery || ps.fromData {
		return
	}
	if s.preparedKept == nil || len(s.preparedKept) >= maxPreparedKept {
		s.preparedKept = make(map[string]*preparedKept)
	}
	s.preparedKept[key] = &preparedKept{stamp: stamp, last: ps}
}
