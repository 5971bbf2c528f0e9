package sqlexec

import (
	"fmt"
	"strings"

	"github.com/raftsql/raftsql/pgwire"
)

// EXPLAIN: pgdialect turns it into SQLite's EXPLAIN QUERY PLAN, whose rows
// are (id, parent, notused, detail). PostgreSQL answers EXPLAIN with one
// text column "QUERY PLAN", a line per plan node, children indented under
// "->", and clients (psql, GUI tools, ORMs' loggers) expect that shape, so
// explainWriter reshapes SQLite's rows into it. The plan is SQLite's: its
// nodes (SCAN, SEARCH ... USING INDEX, USE TEMP B-TREE) are not
// PostgreSQL's, and there are no costs.

func explainColumns() []pgwire.Column { return []pgwire.Column{textCol("QUERY PLAN")} }

type explainWriter struct {
	pgwire.ResultWriter
	described bool
	ids       []int64
	parents   []int64
	details   []string
}

func (w *explainWriter) Describe([]pgwire.Column) error { w.described = true; return nil }

func (w *explainWriter) Row(values []any) error {
	if len(values) < 4 {
		return errf(CodeInternal, "EXPLAIN QUERY PLAN returned %d columns", len(values))
	}
	id, _ := values[0].(int64)
	parent, _ := values[1].(int64)
	w.ids = append(w.ids, id)
	w.parents = append(w.parents, parent)
	w.details = append(w.details, fmt.Sprint(values[3]))
	return nil
}

func (w *explainWriter) Complete(string) error {
	if w.described {
		if err := w.ResultWriter.Describe(explainColumns()); err != nil {
			return err
		}
	}
	lines := explainLines(w.ids, w.parents, w.details)
	for _, l := range lines {
		if err := w.ResultWriter.Row([]any{l}); err != nil {
			return err
		}
	}
	return w.ResultWriter.Complete("EXPLAIN")
}

// explainLines renders the plan tree as PostgreSQL indents it: a root at
// the margin, each child level as "->  " 6 columns further in.
func explainLines(ids, parents []int64, details []string) []string {
	depth := make(map[int64]int, len(ids))
	var lines []string
	for i, id := range ids {
		d := 0
		if p, ok := depth[parents[i]]; ok {
			d = p + 1
		}
		depth[id] = d
		if d == 0 {
			lines = append(lines, details[i])
		} else {
			lines = append(lines, strings.Repeat(" ", 6*(d-1)+2)+"->  "+details[i])
		}
	}
	if len(lines) == 0 {
		lines = append(lines, "no table access")
	}
	return lines
}
