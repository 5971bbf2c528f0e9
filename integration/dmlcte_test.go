package integration

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// TestDataModifyingCTEReplicated: the corpus of data-modifying statements
// in WITH (testdata/diff/22_dml_cte.sql) on a 3-node cluster, its
// statements spread over the nodes (a transaction's on the node that
// began it), each answer compared with PostgreSQL 15's recorded one as
// TestDiffCorpus does on one node; then every node reads the same rows of
// every table the corpus wrote and the replicas' checksums agree: each
// statement is one log entry that every node applies alike.
func TestDataModifyingCTEReplicated(t *testing.T) {
	if os.Getenv("RAFTSQL_REFERENCE_URL") != "" {
		t.Skip("needs a raftsql cluster (three nodes); against PostgreSQL this corpus runs in TestDiffCorpus")
	}
	c := startMemCluster(t, 3)
	c.waitLeader(30 * time.Second)
	conns := spreadCorpus(t, c, "testdata/diff/22_dml_cte.sql")
	// the extended protocol, with a parameter, on a follower: described
	// as the main statement
	ctx0, cancel0 := context.WithTimeout(context.Background(), time.Minute)
	defer cancel0()
	var op string
	var k int32
	if err := conns[1].QueryRow(ctx0, "WITH l AS (INSERT INTO dc_log (op, k) VALUES ($1, $2) RETURNING op, k) SELECT op, k + 1 FROM l", "ext", 41).Scan(&op, &k); err != nil || op != "ext" || k != 42 {
		t.Fatalf("extended protocol: %q %d %v", op, k, err)
	}
	const read = `SELECT
 (SELECT string_agg(concat_ws(':', id, v, b, n, t), ',' ORDER BY id) FROM dc_src),
 (SELECT string_agg(concat_ws(':', id, v, b, n, t), ',' ORDER BY id) FROM dc_dst),
 (SELECT string_agg(concat_ws(':', id, op, k), ',' ORDER BY id) FROM dc_log),
 (SELECT string_agg(concat_ws(':', id, name), ',' ORDER BY id) FROM dc_p),
 (SELECT string_agg(concat_ws(':', id, pid), ',' ORDER BY id) FROM dc_c)`
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var first string
	for i, conn := range conns {
		var v [5]*string
		if err := conn.QueryRow(ctx, read).Scan(&v[0], &v[1], &v[2], &v[3], &v[4]); err != nil {
			t.Fatalf("node %d: %v", i, err)
		}
		var parts []string
		for _, p := range v {
			if p == nil {
				t.Fatalf("node %d: a corpus table is empty", i)
			}
			parts = append(parts, *p)
		}
		got := strings.Join(parts, " ")
		if i == 0 {
			first = got
		} else if got != first {
			t.Fatalf("node %d reads %s, node 0 %s", i, got, first)
		}
	}
	checkChecksums(t, c)
}

// spreadCorpus runs the diff corpus file on the 3-node cluster c, its
// statements spread over the nodes (a transaction's on the node that
// began it), each answer compared with PostgreSQL 15's recorded one as
// TestDiffCorpus does on one node; it returns a connection to each node.
func spreadCorpus(t *testing.T, c *memCluster, file string) []*pgx.Conn {
	t.Helper()
	cases := parseDiffCorpus(t, file)
	want := readDiffGolden(t, strings.TrimSuffix(file, ".sql")+".out", cases)
	conns := []*pgx.Conn{connectScript(t, c.url(0)), connectScript(t, c.url(1)), connectScript(t, c.url(2))}
	node, inTx := 0, false
	for i, cs := range cases {
		verb := strings.ToUpper(strings.TrimRight(strings.Fields(cs.sql)[0], ";"))
		if !inTx {
			node = i % len(conns)
		}
		if verb == "BEGIN" {
			inTx = true
		}
		if verb == "COMMIT" || verb == "ROLLBACK" && !strings.Contains(strings.ToUpper(cs.sql), " TO ") {
			inTx = false // (ROLLBACK TO SAVEPOINT stays in the transaction)
		}
		got := renderDiffCase(conns[node], cs.sql, cs.position)
		compareDiffCase(t, file, cs, got, want[i], false)
	}
	return conns
}
