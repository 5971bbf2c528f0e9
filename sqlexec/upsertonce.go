package sqlexec

// INSERT ... ON CONFLICT DO UPDATE that would affect one row twice.
// PostgreSQL raises 21000 when two rows proposed by one statement have the
// same conflict key (the second would update the row the first inserted
// or updated); SQLite applies both. pgdialect (upsert.go) routes the
// proposed rows of such a statement through one WHERE that calls
// pg_upsert_key('table', key columns ...) per row; the function keeps the
// keys it has seen in SQLite's auxiliary data of its constant first
// argument, which lives exactly as long as one execution of the
// statement, and raises 21000 on a repeat. The keys are the values as
// stored (after the column's input function), so every node, given the
// same rows, raises the same error at apply and nothing of the statement
// is stored.

import (
	"encoding/binary"
	"math"
	"strings"
	"sync"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
	"modernc.org/libc"
	lib "modernc.org/sqlite/lib"
)

// upsertSets holds the key sets of the running statements by handle (the
// auxiliary data pointer SQLite keeps is the handle, never dereferenced).
var upsertSets = struct {
	sync.Mutex
	next uintptr
	m    map[uintptr]map[string]struct{}
}{m: map[uintptr]map[string]struct{}{}}

var upsertFunctions = []detFunction{
	// not SQLITE_DETERMINISTIC: SQLite must call it once per row where
	// it is written, never fold or move it
	{"pg_upsert_key", -1, cFuncPointer(fnUpsertKey), 0},
	// RETURNING xmax of an upsert (pgdialect/upsert_xmax.go; upsertxmax.go)
	{"pg_upsert_mark", 2, cFuncPointer(fnUpsertMark), 0},
	{"pg_upsert_xmax", 1, cFuncPointer(fnUpsertXmax), 0},
}

// errUpsertTwice is PostgreSQL's message (its HINT: upsertHint).
const errUpsertTwice = "ON CONFLICT DO UPDATE command cannot affect row a second time"

// upsertHint is PostgreSQL's HINT for errUpsertTwice.
const upsertHint = "Ensure that no rows proposed for insertion within the same command have duplicate constrained values."

func fnUpsertKey(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	if argc < 2 {
		lib.Xsqlite3_result_int64(tls, ctx, 1)
		return
	}
	var key strings.Builder
	for i := 1; i < int(argc); i++ {
		switch v := argValue(tls, argv, i).(type) {
		case nil:
			// NULL keys never conflict: the row cannot hit another
			lib.Xsqlite3_result_int64(tls, ctx, 1)
			return
		case int64:
			key.WriteByte('i')
			key.WriteString(string(binary.BigEndian.AppendUint64(nil, uint64(v))))
		case float64:
			if v == math.Trunc(v) && math.Abs(v) < 1<<62 {
				key.WriteByte('i') // 1.0 is the key 1, as in SQLite's index
				key.WriteString(string(binary.BigEndian.AppendUint64(nil, uint64(int64(v)))))
			} else {
				key.WriteByte('f')
				key.WriteString(string(binary.BigEndian.AppendUint64(nil, math.Float64bits(v))))
			}
		case string:
			key.WriteByte('t')
			key.WriteString(string(binary.BigEndian.AppendUint64(nil, uint64(len(v)))))
			key.WriteString(v)
		case []byte:
			key.WriteByte('b')
			key.WriteString(string(binary.BigEndian.AppendUint64(nil, uint64(len(v)))))
			key.Write(v)
		}
	}
	h := lib.Xsqlite3_get_auxdata(tls, ctx, 0)
	upsertSets.Lock()
	set := upsertSets.m[h]
	if h == 0 || set == nil {
		upsertSets.next++
		h = upsertSets.next
		set = map[string]struct{}{}
		upsertSets.m[h] = set
	}
	_, dup := set[key.String()]
	set[key.String()] = struct{}{}
	upsertSets.Unlock()
	if lib.Xsqlite3_get_auxdata(tls, ctx, 0) != h {
		// SQLite calls the destructor if it cannot keep the data
		lib.Xsqlite3_set_auxdata(tls, ctx, 0, h, cFuncPointer(freeUpsertSet))
	}
	if dup {
		resultError(tls, ctx, pgdialect.ErrMarker+"21000: "+errUpsertTwice)
		return
	}
	lib.Xsqlite3_result_int64(tls, ctx, 1)
}

func freeUpsertSet(tls *libc.TLS, h uintptr) {
	upsertSets.Lock()
	delete(upsertSets.m, h)
	upsertSets.Unlock()
}
