package sqlexec

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// ALTER TABLE t DROP COLUMN c [CASCADE] with PostgreSQL's dependency
// rules. SQLite's DROP COLUMN refuses while anything but the column's own
// definition names the column; PostgreSQL drops some of those objects
// with the column and lets others refuse the drop:
//
//   - dropped silently: every key (PRIMARY KEY, UNIQUE, a multi-column
//     one too) and index with the column, as a key column, in an
//     expression or in a partial index's WHERE; CHECK constraints naming
//     it; foreign keys of t with it among their columns;
//   - dependents (2BP01 without CASCADE, DETAIL naming each; with
//     CASCADE dropped with a NOTICE): foreign keys of any table that
//     reference the column (t's own too), views that read the column
//     (one with * of t reads every column) and the views reading those.
//
// SQLite keeps a key declared in CREATE TABLE in an index its table
// definition alone names ("cannot drop PRIMARY KEY column"), so a key or
// constraint goes by a rebuild of the table without it (rebuild.go), a
// foreign key of another table by editing its definition (droptable.go's
// rewriteTables). SQLite's DROP COLUMN then runs as for any column; any
// error rolls all of it back with the statement. Columns of a dropped
// PRIMARY KEY stay NOT NULL. All of it reads only the schema, inside the
// entry at its log position: the same on every node.

// reDropKeyColumn matches the DROP COLUMN pgdialect/ddl.go makes.
var reDropKeyColumn = regexp.MustCompile(`^ALTER TABLE (?:"((?:[^"]|"")+)"|([A-Za-z_][A-Za-z0-9_$]*)) DROP COLUMN (?:"((?:[^"]|"")+)"|([A-Za-z_][A-Za-z0-9_$]*))( ` + regexp.QuoteMeta(pgdialect.DropColumnCascade) + `)?$`)

