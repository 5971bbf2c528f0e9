package pgdialect

import (
	"errors"
	"testing"
)

// A RETURNING subquery reading the target table would see the
// statement's own changes in SQLite where PostgreSQL's sees the rows
// before it: refused. Other tables' subqueries are kept.
func TestReturningSelfRead(t *testing.T) {
	for _, q := range []string{
		"INSERT INTO t VALUES (1) RETURNING (SELECT count(*) FROM t)",
		"UPDATE t SET a = 1 RETURNING (SELECT max(a) FROM t x WHERE x.a > 0)",
		"DELETE FROM t WHERE a = 1 RETURNING a, (SELECT 1 FROM u JOIN t ON true LIMIT 1)",
	} {
		_, err := Translate(q)
		var pe *Error
		if !errors.As(err, &pe) || pe.Code != "0A000" {
			t.Errorf("%s: got %v, want 0A000", q, err)
		}
	}
	for _, q := range []string{
		"INSERT INTO t VALUES (1) RETURNING (SELECT count(*) FROM u)",
		"UPDATE t SET a = 1 RETURNING a, (SELECT u.t FROM u LIMIT 1)",
	} {
		if _, err := Translate(q); err != nil {
			t.Errorf("%s: %v", q, err)
		}
	}
}
