package integration

// The write statements of the differential fuzz tester (difffuzz_test.go):
// INSERT ... VALUES, INSERT ... SELECT, UPDATE [... FROM], INSERT ... ON
// CONFLICT DO UPDATE and DELETE on a scratch table whose columns are
// those of n25fz_t (so the query generator's expressions read it too)
// with narrower string types, assigning generated expressions of any
// type: PostgreSQL's assignment casts, their rounding and their errors
// (22003, 22001, 22P02, 42804) are what a write shows and a query does
// not. Every write runs inside BEGIN ... ROLLBACK on both servers
// (fuzzWriteAnswer), so the scratch table is the same before each one;
// its answer is the statement's RETURNING rows, in an order that does not
// depend on the plan, and then the whole table.

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// fuzzWriteSchema creates the scratch table and fills it with n25fz_t's
// rows (ids 1 to 8): the targets of UPDATE, DELETE and ON CONFLICT.
var fuzzWriteSchema = []string{
	`CREATE TABLE n25fz_w (id int4 PRIMARY KEY, i2 int2, i4 int4, i8 int8, n numeric, n2 numeric(10,2), f8 float8, f4 real, t text, vc varchar(5), ch char(3), b bool, d date, ts timestamp, tz timestamptz, iv interval, j jsonb, u uuid, ia int4[], ta text[])`,
	`INSERT INTO n25fz_w SELECT id, i2, i4, i8, n, n2, f8, f4, t, vc, left(t, 3), b, d, ts, tz, iv, j, u, ia, ta FROM n25fz_t`,
}

// fuzzWriteColumns: the scratch table's assignable columns and their
// generator types (ch char(3) and vc varchar(5) are text).
var fuzzWriteColumns = []struct {
	name string
	ty   fuzzType
}{
	{"i2", ftInt}, {"i4", ftInt}, {"i8", ftInt}, {"n", ftNumeric}, {"n2", ftNumeric},
	{"f8", ftFloat}, {"f4", ftFloat}, {"t", ftText}, {"vc", ftText}, {"ch", ftText},
	{"b", ftBool}, {"d", ftDate}, {"ts", ftTimestamp}, {"tz", ftTimestamptz},
	{"iv", ftInterval}, {"j", ftJSONB}, {"ia", ftIntArray}, {"ta", ftTextArray},
}

// fuzzWriteFollowUp reads the scratch table after a write.
const fuzzWriteFollowUp = `SELECT * FROM n25fz_w ORDER BY id`

// fuzzWriteSeed: the seeds (qseed % fuzzWriteEvery == 0) that run a write
// after their query; the write's generator is seeded apart from the
// query's, so every query of a seed stays what it was before writes.
const (
	fuzzWriteEvery = 2
	fuzzWriteSalt  = 0x5752495445 // "WRITE"
)

// fuzzWrites reports whether seed qseed runs a write.
func fuzzWrites(qseed uint64) bool { return qseed%fuzzWriteEvery == 0 }

// write is one random write statement.
func (g *fuzzGen) write() string {
	g.alias = "a"
	switch g.n(10) {
	case 0, 1:
		return g.insertValues()
	case 2, 3:
		return g.insertSelect()
	case 4, 5, 6:
		return g.update()
	case 7, 8:
		return g.upsert()
	default:
		return g.delete()
	}
}

// assigned picks 1 to 3 distinct scratch columns.
func (g *fuzzGen) assigned() []int {
	perm := g.r.Perm(len(fuzzWriteColumns))
	return perm[:1+g.n(3)]
}

// value is an expression assigned to column k: mostly of its type,
// sometimes of any type (PostgreSQL's assignment casts or 42804).
func (g *fuzzGen) value(k int, depth int) string {
	ty := fuzzWriteColumns[k].ty
	if g.chance(0.3) {
		ty = g.scalarType()
	}
	if g.lits {
		return g.lit(ty)
	}
	return g.expr(ty, depth)
}

// returning is a RETURNING clause: every column, or the id and
// expressions over the target's row.
func (g *fuzzGen) returning() string {
	if g.chance(0.5) {
		return " RETURNING *"
	}
	items := []string{"a.id"}
	for i := 0; i < 1+g.n(2); i++ {
		items = append(items, fmt.Sprintf("%s AS r%d", g.expr(g.scalarType(), 2), i+1))
	}
	return " RETURNING " + strings.Join(items, ", ")
}

// ordered wraps a write with RETURNING in a data-modifying CTE that
// orders its rows by id (the first column of either RETURNING form).
func ordered(stmt string) string {
	return "WITH w AS (" + stmt + ") SELECT * FROM w ORDER BY 1"
}

