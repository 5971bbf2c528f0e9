package pgdialect

import (
	"database/sql/driver"
	"testing"
	"time"
)

// TestInColCommon: a literal beside a column in COALESCE, GREATEST or
// LEAST is read as the column's type without its modifier (PostgreSQL 15:
// coalesce(n, '1.5') of a numeric(5,2) is 1.5, coalesce(v, 'longer') of a
// varchar(3) is longer, coalesce(b, 'yes') of a boolean is t).
func TestInColCommon(t *testing.T) {
	create := "CREATE TABLE t (n numeric_text(5,2), v varchar(3), b bool)"
	for _, c := range []struct {
		col  string
		in   string
		want driver.Value
	}{{"n", "1.5", "1.5"}, {"v", "longer", "longer"}, {"b", "yes", int64(1)}} {
		got, err := InColAt([]driver.Value{c.in, create, c.col, nil, "common"}, time.Now, time.UTC)
		if err != nil || got != c.want {
			t.Errorf("InColAt(%q into %s, common) = %v, %v; want %v", c.in, c.col, got, err, c.want)
		}
	}
}
