package pgdialect

import (
	"reflect"
	"testing"
)

// current_schemas() as PostgreSQL 15 answers it (recorded from it).
func TestSearchPathSchemas(t *testing.T) {
	for _, c := range []struct {
		path     string
		implicit bool
		want     []string
	}{
		{``, false, nil},
		{``, true, []string{"pg_catalog"}},
		{`"$user", public`, false, []string{"public"}},
		{`"$user", public`, true, []string{"pg_catalog", "public"}},
		{`nope, pg_catalog, public, information_schema`, true, []string{"pg_catalog", "public", "information_schema"}},
		{`"Public"`, false, nil},
		{`PUBLIC`, false, []string{"public"}},
		{`public, public`, false, []string{"public"}},
	} {
		if got := SearchPathSchemas(c.path, "postgres", c.implicit); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q (%v): got %q, want %q", c.path, c.implicit, got, c.want)
		}
	}
}
