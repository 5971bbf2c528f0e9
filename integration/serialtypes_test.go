package integration

import (
	"context"
	"testing"
	"time"
)

// TestSerialResultTypes: a bigserial/smallserial column (stored as
// SQLite's INTEGER PRIMARY KEY) is described as bigint/smallint, whether
// selected or returned, in every query mode; a boolean RETURNING
// expression as boolean. A table created again with other types is
// described by its new types.
func TestSerialResultTypes(t *testing.T) {
	urls := e2eURLs(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	conn := connectScript(t, urls[0])
	mustExec(t, conn, "CREATE TABLE sbig (id bigserial PRIMARY KEY, v int)")
	mustExec(t, conn, "CREATE TABLE ssmall (id smallserial PRIMARY KEY, v int)")
	mustExec(t, conn, "CREATE TABLE sint (id serial PRIMARY KEY, v int)")
	const int2, int4, int8, boolean = 21, 23, 20, 16
	for _, c := range []struct {
		q    string
		want []uint32
	}{
		{"INSERT INTO sbig (v) VALUES (1) RETURNING id, v > 0", []uint32{int8, boolean}},
		{"SELECT id, v FROM sbig", []uint32{int8, int4}},
		{"SELECT s.id FROM sbig s", []uint32{int8}},
		{"UPDATE sbig SET v = v + 1 RETURNING id, v", []uint32{int8, int4}},
		{"INSERT INTO ssmall (v) VALUES (1) RETURNING id", []uint32{int2}},
		{"SELECT id FROM ssmall", []uint32{int2}},
		{"INSERT INTO sint (v) VALUES (1) RETURNING id, v IS NULL", []uint32{int4, boolean}},
		{"SELECT id FROM sint", []uint32{int4}},
		{"DROP TABLE sbig", nil},
		{"CREATE TABLE sbig (id serial PRIMARY KEY, v int)", nil},
		{"INSERT INTO sbig (v) VALUES (1) RETURNING id", []uint32{int4}},
		{"SELECT id FROM sbig", []uint32{int4}},
	} {
		if c.want == nil {
			mustExec(t, conn, c.q)
			continue
		}
		for _, mode := range allModes {
			checkResultTypes(ctx, t, conn, c.q, mode, c.want) // arith_test.go
		}
	}
}
