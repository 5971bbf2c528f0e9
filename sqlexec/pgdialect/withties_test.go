package pgdialect

import (
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"testing"
)

// TestWithTies: FETCH ... WITH TIES returns PostgreSQL's rows (the rows
// after the offset up to the count and every row tied with the last of
// them) over SQLite, and its errors are PostgreSQL's.
func TestWithTies(t *testing.T) {
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if err := Register(Env{}); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		"CREATE TABLE t (id int, g int)",
		"INSERT INTO t VALUES (1, 1), (2, 1), (3, 2), (4, 2), (5, 3), (6, NULL)",
	} {
		if _, err := db.Exec(s); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		q    string
		args []any
		want string
	}{
		{"SELECT id FROM t ORDER BY g, id FETCH FIRST 2 ROWS WITH TIES", nil, "1,2"},
		{"SELECT id FROM t ORDER BY g FETCH FIRST 3 ROWS WITH TIES", nil, "1,2,3,4"},
		{"SELECT id FROM t ORDER BY g FETCH FIRST ROW WITH TIES", nil, "1,2"},
		{"SELECT id FROM t ORDER BY g OFFSET 1 ROW FETCH NEXT 2 ROWS WITH TIES", nil, "2,3,4"},
		{"SELECT id FROM t ORDER BY g OFFSET 1 ROW FETCH NEXT 0 ROWS WITH TIES", nil, ""},
		{"SELECT id FROM t ORDER BY g DESC FETCH FIRST 1 ROWS WITH TIES", nil, "6"},
		{"SELECT id FROM t ORDER BY g DESC NULLS LAST FETCH FIRST 1 ROWS WITH TIES", nil, "5"},
		{"SELECT id FROM t WHERE id IN (SELECT id FROM t ORDER BY g FETCH FIRST 1 ROWS WITH TIES)", nil, "1,2"},
		{"SELECT a.id FROM public.t a JOIN t b ON a.id = b.id AND b.g IN (SELECT x.g FROM t x) ORDER BY a.g FETCH FIRST 1 ROWS WITH TIES", nil, "1,2"},
		{"SELECT id AS k, g AS h FROM t ORDER BY h FETCH FIRST 1 ROWS WITH TIES", nil, "1,2"},
		{"SELECT id, g FROM t ORDER BY 2 FETCH FIRST 1 ROWS WITH TIES", nil, "1,2"},
		{"SELECT * FROM t ORDER BY g FETCH FIRST 1 ROWS WITH TIES", nil, "1,2"},
		{"SELECT g, count(*) FROM t GROUP BY g ORDER BY count(*) DESC FETCH FIRST 1 ROWS WITH TIES", nil, "1,2"},
		{"SELECT id FROM t ORDER BY g OFFSET 4 ROWS FETCH FIRST 10 ROWS WITH TIES", nil, "5,6"},
		{"SELECT id FROM t ORDER BY g OFFSET $1 ROWS FETCH FIRST $2 ROWS WITH TIES", []any{1, 2}, "2,3,4"},
		{"SELECT id FROM t ORDER BY g OFFSET $1 ROWS FETCH FIRST $2 ROWS WITH TIES", []any{nil, 1}, "1,2"},
		{"SELECT id FROM t ORDER BY g OFFSET $1 ROWS FETCH FIRST $2 ROWS WITH TIES", []any{1, nil}, "2,3,4,5,6"},
		{"SELECT id FROM t ORDER BY id OFFSET 1.5 ROWS FETCH FIRST 2.5 ROWS WITH TIES", nil, "3,4,5"},
		{"SELECT id FROM t ORDER BY g FETCH FIRST NULL::int8 ROWS WITH TIES", nil, "1,2,3,4,5,6"},
	} {
		st, err := Translate(c.q)
		if err != nil {
			t.Errorf("Translate(%q): %v", c.q, err)
			continue
		}
		rows, err := db.Query(st.Exec[0], c.args...)
		if err != nil {
			t.Errorf("%q: %s: %v", c.q, st.Exec[0], err)
			continue
		}
		var got []string
		for rows.Next() {
			vals := make([]any, len(must(rows.Columns())))
			ptrs := make([]any, len(vals))
			for k := range vals {
				ptrs[k] = &vals[k]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			got = append(got, fmt.Sprint(vals[0]))
		}
		rows.Close()
		sort.Strings(got) // the order among ties is unspecified
		if g := strings.Join(got, ","); g != c.want {
			t.Errorf("%q = %s, want %s (%s)", c.q, g, c.want, st.Exec[0])
		}
	}
}

// TestWithTiesErrors: the clause's errors, at translation and when run.
func TestWithTiesErrors(t *testing.T) {
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := Register(Env{}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE TABLE t (id int, g int)"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		q    string
		args []any
		code string
	}{
		{"SELECT id FROM t FETCH FIRST 1 ROW WITH TIES", nil, "42601"},
		{"SELECT id FROM t ORDER BY g FETCH FIRST -1 ROW WITH TIES", nil, "2201W"},
		{"SELECT id FROM t ORDER BY g OFFSET -1 ROWS FETCH FIRST 1 ROW WITH TIES", nil, "2201X"},
		{"SELECT id FROM t UNION SELECT g FROM t ORDER BY 1 FETCH FIRST 1 ROW WITH TIES", nil, "0A000"},
		{"SELECT DISTINCT id FROM t ORDER BY id FETCH FIRST 1 ROW WITH TIES", nil, "0A000"},
		{"SELECT * FROM t ORDER BY 1 FETCH FIRST 1 ROW WITH TIES", nil, "0A000"},
		{"SELECT o.id, (SELECT count(*) FROM (SELECT u.id FROM t u WHERE u.g > o.g ORDER BY u.g FETCH FIRST 1 ROW WITH TIES) z) FROM t o", nil, "0A000"},
		{"CREATE VIEW v AS SELECT id FROM t ORDER BY id FETCH FIRST 1 ROW WITH TIES", nil, "0A000"},
		{"SELECT id FROM t ORDER BY g FETCH FIRST NULL ROWS WITH TIES", nil, "2201W"},
		{"SELECT id FROM t ORDER BY g FETCH FIRST (NULL) ROWS WITH TIES", nil, "2201W"},
		// checked when run, an empty table too
		{"SELECT id FROM t ORDER BY g FETCH FIRST $1 ROWS WITH TIES", []any{-2}, "2201W"},
		{"SELECT id FROM t ORDER BY g OFFSET $1 ROWS FETCH FIRST $2 ROWS WITH TIES", []any{-1, nil}, "2201X"},
	} {
		st, err := Translate(c.q)
		if err == nil {
			_, err = db.Exec(st.Exec[0], c.args...)
		}
		var e *Error
		if errors.As(err, &e) && e.Code == c.code {
			continue
		}
		if err == nil || !strings.Contains(err.Error(), c.code) {
			t.Errorf("%q: %v, want %s", c.q, err, c.code)
		}
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
