package sqlexec

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// ALTER COLUMN c TYPE t of a column in a foreign key, on either side:
// PostgreSQL re-creates the key for the new type, which fails (42804)
// where the two columns' types no longer join (pgdialect/fktypes.go);
// SQLite would keep comparing the values by its affinity rules. Checked
// before any row is converted, as PostgreSQL re-creates the key before it
// rewrites the table.

// refuseFKTypes checks every foreign key column pair with column col of
// table (referencing or referenced) for types that join, col declared
// decl (its new type).
func refuseFKTypes(c *lconn, table, col, decl string) error {
	return refuseFKPairs(c, `k.tbl = ?1 COLLATE NOCASE AND k.fromcol = ?2 COLLATE NOCASE OR k.reftbl = ?1 COLLATE NOCASE AND k.tocol = ?2 COLLATE NOCASE`, "",
		func(tbl, from, ref, to string) (string, string) {
			fromDecl, toDecl := "", ""
			if strings.EqualFold(tbl, table) && strings.EqualFold(from, col) {
				fromDecl = decl
			}
			if strings.EqualFold(ref, table) && strings.EqualFold(to, col) {
				toDecl = decl
			}
			return fromDecl, toDecl
		}, table, col)
}

// refuseAddedFKTypes is the same check for the foreign key conname of
// table that ALTER TABLE ... ADD CONSTRAINT just added (tablechange.go),
// NOT VALID or not, as PostgreSQL makes it.
func refuseAddedFKTypes(c *lconn, table, conname string) error {
	return refuseFKPairs(c, `k.tbl = ?1 COLLATE NOCASE AND (SELECT f.conname FROM pgd_fk f WHERE f.tbl = k.tbl AND f.id = k.id) = ?2`, "",
		func(string, string, string, string) (string, string) { return "", "" }, table, conname)
}

// refuseFKPairs checks the foreign key column pairs of pgd_fkcols k that
// where selects: each pair's declared types (as decls overrides them,
// "" keeping the declared one) must join (pgdialect/fktypes.go). The
// keys of a table are checked in order of SQLite's key ids, order ("" or
// "DESC"; SQLite numbers a table's keys from its definition's last).
func refuseFKPairs(c *lconn, where, order string, decls func(tbl, from, ref, to string) (string, string), args ...any) error {
	rows, err := queryStrings(c, `SELECT json_array(k.tbl, k.fromcol,
  (SELECT x.type FROM pragma_table_xinfo(k.tbl) x WHERE x.name = k.fromcol),
  k.reftbl, k.tocol, (SELECT x.type FROM pragma_table_xinfo(k.reftbl) x WHERE x.name = k.tocol),
  (SELECT f.conname FROM pgd_fk f WHERE f.tbl = k.tbl AND f.id = k.id))
 FROM pgd_fkcols k
 WHERE `+where+`
 ORDER BY k.tbl, k.id `+order+`, k.pos`, args...)
	if err != nil {
		return err
	}
	for _, r := range rows {
		var v [7]*string
		if err := json.Unmarshal([]byte(r), &v); err != nil {
			return fmt.Errorf("foreign keys: %w", err)
		}
		if slices.Contains(v[:], nil) {
			continue // a key SQLite cannot resolve: its own errors
		}
		tbl, from, fromDecl, ref, to, toDecl, name := *v[0], *v[1], *v[2], *v[3], *v[4], *v[5], *v[6]
		if f, t := decls(tbl, from, ref, to); f != "" || t != "" {
			if f != "" {
				fromDecl = f
			}
			if t != "" {
				toDecl = t
			}
		}
		if e := pgdialect.ForeignKeyTypesErr(name, from, fromDecl, to, toDecl); e != nil {
			return &Error{Code: e.Code, Message: e.Message, DetailText: e.Detail, Statement: -1}
		}
	}
	return nil
}
