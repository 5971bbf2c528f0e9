package pgdialect

import (
	"database/sql"
	"testing"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// Unknown literals and common types (unknownlit.go, typeresolve.go): the
// values and described types PostgreSQL 15 gives.
func TestUnknownLiteralsAndCommonTypes(t *testing.T) {
	db := openCatalogDB(t, "")
	execAll(t, db, `CREATE TABLE lt (id int PRIMARY KEY, i int4, n numeric(10,2), bo boolean)`)
	execAll(t, db, `INSERT INTO lt VALUES (1, 3, 3.50, true), (2, 4, 4.00, false)`)
	for _, c := range []struct {
		q, want string
		oid     uint32
	}{
		{"SELECT 3 = '3'", "t", pgoid.Bool},
		{"SELECT '3' = 3", "t", pgoid.Bool},
		{"SELECT 11 < '9'", "f", pgoid.Bool},
		{"SELECT 3 <> ' 3 '", "f", pgoid.Bool},
		{"SELECT 1 + 2 = '3'", "t", pgoid.Bool},
		{"SELECT 3 IN ('3', '4')", "t", pgoid.Bool},
		{"SELECT true = 't'", "t", pgoid.Bool},
		{"SELECT 3::int8 = '3'", "t", pgoid.Bool},
		{"SELECT count(*) FROM lt WHERE i IN ('3', '4')", "2", pgoid.Int8},
		{"SELECT 1 UNION SELECT '2' ORDER BY 1 DESC", "2", pgoid.Int4},
		{"SELECT NULL UNION ALL SELECT 1 ORDER BY 1", "1", pgoid.Int4},
		{"SELECT 1 UNION SELECT 2.5 ORDER BY 1 DESC", "2.5", pgoid.Numeric},
		{"SELECT count(*) FROM (SELECT 1.0 UNION SELECT 1) s", "1", pgoid.Int8},
		{"SELECT 'a' UNION SELECT 'b' ORDER BY 1", "a", pgoid.Text},
		{"VALUES (NULL), ('7')", "<NULL>", pgoid.Text},
		{"SELECT CASE WHEN false THEN 1 ELSE '5' END", "5", pgoid.Int4},
		{"SELECT CASE WHEN true THEN NULL ELSE 2 END", "<NULL>", pgoid.Int4},
		{"SELECT coalesce(NULL, 1)", "1", pgoid.Int4},
		{"SELECT coalesce(NULL, '5', 1)", "5", pgoid.Int4},
		{"SELECT coalesce(1, 2.5)", "1", pgoid.Numeric},
		{"SELECT nullif(1, '1')", "<NULL>", pgoid.Int4},
	} {
		st, err := Translate(c.q)
		if err != nil {
			t.Errorf("%s: %v", c.q, err)
			continue
		}
		if len(st.ColumnOIDs) == 0 || st.ColumnOIDs[0] != c.oid {
			t.Errorf("%s: column types %v, want %d", c.q, st.ColumnOIDs, c.oid)
		}
		if got := queryOne(t, db, c.q); got != c.want {
			t.Errorf("%s = %q, want %q", c.q, got, c.want)
		}
	}
	for _, c := range []struct{ q, code string }{
		{"SELECT 3 = '3x'", "22P02"},
		{"SELECT id FROM lt WHERE i IN ('x', '3')", "22P02"},
		{"SELECT 1 UNION SELECT 'a'", "22P02"},
		{"SELECT 1 WHERE false UNION SELECT 'a' WHERE false", "22P02"},
		{"SELECT CASE WHEN true THEN 1 ELSE 'x' END", "22P02"},
		{"SELECT coalesce(1, 'x')", "22P02"},
		{"VALUES (1), ('1.5')", "22P02"},
		{"SELECT 1 UNION SELECT 'a'::text", "42804"},
	} {
		code := execCode(db, c.q)
		if code != c.code {
			t.Errorf("%s: SQLSTATE %q, want %s", c.q, code, c.code)
		}
	}
}

// execCode translates and runs q on db and returns the SQLSTATE of its
// error, "" when it succeeds.
func execCode(db *sql.DB, q string) string {
	st, err := Translate(q)
	if err == nil {
		var rows *sql.Rows
		if rows, err = db.Query(st.Exec[0]); err == nil {
			for rows.Next() {
			}
			err = rows.Err()
			rows.Close()
		}
	}
	if e, ok := err.(*Error); ok {
		return e.Code
	} else if err != nil {
		code, _, _ := ParseSQLStateError(err.Error())
		return code
	}
	return ""
}