// prepareDropColumn readies the statement sqlText, when it is a DROP
// COLUMN, on the connection that then runs it.
func prepareDropColumn(c *lconn, sqlText string) *Error {
	if !strings.HasPrefix(sqlText, "ALTER TABLE ") || !strings.Contains(sqlText, " DROP COLUMN ") {
		return nil
	}
	m := reDropKeyColumn.FindStringSubmatch(sqlText)
	if m == nil {
		return nil
	}
	unq := func(quoted, bare string) string {
		if quoted != "" {
			return strings.ReplaceAll(quoted, `""`, `"`)
		}
		return bare
	}
	table, col, cascade := unq(m[1], m[2]), unq(m[3], m[4]), m[5] != ""
	defer c.enterAuth(authOff)()
	objs, err := schemaObjects(c)
	if err != nil {
		return mapError(err, "")
	}
	var name, createSQL string
	for _, o := range objs {
		if o.typ == "table" && strings.EqualFold(o.name, table) {
			name, createSQL = o.name, o.sql
		}
	}
	if name == "" {
		return nil // SQLite reports the missing table
	}
	// table_xinfo: generated columns too
	if _, found, err := queryInt(c, "SELECT 1 FROM pragma_table_xinfo(?1) WHERE name = ?2 COLLATE NOCASE", name, col); err != nil {
		return mapError(err, "")
	} else if !found {
		return nil // SQLite reports the missing column
	}
	deps, err := columnDependents(c, objs, name, col)
	if err != nil {
		return mapError(err, "")
	}
	if len(deps) > 0 && !cascade {
		lines := make([]string, len(deps))
		for i, d := range deps {
			lines[i] = d.String()
		}
		return &Error{Code: CodeDependentObjects, Statement: -1,
			Message:    fmt.Sprintf("cannot drop column %s of table %s because other objects depend on it", col, pgdialect.QuoteIdentifier(name)),
			DetailText: strings.Join(lines, "\n"),
			HintText:   "Use DROP ... CASCADE to drop the dependent objects too."}
	}
	noticeCascade(c, deps)
	// generated columns computed from the column go first, each with
	// what depends on it
	for _, d := range deps {
		if d.kind == "column" {
			drop := "ALTER TABLE " + quoteIdent(name) + " DROP COLUMN " + quoteIdent(d.name)
			told := len(c.notices)
			if err := prepareDropColumn(c, drop+" "+pgdialect.DropColumnCascade); err != nil {
				return err
			}
			c.notices = c.notices[:told] // its dependents are among deps, told above
			if err := c.exec(drop); err != nil {
				return mapError(err, "")
			}
		}
	}
	if len(deps) > 0 && deps[0].kind == "column" {
		// the definition without them
		def, err := queryStrings(c, "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?1", name)
		if err != nil || len(def) != 1 {
			return mapError(errors.Join(err, fmt.Errorf("definition of %s", name)), "")
		}
		createSQL = def[0]
	}
	inKey := func(kc pgdialect.KeyConstraint) bool {
		return slices.ContainsFunc(kc.Columns, func(k string) bool { return strings.EqualFold(k, col) })
	}
	newSQL, gone := pgdialect.DropKeys(createSQL, name, inKey)
	for _, kc := range gone {
		if kc.Primary && pgdialect.WithoutRowid(createSQL) {
			return &Error{Code: CodeFeatureNotSupported, Statement: -1,
				Message:  fmt.Sprintf("ALTER TABLE ... DROP COLUMN of a column in the PRIMARY KEY of a WITHOUT ROWID table is not supported (column \"%s\" of relation \"%s\")", col, name),
				HintText: "Create a new table without the column and copy the rows (INSERT INTO ... SELECT)."}
		}
	}
	// the dependent foreign keys: t's own go from newSQL, the others'
	// from their tables' definitions
	edited := map[string]string{}
	for _, d := range deps {
		if d.kind != "constraint" {
			continue
		}
		self := strings.EqualFold(d.table, name)
		def := d.sql
		if self {
			def = newSQL
		} else if s, ok := edited[d.table]; ok {
			def = s
		}
		ed, err := pgdialect.EditConstraint(def, pgdialect.TableChange{Table: d.table, Column: d.name, Action: "drop constraint"}, nil, nil, nil)
		if err != nil {
			return mapError(dialectError(err), "")
		}
		if self {
			newSQL = ed.SQL
		} else {
			edited[d.table] = ed.SQL
		}
	}
	newSQL, _ = pgdialect.DropColumnConstraints(newSQL, col)
	// indexes with the column (UNIQUE and PRIMARY KEY constraints added by
	// ALTER TABLE among them) go with it: as a key column, or named in an
	// expression or a partial index's WHERE
	indexes, err := columnIndexes(c, name, col)
	if err != nil {
		return mapError(err, "")
	}
	// dependent views first, the most dependent first
	for i := len(deps) - 1; i >= 0; i-- {
		if deps[i].kind == "view" {
			if err := c.exec("DROP VIEW IF EXISTS " + quoteIdent(deps[i].name)); err != nil { // a generated column's may be gone
				return mapError(err, "")
			}
		}
	}
	for _, ix := range indexes {
		if err := c.exec("DROP INDEX " + quoteIdent(ix)); err != nil {
			return mapError(err, "")
		}
	}
	if len(gone) > 0 {
		if err := rebuildTable(c, name, newSQL, edited); err != nil {
			return mapError(err, "")
		}
		return nil
	}
	rw := make([]dependent, 0, len(edited)+1)
	if newSQL != createSQL {
		rw = append(rw, dependent{table: name, sql: newSQL})
	}
	for _, o := range mapsSorted(edited) {
		rw = append(rw, dependent{table: o[0], sql: o[1]})
	}
	if len(rw) > 0 {
		if err := rewriteTables(c, rw); err != nil {
			return mapError(err, "")
		}
		if err := c.exec("PRAGMA writable_schema=RESET"); err != nil {
			return mapError(err, "")
		}
	}
	return nil
}

// noticeCascade tells what CASCADE drops, as PostgreSQL: one object in
// the message, more as a count with one DETAIL line each.
func noticeCascade(c *lconn, deps []dependent) {
	switch {
	case len(deps) == 1:
		c.addNotice("00000", "", "drop cascades to %s", deps[0].object())
	case len(deps) > 1:
		lines := make([]string, len(deps))
		for i, d := range deps {
			lines[i] = "drop cascades to " + d.object()
		}
		c.addNotice("00000", strings.Join(lines, "\n"), "drop cascades to %d other objects", len(deps))
	}
}

// columnIndexes lists the indexes of table that name column col (as a
// key column, in an expression, in the WHERE of a partial index), oldest
// first.
func columnIndexes(c *lconn, table, col string) ([]string, error) {
	rows, err := queryStrings(c, `SELECT json_array(s.name, s.sql, EXISTS (SELECT 1 FROM pragma_index_info(s.name) i WHERE i.name = ?2 COLLATE NOCASE))
 FROM sqlite_schema s WHERE s.type = 'index' AND s.tbl_name = ?1 COLLATE NOCASE AND s.sql IS NOT NULL ORDER BY s.rowid`, table, col)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, row := range rows {
		var ix struct {
			name, sql string
			key       bool
		}
		var vals []json.RawMessage
		if err := json.Unmarshal([]byte(row), &vals); err != nil || len(vals) != 3 {
			return nil, fmt.Errorf("indexes of %s: %q: %w", table, row, err)
		}
		var key int
		if err := errors.Join(json.Unmarshal(vals[0], &ix.name), json.Unmarshal(vals[1], &ix.sql), json.Unmarshal(vals[2], &key)); err != nil {
			return nil, fmt.Errorf("indexes of %s: %w", table, err)
		}
		// the column list and WHERE follow the table name: the index's
		// and table's own names are not the column
		if key == 1 || pgdialect.IndexNamesColumn(ix.sql, col) {
			out = append(out, ix.name)
		}
	}
	return out, nil
}

