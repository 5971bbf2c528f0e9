package sqlexec

import "github.com/raftsql/raftsql/sqlexec/pgdialect"

// checkViewReplaceTypes runs pg_view_replace_types(view) of a CREATE OR
// REPLACE VIEW's log entry at apply (pgdialect/viewreplace.go), after the
// new query is created as a view of its own: a column of the view whose
// type the new query changes is PostgreSQL's 42P16, the types compared as
// the views' columns are described to clients (type and modifier: a
// varchar(5) column may not become varchar(10)). PostgreSQL checks each
// column's name before its type, and the column count before both, so a
// dropped or renamed column (and a table under the name) stops the check
// here, for pg_view_replace to report; a column of a type not known
// without its rows is not compared. It reads only the schema at the
// entry's log position, so every node answers alike.
func checkViewReplaceTypes(c *lconn, view, verb string) (res StatementResult) {
	defer c.enterAuth(authOff)()
	res.Tag = verb
	if _, ok := viewQuery(c, view); !ok {
		return res // a new view, or a table: pg_view_replace's
	}
	old := describeRel(c, pgdialect.DerivedRel{Name: view})
	cur := describeRel(c, pgdialect.DerivedRel{Name: pgdialect.ReplaceViewTemp})
	if old == nil || cur == nil || len(cur) < len(old) {
		return res
	}
	for k, o := range old {
		n := cur[k]
		if o.name != n.name {
			return res
		}
		oo, om := describedType(o)
		no, nm := describedType(n)
		if oo != 0 && no != 0 && (oo != no || om != nm) {
			res.Err = errf("42P16", "cannot change data type of view column \"%s\" from %s to %s", o.name,
				pgdialect.FormatType(oo, om), pgdialect.FormatType(no, nm))
			return res
		}
	}
	return res
}

// describedType is the type and modifier a column is described with
// (buildColumns), 0 when only its values could tell.
func describedType(ci colInfo) (uint32, int32) {
	oid, mod := typeFromDeclMod(ci.decl)
	if oid == 0 && ci.hint != 0 {
		oid, mod = ci.hint, ci.hintMod
	}
	return oid, mod
}
