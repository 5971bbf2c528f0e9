package sqlexec

import (
	"github.com/raftsql/raftsql/pgwire"
)

// A read's result description, kept on its compiled statement.
//
// Describing a read's result columns (declared types, serial columns,
// aggregate and arithmetic types: resulttypes.go) costs about a tenth of
// a point read's CPU in the front end, and its answer is a function of
// three things only: the compiled statement (its text, the policy it was
// compiled under, and the schema it was compiled against), and the
// column hints the prepared statement's translation gave. So it is
// computed once per compiled statement and column hints:
//
//   - the compiled statement lives in its read connection's statement
//     cache (lconn.prepareCached), which syncSchema empties whenever the
//     schema version moves, and a restored snapshot reopens the
//     connections; a schema change therefore drops the description with
//     the statement it describes;
//   - the hints are part of the key: the same SQLite text may come from
//     two PostgreSQL texts with different hints (a cast the dialect
//     removes), and a description found under one set is not reused
//     under another.
//
// The description never depends on data, except where no static type is
// known and the first row's value decides (buildColumns): such a
// description keeps its column infos only and builds its columns from
// each execution's first row, as before.

// readDesc is one description of a compiled read's result.
type readDesc struct {
	hints colHints // the hints it was computed under (a copy)
	infos []colInfo
	// cols is the columns when every one has a static type; nil when one
	// takes its type from the first row. Shared by every execution: read
	// only.
	cols []pgwire.Column
}

// readDescription returns the description of st's result under hints,
// from st's memo when it was computed under the same hints.
func (st *lstmt) readDescription(c *lconn, sqlText string, hints colHints) *readDesc {
	if d := st.desc; d != nil && d.hints.equal(hints) {
		return d
	}
	infos := make([]colInfo, st.columnCount())
	for i := range infos {
		infos[i] = newColInfo(st, i)
		infos[i].setHint(hints, i)
	}
	resultTypes(c, sqlText, infos) // resulttypes.go
	d := &readDesc{hints: hints.clone(), infos: infos}
	if staticTypes(infos) {
		d.cols = buildColumns(infos, nil)
	}
	// resultTypes prepared probes on c, which may have found a newer
	// schema and dropped st from the cache: then st is finalized at its
	// release and the description must not outlive this execution.
	if st.cached {
		st.desc = d
	}
	return d
}

// staticTypes reports whether every column's type is known without data:
// from its declared type or a hint (buildColumns' first two sources).
func staticTypes(infos []colInfo) bool {
	for _, in := range infos {
		if oid, _ := typeFromDeclMod(in.decl); oid == 0 && in.hint == 0 {
			return false
		}
	}
	return true
}
