package sqlexec

import (
	"context"
	"testing"

	"github.com/raftsql/raftsql/pgwire"
)

// TestSettingValues: the settings that change how values read and print
// take the values PostgreSQL 15 takes, SHOW prints them as PostgreSQL
// does (the canonical forms below are PostgreSQL's answers), PostgreSQL's
// own rejections are 22023, and a value PostgreSQL accepts but raftsql
// does not implement is refused with 0A000, leaving the setting as it
// was. integration/settings_test.go runs the same against a real
// PostgreSQL where one is given.
func TestSettingValues(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	for _, c := range []struct {
		set, show, want, code string
	}{
		{"SET DateStyle = 'ISO, MDY'", "DateStyle", "ISO, MDY", ""},
		{"SET DateStyle = iso", "DateStyle", "ISO, MDY", ""},
		{"SET DateStyle = 'mdy'", "DateStyle", "ISO, MDY", ""},
		{"SET DateStyle = 'US, ISO'", "DateStyle", "ISO, MDY", ""},
		{"SET DateStyle = 'ISO, DMY'", "DateStyle", "ISO, MDY", CodeFeatureNotSupported},
		{"SET DateStyle = 'ymd'", "DateStyle", "ISO, MDY", CodeFeatureNotSupported},
		{"SET DateStyle = 'German'", "DateStyle", "ISO, MDY", CodeFeatureNotSupported},
		{"SET DateStyle = 'SQL, DMY'", "DateStyle", "ISO, MDY", CodeFeatureNotSupported},
		{"SET DateStyle = 'Postgres'", "DateStyle", "ISO, MDY", CodeFeatureNotSupported},
		{"SET DateStyle = 'bogus'", "DateStyle", "ISO, MDY", CodeInvalidParameter},
		{"SET DateStyle = 'ISO, MDY, SQL'", "DateStyle", "ISO, MDY", CodeInvalidParameter},
		{"SET IntervalStyle = POSTGRES", "IntervalStyle", "postgres", ""},
		{"SET IntervalStyle = sql_standard", "IntervalStyle", "postgres", CodeFeatureNotSupported},
		{"SET IntervalStyle = iso_8601", "IntervalStyle", "postgres", CodeFeatureNotSupported},
		{"SET IntervalStyle = postgres_verbose", "IntervalStyle", "postgres", CodeFeatureNotSupported},
		{"SET IntervalStyle = bogus", "IntervalStyle", "postgres", CodeInvalidParameter},
		{"SET standard_conforming_strings = true", "standard_conforming_strings", "on", ""},
		{"SET standard_conforming_strings = off", "standard_conforming_strings", "on", CodeFeatureNotSupported},
		{"SET standard_conforming_strings = bogus", "standard_conforming_strings", "on", CodeInvalidParameter},
		{"SET extra_float_digits = 3", "extra_float_digits", "3", ""},
		{"SET extra_float_digits = 2.5", "extra_float_digits", "2", ""},
		{"SET extra_float_digits = 4", "extra_float_digits", "2", CodeInvalidParameter},
		{"SET extra_float_digits = -16", "extra_float_digits", "2", CodeInvalidParameter},
		{"SET extra_float_digits = 'abc'", "extra_float_digits", "2", CodeInvalidParameter},
		{"SET extra_float_digits = 0", "extra_float_digits", "2", CodeFeatureNotSupported},
		{"SET extra_float_digits = -15", "extra_float_digits", "2", CodeFeatureNotSupported},
		{"SET extra_float_digits = 1", "extra_float_digits", "1", ""},
	} {
		_, err := q(t, s, c.set)
		if code(err) != c.code {
			t.Errorf("%s: error %v, want code %q", c.set, err, c.code)
		}
		got, err := q(t, s, "SHOW "+c.show)
		if err != nil {
			t.Fatal(err)
		}
		if want := "D[" + c.show + ":25] R[" + c.want + "] C:SHOW"; got != want {
			t.Errorf("after %s: SHOW %s = %s, want %s", c.set, c.show, got, want)
		}
	}
}

// TestSettingValuesAtStartup: startup parameters get the same check (JDBC
// sends DateStyle=ISO and extra_float_digits at connect; those work).
func TestSettingValuesAtStartup(t *testing.T) {
	e, _ := newTestEngine(t)
	for _, c := range []struct {
		params map[string]string
		code   string
	}{
		{map[string]string{"DateStyle": "ISO", "extra_float_digits": "2"}, ""},
		{map[string]string{"options": "-c DateStyle=ISO,MDY -c IntervalStyle=postgres"}, ""},
		{map[string]string{"DateStyle": "German"}, CodeFeatureNotSupported},
		{map[string]string{"options": "-c standard_conforming_strings=off"}, CodeFeatureNotSupported},
	} {
		_, err := e.NewSession(context.Background(), pgwire.SessionInfo{User: "u", StartupParams: c.params})
		if code(err) != c.code {
			t.Errorf("%v: error %v, want code %q", c.params, err, c.code)
		}
	}
}

// TestSettingValuesForms: SET's other forms reach the same check (a list
// without quotes, SET LOCAL also outside a transaction, where PostgreSQL
// checks the value too, and TO DEFAULT).
func TestSettingValuesForms(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	mustQ(t, s, "SET DateStyle TO iso, mdy", "C:SET")
	mustQ(t, s, "SHOW DateStyle", "D[DateStyle:25] R[ISO, MDY] C:SHOW")
	mustQ(t, s, "SET DateStyle TO DEFAULT", "")
	mustQ(t, s, "SHOW DateStyle", "D[DateStyle:25] R[ISO, MDY] C:SHOW")
	for _, c := range []struct{ sql, code string }{
		{"SET DateStyle TO sql, dmy", CodeFeatureNotSupported},
		{"SET LOCAL DateStyle = 'German'", CodeFeatureNotSupported},
		{"SET LOCAL DateStyle = 'bogus'", CodeInvalidParameter},
	} {
		if _, err := q(t, s, c.sql); code(err) != c.code {
			t.Errorf("%s: error %v, want code %q", c.sql, err, c.code)
		}
	}
	mustQ(t, s, "BEGIN", "")
	if _, err := q(t, s, "SET LOCAL IntervalStyle = sql_standard"); code(err) != CodeFeatureNotSupported {
		t.Errorf("SET LOCAL in a transaction: %v, want 0A000", err)
	}
	mustQ(t, s, "ROLLBACK", "")
	mustQ(t, s, "SHOW IntervalStyle", "D[IntervalStyle:25] R[postgres] C:SHOW")
}
