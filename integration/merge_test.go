package integration

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestMergeReplicated: the MERGE corpus (testdata/diff/28_merge_basic.sql,
// then 29_mrg_complete.sql and 30_mrg2_*.sql) on a 3-node cluster, its statements spread over the nodes, each answer
// compared with PostgreSQL 15's recorded one; then a MERGE with
// parameters through the extended protocol on a follower, and every node
// reads the same rows and the replicas' checksums agree: a MERGE is one
// log entry (its join evaluated and its actions run at apply) that every
// node applies alike.
func TestMergeReplicated(t *testing.T) {
	if os.Getenv("RAFTSQL_REFERENCE_URL") != "" {
		t.Skip("needs a raftsql cluster (three nodes); against PostgreSQL this corpus runs in TestDiffCorpus")
	}
	c := startMemCluster(t, 3)
	c.waitLeader(30 * time.Second)
	conns := spreadCorpus(t, c, "testdata/diff/28_merge_basic.sql") // dmlcte_test.go
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	tag, err := conns[2].Exec(ctx, `MERGE INTO n28merge_stock s USING (SELECT $1::text AS item, $2::int AS q) AS v ON s.item = v.item
WHEN MATCHED THEN UPDATE SET qty = s.qty + v.q WHEN NOT MATCHED THEN INSERT (item, qty, price) VALUES (v.item, v.q, $3)`, "quince", 4, "1.255")
	if err != nil || tag.String() != "MERGE 1" {
		t.Fatalf("extended protocol: %v %v", tag, err)
	}
	const read = `SELECT string_agg(concat_ws(':', item, qty, price, updated), ',' ORDER BY item) FROM n28merge_stock`
	var first string
	for i, conn := range conns {
		var got string
		if err := conn.QueryRow(ctx, read).Scan(&got); err != nil {
			t.Fatalf("node %d: %v", i, err)
		}
		if i == 0 {
			first = got
		} else if got != first {
			t.Fatalf("node %d reads %s, node 0 %s", i, got, first)
		}
	}
	if want := "quince:4:1.26:f"; !slices.Contains(strings.Split(first, ","), want) {
		t.Fatalf("the extended protocol's row %s is not in %s", want, first)
	}
	// WITH before MERGE, joined sources, rows acted on in the join's order
	// (serial values drawn in it): alike on every node
	spreadCorpus(t, c, "testdata/diff/29_mrg_complete.sql")
	// rows acted on in the source's order, matched and not interleaved
	// (sequence values drawn in it), OVERRIDING USER VALUE (the session's
	// rewrite is what is logged), aliased parenthesised joins
	for _, f := range []string{"30_mrg2_order.sql", "30_mrg2_overriding.sql", "30_mrg2_sources.sql"} {
		spreadCorpus(t, c, "testdata/diff/"+f)
	}
	checkChecksums(t, c)
}