func (g *fuzzGen) insertValues() string {
	cols := g.assigned()
	names, vals := []string{"id"}, []string{fmt.Sprint(100 + g.n(3))}
	g.lits = true
	for _, k := range cols {
		names = append(names, fuzzWriteColumns[k].name)
		vals = append(vals, g.value(k, 0))
	}
	g.lits = false
	stmt := "INSERT INTO n25fz_w AS a (" + strings.Join(names, ", ") + ") VALUES (" + strings.Join(vals, ", ") + ")"
	if g.chance(0.7) {
		stmt += g.returning() // one row: no order to fix
	}
	return stmt
}

func (g *fuzzGen) insertSelect() string {
	cols := g.assigned()
	names, vals := []string{"id"}, []string{"a.id + 100"}
	for _, k := range cols {
		names = append(names, fuzzWriteColumns[k].name)
		vals = append(vals, g.value(k, 2))
	}
	stmt := "INSERT INTO n25fz_w (" + strings.Join(names, ", ") + ") SELECT " + strings.Join(vals, ", ") + " FROM n25fz_t a" + g.where()
	if g.chance(0.6) {
		return ordered(stmt + " RETURNING *")
	}
	return stmt
}

func (g *fuzzGen) sets(cols []int) string {
	var s []string
	for _, k := range cols {
		s = append(s, fuzzWriteColumns[k].name+" = "+g.value(k, 2))
	}
	return strings.Join(s, ", ")
}

func (g *fuzzGen) update() string {
	cols := g.assigned()
	var stmt string
	if g.chance(0.4) {
		// the expressions read n25fz_t's row of the same id
		stmt = "UPDATE n25fz_w w SET " + g.sets(cols) + " FROM n25fz_t a WHERE w.id = a.id"
		if w := g.where(); w != "" {
			stmt += " AND (" + strings.TrimPrefix(w, " WHERE ") + ")"
		}
		if g.chance(0.6) {
			return ordered(stmt + " RETURNING w.*")
		}
		return stmt
	}
	stmt = "UPDATE n25fz_w a SET " + g.sets(cols) + g.where()
	if g.chance(0.6) {
		return ordered(stmt + g.returning())
	}
	return stmt
}

// upsert proposes rows of ids that exist (1 to 8) or do not (100 on);
// DO UPDATE's expressions read the proposed row (excluded) or the stored
// one (a).
func (g *fuzzGen) upsert() string {
	cols := g.assigned()
	names := []string{"id"}
	for _, k := range cols {
		names = append(names, fuzzWriteColumns[k].name)
	}
	g.lits = true
	var rows []string
	ids := g.r.Perm(9)[:1+g.n(2)]
	for _, id := range ids {
		if id == 0 {
			id = 100
		}
		vals := []string{fmt.Sprint(id)}
		for _, k := range cols {
			vals = append(vals, g.value(k, 0))
		}
		rows = append(rows, "("+strings.Join(vals, ", ")+")")
	}
	g.lits = false
	var s []string
	for _, k := range cols {
		c := fuzzWriteColumns[k]
		g.alias = pick(g, "a", "excluded")
		var e string
		switch c.ty {
		case ftInt, ftNumeric, ftFloat:
			e = fmt.Sprintf("excluded.%s %s %s", c.name, pick(g, "+", "-", "*"), g.expr(c.ty, 1))
		case ftText:
			e = fmt.Sprintf("excluded.%s || %s", c.name, g.expr(ftText, 1))
		default:
			e = g.value(k, 1)
		}
		s = append(s, c.name+" = "+e)
	}
	g.alias = "a"
	stmt := "INSERT INTO n25fz_w AS a (" + strings.Join(names, ", ") + ") VALUES " + strings.Join(rows, ", ") + " ON CONFLICT (id) DO UPDATE SET " + strings.Join(s, ", ")
	if g.chance(0.6) {
		return ordered(stmt + g.returning())
	}
	return stmt
}

func (g *fuzzGen) delete() string {
	stmt := "DELETE FROM n25fz_w a" + g.where()
	if g.chance(0.6) {
		return ordered(stmt + g.returning())
	}
	return stmt
}

// fuzzWriteAnswer runs write sql on conn inside BEGIN ... ROLLBACK and
// renders its answer followed, where it succeeded, by the scratch
// table's rows.
func fuzzWriteAnswer(conn *pgx.Conn, sql string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := conn.Exec(ctx, "BEGIN"); err != nil {
		return "", fmt.Errorf("BEGIN: %w", err)
	}
	answer := renderDiffCase(conn, sql, false)
	if fuzzSQLStateOf(answer) == "" {
		answer += renderDiffCase(conn, fuzzWriteFollowUp, false)
	}
	if _, err := conn.Exec(ctx, "ROLLBACK"); err != nil {
		return "", fmt.Errorf("ROLLBACK: %w", err)
	}
	return answer, nil
}