// columnDependents lists, in creation order, what depends on column col
// of table as PostgreSQL counts it (see above): the foreign keys that
// reference it and the views reading it, each followed by the views
// reading those.
func columnDependents(c *lconn, objs []schemaObject, table, col string) ([]dependent, error) {
	pk, err := queryStrings(c, `SELECT name FROM pragma_table_info(?1) WHERE pk > 0 ORDER BY pk`, table)
	if err != nil {
		return nil, err
	}
	refs, err := referencingKeys(c, table)
	if err != nil {
		return nil, err
	}
	readers, err := columnViews(c, objs, table, col)
	if err != nil {
		return nil, err
	}
	has := func(list []string) bool {
		return slices.ContainsFunc(list, func(p string) bool { return strings.EqualFold(p, col) })
	}
	on := fmt.Sprintf("column %s of table %s", col, pgdialect.QuoteIdentifier(table))
	var deps []dependent
	for _, o := range objs {
		if o.typ == "table" && o.name == table {
			for _, g := range pgdialect.GeneratedFrom(o.sql, col) {
				deps = append(deps, dependent{kind: "column", name: g, table: table, on: on})
				// and what depends on it
				more, err := columnDependents(c, objs, table, g)
				if err != nil {
					return nil, err
				}
				deps = append(deps, more...)
			}
		}
	}
	seen := map[string]bool{}
	var addViews func(o schemaObject, on string)
	addViews = func(o schemaObject, on string) {
		seen[strings.ToLower(o.name)] = true
		deps = append(deps, dependent{kind: "view", name: o.name, on: on})
		for _, v := range objs {
			if v.typ == "view" && !seen[strings.ToLower(v.name)] && pgdialect.ReferencesName(v.sql, o.name) {
				addViews(v, "view "+pgdialect.QuoteIdentifier(o.name))
			}
		}
	}
	for _, o := range objs {
		if o.typ == "view" && readers[strings.ToLower(o.name)] && !seen[strings.ToLower(o.name)] {
			addViews(o, on)
			continue
		}
		for _, f := range refs {
			if f.table == o.name && (f.to != nil && has(f.to) || f.to == nil && has(pk)) {
				deps = append(deps, dependent{kind: "constraint", name: f.name(table), table: f.table, on: on, sql: f.sql})
			}
		}
	}
	// once each (a view may read the column and a generated column)
	out := deps[:0]
	for _, d := range deps {
		if !slices.ContainsFunc(out, func(o dependent) bool { return o.kind == d.kind && o.name == d.name && o.table == d.table }) {
			out = append(out, d)
		}
	}
	return out, nil
}

// columnViews names (lower case) the views that read column col of table.
// SQLite's RENAME COLUMN rewrites every reference to the column, its
// resolver's answer: the column is renamed in a savepoint rolled back at
// once, and the views whose text changed are the readers. A view of
// table.* (or *) reads every column. Where the rename fails (a view
// already broken), a view naming table and col is taken for a reader.
func columnViews(c *lconn, objs []schemaObject, table, col string) (map[string]bool, error) {
	out := map[string]bool{}
	var views []schemaObject
	for _, o := range objs {
		if o.typ == "view" && pgdialect.ReferencesName(o.sql, table) {
			views = append(views, o)
		}
	}
	if len(views) == 0 {
		return out, nil
	}
	if err := c.exec("SAVEPOINT raftsql_dropcol"); err != nil {
		return nil, err
	}
	rename := c.exec("ALTER TABLE " + quoteIdent(table) + " RENAME COLUMN " + quoteIdent(col) + " TO raftsql_dropped_column")
	var after []string
	var err error
	if rename == nil {
		after, err = queryStrings(c, "SELECT lower(name) || ' ' || sql FROM sqlite_schema WHERE type = 'view' ORDER BY rowid")
	}
	if e := errors.Join(c.exec("ROLLBACK TO raftsql_dropcol"), c.exec("RELEASE raftsql_dropcol")); e != nil || err != nil {
		return nil, errors.Join(e, err)
	}
	for _, v := range views {
		reads := pgdialect.SelectsAllOf(v.sql, table)
		if rename != nil {
			reads = reads || pgdialect.ReferencesName(v.sql, col)
		} else {
			reads = reads || !slices.Contains(after, strings.ToLower(v.name)+" "+v.sql)
		}
		if reads {
			out[strings.ToLower(v.name)] = true
		}
	}
	return out, nil
}
