package sqlexec

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// Table rebuilds: ALTER TABLE changes SQLite cannot make to a definition
// in place, because the definition alone names what stores the data (the
// automatic index of a PRIMARY KEY or UNIQUE declared in CREATE TABLE, or
// the rowid of an INTEGER PRIMARY KEY). This is SQLite's "making other
// kinds of table schema changes" procedure, reworked for a connection
// whose foreign keys stay on: PRAGMA foreign_keys cannot be switched inside
// the entry's transaction, and SQLite's DROP TABLE runs an implicit DELETE
// that would fire ON DELETE CASCADE/SET NULL/SET DEFAULT in the tables
// referencing it (droptable.go). So, inside the entry, at its log position
// (identically on every node; any error rolls the whole statement back):
//
//  1. the rows are copied, with their rowids, into a TEMP table whose
//     columns have no type (no affinity: every value kept exactly);
//  2. the foreign-key clauses of other tables that reference the table
//     are removed from their definitions (writable_schema, as
//     droptable.go does): the DROP then has nothing to fire, and no child
//     row changes;
//  3. the table's explicit indexes and triggers are read (DROP TABLE takes
//     them with it; it fires no trigger), and its sqlite_sequence row;
//  4. the table is dropped and created again under its own name from the
//     new definition, which carries everything raftsql keeps about it
//     (declared types and typmods, serial markers, enum and domain
//     checks, CHECKs, DEFAULTs, generated columns, its own foreign keys,
//     constraint names, comments); views naming the table stay as they
//     are, since they name it, not its storage;
//  5. the rows go back with their rowids (generated columns are computed
//     again; the table's triggers are not there yet, so none fires), then
//     the indexes, triggers and sqlite_sequence row;
//  6. the other tables' definitions are put back (less the foreign keys a
//     CASCADE dropped), so their references point at the table again and
//     hold for every row as they did before.

// rebuildRows is the TEMP table the rows wait in.
const rebuildRows = "raftsql_rebuild_rows"

// rebuildTable replaces table name's definition by newSQL, keeping its
// rows, rowids, indexes, triggers and the references other tables make to
// it. edited gives new definitions for other tables (foreign keys a
// CASCADE removes), by table name.
func rebuildTable(c *lconn, name, newSQL string, edited map[string]string) error {
	objs, err := schemaObjects(c)
	if err != nil {
		return err
	}
	cols, err := queryStrings(c, "SELECT name FROM pragma_table_xinfo(?1) WHERE hidden = 0 ORDER BY cid", name)
	if err != nil {
		return err
	}
	// the rowid, under a name no column shadows; none for WITHOUT ROWID
	rowid := ""
	createSQL, _, err := tableSQL(c, name) // serial.go
	if err != nil {
		return err
	}
	if !pgdialect.WithoutRowid(createSQL) {
		for _, r := range []string{"rowid", "_rowid_", "oid"} {
			if !slices.ContainsFunc(cols, func(c string) bool { return strings.EqualFold(c, r) }) {
				rowid = r
				break
			}
		}
	}
	indexes, err := schemaSQL(c, "index", name)
	if err != nil {
		return err
	}
	triggers, err := schemaSQL(c, "trigger", name)
	if err != nil {
		return err
	}
	var seq int64
	hasSeq := false
	if _, found, err := queryInt(c, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'sqlite_sequence'"); err != nil {
		return err
	} else if found {
		if seq, hasSeq, err = queryInt(c, "SELECT seq FROM sqlite_sequence WHERE name = ?1", name); err != nil {
			return err
		}
	}

	// 1. the rows, with their rowids, in columns without affinity
	qt := "main." + quoteIdent(name)
	copyCols := make([]string, 0, len(cols)+1)
	from := make([]string, 0, len(cols)+1)
	if rowid != "" {
		copyCols, from = append(copyCols, "r"), append(from, rowid)
	}
	for i, col := range cols {
		copyCols = append(copyCols, fmt.Sprintf("c%d", i))
		from = append(from, quoteIdent(col))
	}
	order := ""
	if rowid != "" {
		order = " ORDER BY " + rowid
	}
	if err := c.exec("DROP TABLE IF EXISTS temp." + rebuildRows + "; CREATE TEMP TABLE " + rebuildRows + "(" + strings.Join(copyCols, ", ") + ")"); err != nil {
		return err
	}
	if err := c.exec("INSERT INTO temp." + rebuildRows + " SELECT " + strings.Join(from, ", ") + " FROM " + qt + order); err != nil {
		return err
	}

	// 2. no foreign key of another table references the table
	var stripped, restored []dependent
	for _, o := range objs {
		if o.typ != "table" || strings.EqualFold(o.name, name) {
			continue
		}
		back, ok := edited[o.name]
		if !ok {
			back = o.sql
		}
		if s, removed := pgdialect.RemoveForeignKeys(o.sql, name); removed {
			stripped = append(stripped, dependent{table: o.name, sql: s})
			restored = append(restored, dependent{table: o.name, sql: back})
		} else if ok {
			restored = append(restored, dependent{table: o.name, sql: back})
		}
	}
	if len(stripped) > 0 {
		if err := rewriteTables(c, stripped); err != nil {
			return err
		}
	}

	// 3-4. the table again, under the new definition
	if err := c.exec("DROP TABLE " + qt); err != nil {
		return err
	}
	// without its NOT VALID CHECKs while the rows go back: PostgreSQL
	// checks no old constraint on them (pgdialect/notvalid.go)
	createNew := pgdialect.WithoutNotValidChecks(newSQL)
	if err := c.exec(createNew); err != nil {
		return err
	}

	// 5. the rows, the indexes, triggers and sequence
	kept, err := queryStrings(c, "SELECT name FROM pragma_table_xinfo(?1) WHERE hidden = 0 ORDER BY cid", name)
	if err != nil {
		return err
	}
	var into, sel []string
	if rowid != "" {
		into, sel = append(into, rowid), append(sel, "r")
	}
	for i, col := range cols {
		if slices.ContainsFunc(kept, func(k string) bool { return strings.EqualFold(k, col) }) {
			into, sel = append(into, quoteIdent(col)), append(sel, fmt.Sprintf("c%d", i))
		}
	}
	if rowid != "" {
		order = " ORDER BY r"
	}
	if err := c.exec("INSERT INTO " + qt + " (" + strings.Join(into, ", ") + ") SELECT " + strings.Join(sel, ", ") + " FROM temp." + rebuildRows + order); err != nil {
		return err
	}
	if createNew != newSQL {
		if err := installDefinition(c, name, newSQL); err != nil { // tablechange.go
			return err
		}
	}
	for _, s := range append(indexes, triggers...) {
		if err := c.exec(s); err != nil {
			return err
		}
	}
	if hasSeq {
		if err := execArgs(c, "INSERT OR REPLACE INTO sqlite_sequence(name, seq) VALUES (?1, ?2)", name, seq); err != nil {
			return err
		}
	}

	// 6. the other tables reference it again
	if len(restored) > 0 {
		if err := rewriteTables(c, restored); err != nil {
			return err
		}
		if err := c.exec("PRAGMA writable_schema=RESET"); err != nil {
			return err
		}
	}
	return c.exec("DROP TABLE temp." + rebuildRows)
}

