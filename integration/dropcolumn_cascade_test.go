package integration

import (
	"testing"
)

// TestDropColumnCascadeReplicated: ALTER TABLE ... DROP COLUMN ... CASCADE
// sent to one node of a 3-node cluster drops, on every node, the column,
// the foreign key referencing it (the referencing rows, ON DELETE CASCADE,
// untouched), the view reading it and the expression index naming it;
// the refusal without CASCADE is every node's too (nothing changes).
func TestDropColumnCascadeReplicated(t *testing.T) {
	ctx, _, conns := threeNodes(t)
	runNodeSteps(ctx, t, conns, []nodeStep{
		{0, "CREATE TABLE dcr_p (id int PRIMARY KEY, c int UNIQUE, d text)"},
		{1, "CREATE TABLE dcr_c (x int REFERENCES dcr_p(c) ON DELETE CASCADE)"},
		{2, "CREATE VIEW dcr_v AS SELECT id, c FROM dcr_p"},
		{0, "CREATE INDEX dcr_p_expr ON dcr_p ((c + 1))"},
		{1, "INSERT INTO dcr_p SELECT i, i * 10, 'd' FROM generate_series(1, 20) AS i"},
		{2, "INSERT INTO dcr_c SELECT i * 10 FROM generate_series(1, 20) AS i"},
	})
	if _, err := conns[1].Exec(ctx, "ALTER TABLE dcr_p DROP COLUMN c"); pgCode(err) != "2BP01" {
		t.Fatalf("DROP COLUMN without CASCADE: %v, want 2BP01", err)
	}
	if _, err := conns[1].Exec(ctx, "ALTER TABLE dcr_p DROP COLUMN c CASCADE"); err != nil {
		t.Fatalf("DROP COLUMN CASCADE: %v", err)
	}
	// the foreign key is gone: a child row without a parent goes in, and
	// deleting parents deletes no child
	for _, sql := range []string{"INSERT INTO dcr_c VALUES (999)", "DELETE FROM dcr_p WHERE id <= 5"} {
		if _, err := conns[2].Exec(ctx, sql); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	const read = `SELECT (SELECT count(*) FROM dcr_p) || ':' || (SELECT count(*) FROM dcr_c) || ':' ||
 (SELECT count(*) FROM pg_views WHERE viewname = 'dcr_v') || ':' || (SELECT count(*) FROM pg_indexes WHERE tablename = 'dcr_p') || ':' ||
 (SELECT count(*) FROM information_schema.columns WHERE table_name = 'dcr_p')`
	// 15 parents, 21 children, no view, the primary key's index only, 2 columns
	const want = "15:21:0:1:2"
	waitAllRead(ctx, t, conns, read, want)
}
