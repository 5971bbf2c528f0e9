package integration

import (
	"context"
	"testing"
	"time"
)

func TestZZScratch(t *testing.T) {
	urls := e2eURLs(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn := connect(t, urls[0])
	mustExec(t, conn, "CREATE TABLE zz (id integer PRIMARY KEY, s smallint, i int, v varchar(3), ts timestamptz)")
	for _, q := range []string{"INSERT INTO zz VALUES (1, 40000, 1, 'a', now())", "INSERT INTO zz VALUES (1, 1, 'x', 'a', now())",
		"INSERT INTO zz VALUES ('abc'::int, 1, 1, 'a', now())", "INSERT INTO zz VALUES (1, 1, 1, 'abcd', now())", "UPDATE zz SET v = 'abcdef'",
		"SELECT '1'::uuid", "SELECT 70000::int2"} {
		_, err := conn.Exec(ctx, q)
		t.Logf("%s: %v", q, err)
	}
	mustExec(t, conn, "INSERT INTO zz VALUES (1, 1, '42', 'abc', now())")
	var a, b, c string
	if err := conn.QueryRow(ctx, "SELECT i::text, ts::text, (i = 42)::text FROM zz").Scan(&a, &b, &c); err != nil {
		t.Fatal(err)
	}
	t.Log(a, b, c)
	rows, _ := conn.Query(ctx, "SELECT conname FROM pg_constraint")
	for rows.Next() {
		var n string
		rows.Scan(&n)
		t.Log("con", n)
	}
}