// schemaSQL lists the definitions of table's objects of type typ (index,
// trigger) that have one (not SQLite's automatic indexes), oldest first.
func schemaSQL(c *lconn, typ, table string) ([]string, error) {
	return queryStrings(c, "SELECT sql FROM sqlite_schema WHERE type = ?1 AND tbl_name = ?2 COLLATE NOCASE AND sql IS NOT NULL ORDER BY rowid", typ, table)
}

// fkRef is one foreign key of table that references another table (or
// itself).
type fkRef struct {
	table, sql string   // the referencing table and its definition
	from       []string // its columns
	to         []string // the referenced columns; nil: the primary key
}

// name is the foreign key's constraint name, as PostgreSQL shows it.
func (f fkRef) name(refTable string) string {
	return pgdialect.FKConname(f.sql, f.table, f.from, refTable)
}

// referencingKeys lists the foreign keys of every table (table itself
// included) that reference table, in schema order, each table's in the
// order written.
func referencingKeys(c *lconn, table string) ([]fkRef, error) {
	objs, err := schemaObjects(c)
	if err != nil {
		return nil, err
	}
	var out []fkRef
	for _, o := range objs {
		if o.typ != "table" {
			continue
		}
		byID := map[int64]*fkRef{}
		var ids []int64
		rows, err := queryStrings(c, `SELECT json_array(id, "from", "to") FROM pragma_foreign_key_list(?1) WHERE "table" = ?2 COLLATE NOCASE ORDER BY id, seq`, o.name, table)
		if err != nil {
			return nil, err
		}
		for _, row := range rows {
			var id int64
			var from string
			var to *string
			var vals []json.RawMessage
			if err := json.Unmarshal([]byte(row), &vals); err != nil || len(vals) != 3 {
				return nil, fmt.Errorf("foreign key list of %s: %q: %w", o.name, row, err)
			}
			if err := errors.Join(json.Unmarshal(vals[0], &id), json.Unmarshal(vals[1], &from), json.Unmarshal(vals[2], &to)); err != nil {
				return nil, fmt.Errorf("foreign key list of %s: %w", o.name, err)
			}
			f := byID[id]
			if f == nil {
				f = &fkRef{table: o.name, sql: o.sql}
				byID[id] = f
				ids = append(ids, id)
			}
			f.from = append(f.from, from)
			if to != nil {
				f.to = append(f.to, *to)
			}
		}
		// pragma_foreign_key_list numbers the clauses last first
		for i := len(ids) - 1; i >= 0; i-- {
			out = append(out, *byID[ids[i]])
		}
	}
	return out, nil
}

