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

// ALTER TABLE t DROP COLUMN c where c is in t's PRIMARY KEY or a UNIQUE
// constraint. PostgreSQL drops the column with its key, unless a foreign
// key of another table depends on the key (2BP01). SQLite keeps such a key
// in an index its table definition alone names, so it refuses ("cannot
// drop PRIMARY KEY column"): dropping it would need the table rebuilt
// under a new definition, which raftsql does not do. The answer is then
// PostgreSQL's 2BP01 where a foreign key depends on the column (as
// PostgreSQL reports first), else a clear 0A000 naming the construct,
// never SQLite's message.

var reDropColumnTable = regexp.MustCompile(`^ALTER TABLE (?:"((?:[^"]|"")+)"|([A-Za-z_][A-Za-z0-9_$]*))`)

var reDropKeyColumn = regexp.MustCompile(`^cannot drop (PRIMARY KEY|UNIQUE) column: "((?:[^"]|"")+)"$`)

// dropKeyColumnError rewrites SQLite's refusal to drop a key column of
// the ALTER TABLE sqlText (mapped is its mapping); other errors pass
// through.
func dropKeyColumnError(c *lconn, mapped *Error, sqlText string) *Error {
	if mapped == nil || mapped.Code != CodeInternal {
		return mapped
	}
	m := reDropKeyColumn.FindStringSubmatch(mapped.Message)
	t := reDropColumnTable.FindStringSubmatch(sqlText)
	if m == nil || t == nil {
		return mapped
	}
	table := t[2]
	if t[1] != "" {
		table = strings.ReplaceAll(t[1], `""`, `"`)
	}
	col := strings.ReplaceAll(m[2], `""`, `"`)
	deps, err := keyColumnDependents(c, table, col)
	if err != nil {
		return mapError(err, "")
	}
	if len(deps) > 0 {
		return &Error{Code: CodeDependentObjects, Statement: -1,
			Message:    fmt.Sprintf("cannot drop column %s of table %s because other objects depend on it", col, table),
			DetailText: strings.Join(deps, "\n"),
			HintText:   "Use DROP ... CASCADE to drop the dependent objects too."}
	}
	return &Error{Code: CodeFeatureNotSupported, Statement: -1,
		Message:  fmt.Sprintf("ALTER TABLE ... DROP COLUMN of a column in a %s constraint is not supported (column \"%s\" of relation \"%s\")", m[1], col, table),
		HintText: "Create a new table without the column and copy the rows (INSERT INTO ... SELECT)."}
}

// keyColumnDependents lists, as PostgreSQL's DETAIL words them, the
// foreign keys of other tables that reference column col of table
// (by name, or through table's primary key when they name no column).
func keyColumnDependents(c *lconn, table, col string) ([]string, error) {
	defer c.enterAuth(authOff)()
	objs, err := schemaObjects(c)
	if err != nil {
		return nil, err
	}
	pk, err := queryStrings(c, `SELECT name FROM pragma_table_info(?1) WHERE pk > 0 ORDER BY pk`, table)
	if err != nil {
		return nil, err
	}
	var deps []string
	for _, o := range objs {
		if o.typ != "table" || strings.EqualFold(o.name, table) {
			continue
		}
		type fkCols struct {
			from []string
			uses bool
		}
		byID := map[int64]*fkCols{}
		var ids []int64
		rows, err := queryStrings(c, `SELECT json_array(id, "from", "to") FROM pragma_foreign_key_list(?1) WHERE "table" = ?2 COLLATE NOCASE ORDER BY id, seq`, o.name, table)
		if err != nil {
			return nil, err
		}
		for _, row := range rows {
			var r struct {
				ID   int64
				From string
				To   *string
			}
			var cols []json.RawMessage
			if err := json.Unmarshal([]byte(row), &cols); err != nil || len(cols) != 3 {
				return nil, fmt.Errorf("foreign key list of %s: %q: %w", o.name, row, err)
			}
			if err := errors.Join(json.Unmarshal(cols[0], &r.ID), json.Unmarshal(cols[1], &r.From), json.Unmarshal(cols[2], &r.To)); err != nil {
				return nil, fmt.Errorf("foreign key list of %s: %w", o.name, err)
			}
			f := byID[r.ID]
			if f == nil {
				f = &fkCols{}
				byID[r.ID] = f
				ids = append(ids, r.ID)
			}
			f.from = append(f.from, r.From)
			if r.To != nil && strings.EqualFold(*r.To, col) || r.To == nil && slices.ContainsFunc(pk, func(p string) bool { return strings.EqualFold(p, col) }) {
				f.uses = true
			}
		}
		// pragma_foreign_key_list numbers the clauses last first
		for i := len(ids) - 1; i >= 0; i-- {
			if f := byID[ids[i]]; f.uses {
				deps = append(deps, fmt.Sprintf("constraint %s on table %s depends on column %s of table %s",
					pgdialect.FKConname(o.sql, o.name, f.from, table), o.name, col, table))
			}
		}
	}
	return deps, nil
}
