package pgdialect

import (
	"reflect"
	"testing"
)

func TestForeignKeysAndRemove(t *testing.T) {
	const create = `CREATE TABLE c(id int PRIMARY KEY, pid int CONSTRAINT named REFERENCES p(id) ON DELETE SET NULL ON UPDATE CASCADE CHECK (pid > 0), ` +
		`qid int references "Q" NOT NULL, x int, FOREIGN KEY (x, id) REFERENCES p(a, b) DEFERRABLE INITIALLY IMMEDIATE, CONSTRAINT k FOREIGN KEY (x) REFERENCES q)`
	fks := ForeignKeys(create)
	var got [][]string
	for _, fk := range fks {
		got = append(got, append([]string{fk.Name, fk.RefTable}, fk.Columns...))
	}
	want := [][]string{{"named", "p", "pid"}, {"", "Q", "qid"}, {"", "p", "x", "id"}, {"k", "q", "x"}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("ForeignKeys = %v, want %v", got, want)
	}
	if n := FKConstraintName("c", fks[2]); n != "c_x_id_fkey" {
		t.Errorf("FKConstraintName = %q", n)
	}
	out, ok := RemoveForeignKeys(create, "P")
	wantOut := `CREATE TABLE c(id int PRIMARY KEY, pid int  CHECK (pid > 0), qid int references "Q" NOT NULL, x int, CONSTRAINT k FOREIGN KEY (x) REFERENCES q)`
	if !ok || out != wantOut {
		t.Errorf("RemoveForeignKeys:\n got %s\nwant %s", out, wantOut)
	}
	if _, ok := RemoveForeignKeys(create, "other"); ok {
		t.Error("RemoveForeignKeys removed a clause of another table")
	}
}

func TestParseDropTable(t *testing.T) {
	for _, c := range []struct {
		sql  string
		want DropTable
	}{
		{"DROP TABLE a", DropTable{Table: "a", Set: []string{"a"}, ByRelation: true}},
		{"drop table if exists a, \"B*/\" cascade", DropTable{Table: "B*/", IfExists: true, Cascade: true, Set: []string{"a", "B*/"}, ByRelation: true}},
	} {
		st, err := Translate(c.sql)
		if err != nil {
			t.Fatal(err)
		}
		d, ok := ParseDropTable(st.Exec[len(st.Exec)-1])
		if !ok || !reflect.DeepEqual(d, c.want) {
			t.Errorf("%s: %q -> %+v %v, want %+v", c.sql, st.Exec, d, ok, c.want)
		}
	}
	if _, ok := ParseDropTable(`DROP TABLE "a"`); ok {
		t.Error("an unmarked DROP TABLE was parsed")
	}
	// a mark of an entry written before the relations rule keeps the
	// older dependency rule
	if d, ok := ParseDropTable("DROP TABLE a /* raftsql:drop restrict 61 */"); !ok || d.ByRelation || d.Table != "a" {
		t.Errorf("a two-word mark: %+v %v", d, ok)
	}
}

// pgbenchDropMark is the mark (drop.go) of DROP TABLE pgbench_accounts,
// pgbench_branches.
const pgbenchDropMark = " /* raftsql:drop restrict 706762656e63685f6163636f756e7473,706762656e63685f6272616e63686573 relations */"
