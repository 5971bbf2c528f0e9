package pgdialect

import (
	"strings"
	"testing"
)

func TestExtensionTranslate(t *testing.T) {
	checkStateDDL(t, []ddlCase{
		{"CREATE EXTENSION pgcrypto", "SELECT pg_ext_create('pgcrypto', '1.3', 0)", ""},
		{`CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA public VERSION '1.1' CASCADE`, "SELECT pg_ext_create('uuid-ossp', '1.1', 1)", ""},
		{"DROP EXTENSION IF EXISTS citext, pgcrypto CASCADE", "SELECT pg_ext_drop('citext', 1); SELECT pg_ext_drop('pgcrypto', 1)", ""},
		{"CREATE EXTENSION postgis", "", "0A000"},
		{"CREATE EXTENSION pgcrypto SCHEMA app", "", "3F000"},
		{"CREATE EXTENSION pgcrypto VERSION '9.9'", "", "22023"},
		{"DROP EXTENSION plpgsql", "", "0A000"},
	})
	st, err := Translate("CREATE TABLE u (name citext NOT NULL)")
	if err != nil || !strings.Contains(st.Exec[0], "COLLATE "+CitextCollation) {
		t.Errorf("citext column: %v %v", st, err)
	}
}