// sameColumns reports whether a and b name the same columns, in any order.
func sameColumns(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		if !slices.ContainsFunc(b, func(y string) bool { return strings.EqualFold(x, y) }) {
			return false
		}
	}
	return true
}

// dropKeyConstraint drops the PRIMARY KEY or UNIQUE constraint kc
// declared in table name's CREATE TABLE, newSQL being the definition
// without it, by a rebuild.
func dropKeyConstraint(c *lconn, name, newSQL string, kc pgdialect.KeyConstraint, cascade bool) error {
	newSQL, edited, err := keyDependents(c, name, newSQL, kc, cascade)
	if err != nil {
		return err
	}
	return rebuildTable(c, name, newSQL, edited)
}

// dropKeyIndex drops index ix, the PRIMARY KEY or UNIQUE constraint kc
// that ALTER TABLE added to table name (no rebuild: an index of its own).
func dropKeyIndex(c *lconn, name, ix string, cascade bool) error {
	cols, err := queryStrings(c, "SELECT name FROM pragma_index_info(?1) ORDER BY seqno", ix)
	if err != nil {
		return err
	}
	kc := pgdialect.KeyConstraint{Name: ix, Primary: strings.EqualFold(ix, name+"_pkey"), Columns: cols}
	if _, edited, err := keyDependents(c, name, "", kc, cascade); err != nil {
		return err
	} else if len(edited) > 0 {
		var rw []dependent
		for _, o := range mapsSorted(edited) {
			rw = append(rw, dependent{table: o[0], sql: o[1]})
		}
		if err := rewriteTables(c, rw); err != nil {
			return err
		}
		if err := c.exec("PRAGMA writable_schema=RESET"); err != nil {
			return err
		}
	}
	return c.exec("DROP INDEX " + quoteIdent(ix))
}

// mapsSorted returns m's entries as {key, value} pairs in key order.
func mapsSorted(m map[string]string) [][2]string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make([][2]string, len(keys))
	for i, k := range keys {
		out[i] = [2]string{k, m[k]}
	}
	return out
}

// keyDependents finds the foreign keys that reference key kc of table
// name, which depend on it as in PostgreSQL: without CASCADE they refuse
// the drop (2BP01); with CASCADE they are removed, from newSQL (the
// table's own new definition, for a self-reference) or from the other
// tables' definitions (edited, by table name).
func keyDependents(c *lconn, name, newSQL string, kc pgdialect.KeyConstraint, cascade bool) (string, map[string]string, error) {
	refs, err := referencingKeys(c, name)
	if err != nil {
		return "", nil, err
	}
	var deps []string
	edited := map[string]string{}
	for _, f := range refs {
		if f.to == nil && !kc.Primary || f.to != nil && !sameColumns(f.to, kc.Columns) {
			continue
		}
		fkName := f.name(name)
		deps = append(deps, fmt.Sprintf("constraint %s on table %s depends on index %s", fkName, pgdialect.QuoteIdentifier(f.table), pgdialect.QuoteIdentifier(kc.Name)))
		if !cascade {
			continue
		}
		self := strings.EqualFold(f.table, name)
		def := f.sql
		if self && newSQL != "" {
			def = newSQL
		} else if s, ok := edited[f.table]; ok {
			def = s
		}
		ed, err := pgdialect.EditConstraint(def, pgdialect.TableChange{Table: f.table, Column: fkName, Action: "drop constraint"}, nil, nil, nil)
		if err != nil {
			return "", nil, dialectError(err)
		}
		if self && newSQL != "" {
			newSQL = ed.SQL
		} else {
			edited[f.table] = ed.SQL
		}
	}
	if len(deps) > 0 && !cascade {
		return "", nil, &Error{Code: CodeDependentObjects, Statement: -1,
			Message:    fmt.Sprintf("cannot drop constraint %s on table %s because other objects depend on it", kc.Name, pgdialect.QuoteIdentifier(name)),
			DetailText: strings.Join(deps, "\n"),
			HintText:   "Use DROP ... CASCADE to drop the dependent objects too."}
	}
	return newSQL, edited, nil
}
