package pgdialect

import (
	"strconv"
	"strings"
)

// INSERT ... ON CONFLICT (cols) DO UPDATE whose proposed rows repeat a
// conflict key: PostgreSQL raises 21000 "ON CONFLICT DO UPDATE command
// cannot affect row a second time" and stores nothing; SQLite would
// update the row twice. The rows are routed through one materialized CTE
// whose WHERE calls pg_upsert_key (sqlexec/upsertonce.go) with the key
// columns:
//
//	INSERT INTO t (k, v) VALUES (1, 'a'), (1, 'b') ON CONFLICT (k) DO UPDATE ...
//	INSERT INTO t (k, v) WITH pg_upsert_rows(pg_upsert_c1, pg_upsert_c2) AS MATERIALIZED (
//	    VALUES (1, 'a'), (1, 'b')) SELECT * FROM pg_upsert_rows
//	    WHERE pg_upsert_key('t', pg_upsert_c1) ON CONFLICT (k) DO UPDATE ...
//
// The WHERE runs after the values went through their column's input
// function (enforceDML), so it sees each key as it will be stored, and it
// is one call site, so the function's per-execution key set covers every
// row. MATERIALIZED keeps SQLite from splitting the WHERE into the arms of
// a compound (one call site each). The session gives a column-less INSERT
// with ON CONFLICT DO UPDATE its column list (AddColumnList), which the
// key positions need. Not checked: a single VALUES row (it cannot repeat
// a key), a conflict target that is not plain columns, a source whose
// width cannot be read lexically (SELECT *).

// upsertOnce adds the repeated-key check (see above) to an INSERT ... ON
// CONFLICT (cols) DO UPDATE. It runs after enforceDML.
func (x *tx) upsertOnce() {
	if !x.kw(0, "INSERT", "INTO") {
		return
	}
	oc := -1
	for k := 3; k < x.n(); k++ {
		if x.depth[k] == 0 && x.kw(k, "ON", "CONFLICT") {
			oc = k
			break
		}
	}
	if oc < 0 || !x.isP(oc+2, "(") {
		return
	}
	te := x.match(oc + 2)
	if !x.kw(te+1, "DO", "UPDATE") {
		return
	}
	var target []string
	for _, p := range x.splitTop(oc+3, te) {
		n, k := x.name(p[0])
		if n == "" || k != p[1] {
			return // an expression or an opclass: not checked
		}
		target = append(target, n)
	}
	tbl, j := x.name(2)
	if tbl == "" {
		return
	}
	if x.kw(j, "AS") {
		j += 2
	}
	if !x.isP(j, "(") {
		return
	}
	cols := x.parenNames(j, x.n())
	j = x.match(j) + 1
	if x.kw(j, "VALUES") && x.isP(j+1, "(") && x.match(j+1) == oc-1 {
		return // one row
	}
	if !x.kw(j, "VALUES") && !x.kw(j, "SELECT") && !x.kw(j, "WITH") {
		return
	}
	keys := make([]string, len(target))
	for i, tc := range target {
		idx := -1
		for c, n := range cols {
			if strings.EqualFold(n, tc) {
				idx = c
			}
		}
		if idx < 0 {
			return
		}
		keys[i] = "pg_upsert_c" + strconv.Itoa(idx+1)
	}
	names := make([]string, len(cols))
	for i := range cols {
		names[i] = "pg_upsert_c" + strconv.Itoa(i+1)
	}
	x.T(j).wpre = "WITH pg_upsert_rows(" + strings.Join(names, ", ") + ") AS MATERIALIZED (" + x.T(j).wpre
	x.T(oc - 1).wsuf += ") SELECT * FROM pg_upsert_rows WHERE pg_upsert_key(" + quoteLit(tbl) + ", " + strings.Join(keys, ", ") + ")"
}

// onConflictUpdate reports whether the statement has ON CONFLICT ... DO
// UPDATE at its top level.
func (x *tx) onConflictUpdate() bool {
	for k := 0; k < x.n(); k++ {
		if x.depth[k] == 0 && x.kw(k, "ON", "CONFLICT") {
			for ; k < x.n(); k++ {
				if x.depth[k] == 0 && x.kw(k, "DO", "UPDATE") {
					return true
				}
			}
		}
	}
	return false
}
