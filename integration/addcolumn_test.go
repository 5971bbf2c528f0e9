package integration

import (
	"testing"
)

// TestAddColumnReplicated: ALTER TABLE ... ADD COLUMN on a table with rows,
// sent to different nodes of a 3-node cluster, gives every node the same
// values: now() once for the statement, gen_random_uuid() and nextval()
// once per row, a STORED generated column computed by a table rebuild, a
// UNIQUE column's index; a failed ADD COLUMN (NOT NULL over existing rows)
// is every node's error and changes nothing anywhere.
func TestAddColumnReplicated(t *testing.T) {
	ctx, _, conns := threeNodes(t)
	runNodeSteps(ctx, t, conns, []nodeStep{
		{0, "CREATE TABLE acr_t (id int PRIMARY KEY, v int)"},
		{1, "INSERT INTO acr_t SELECT i, i * 3 FROM generate_series(1, 20) AS i"},
		{2, "CREATE SEQUENCE acr_s"},
		{0, "ALTER TABLE acr_t ADD COLUMN ts timestamptz DEFAULT now()"},
		{1, "ALTER TABLE acr_t ADD COLUMN gu uuid DEFAULT gen_random_uuid()"},
		{2, "ALTER TABLE acr_t ADD COLUMN sq int DEFAULT nextval('acr_s'), ADD COLUMN u int UNIQUE"},
		{0, "ALTER TABLE acr_t ADD COLUMN g int GENERATED ALWAYS AS (id * 10 + v) STORED"},
	})
	if _, err := conns[1].Exec(ctx, "ALTER TABLE acr_t ADD COLUMN n text NOT NULL"); pgCode(err) != "23502" {
		t.Fatalf("ADD COLUMN NOT NULL over rows: %v, want 23502", err)
	}
	const read = `SELECT (SELECT count(DISTINCT ts) || ':' || count(DISTINCT gu) || ':' || count(DISTINCT sq) || ':' || sum(g) FROM acr_t) || '|' ||
 (SELECT count(*) FROM information_schema.columns WHERE table_name = 'acr_t') || '|' ||
 (SELECT count(*) FROM pg_indexes WHERE tablename = 'acr_t') || '|' ||
 (SELECT string_agg(id || '/' || ts || '/' || gu || '/' || sq || '/' || g, ',' ORDER BY id) FROM acr_t)`
	var want string
	if err := conns[0].QueryRow(ctx, read).Scan(&want); err != nil {
		t.Fatalf("node 0: %v", err)
	}
	// one now(), 20 uuids, 20 sequence values, g = 13 * id summed; 7
	// columns (no n); the primary key's and u's indexes
	if prefix := "1:20:20:2730|7|2|"; len(want) < len(prefix) || want[:len(prefix)] != prefix {
		t.Fatalf("node 0 reads %q, want it to begin %q", want, prefix)
	}
	waitAllRead(ctx, t, conns, read, want)
}
