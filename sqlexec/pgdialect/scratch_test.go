package pgdialect

import (
	"database/sql"
	"fmt"
	"os"
	"strings"
	"testing"

	_ "modernc.org/sqlite"
)

func TestScratch(t *testing.T) {
	if os.Getenv("SCRATCH") == "" {
		t.Skip()
	}
	for _, q := range strings.Split(os.Getenv("SCRATCH"), "\n;;\n") {
		st, err := Translate(q)
		if err != nil {
			fmt.Printf("%q\n  ERR %v\n", q, err)
			continue
		}
		fmt.Printf("%q\n  %s %q tag=%s name=%q val=%q params=%d %v cols=%v drop=%v\n", q, st.Kind, st.Exec, st.Tag, st.Name, st.Value, st.ParamCount, st.ParamOIDs, st.ColumnOIDs, st.DropIfExists)
		if st.Copy != nil {
			fmt.Printf("  copy %+v\n", *st.Copy)
		}
	}
}

func TestScratchDB(t *testing.T) {
	f := os.Getenv("SCRATCHDB")
	if f == "" {
		t.Skip()
	}
	if err := Register(); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	for _, s := range CatalogSQL() {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%v\n%s", err, s)
		}
	}
	b, _ := os.ReadFile(f)
	for _, q := range Split(string(b)) {
		st, err := Translate(q)
		if err != nil {
			fmt.Printf("-- %q\nERR %v\n", q, err)
			continue
		}
		for _, e := range st.Exec {
			rows, err := db.Query(e)
			if err != nil {
				fmt.Printf("-- %s\nSQLERR %v\n", e, err)
				continue
			}
			cols, _ := rows.Columns()
			fmt.Printf("-- %s\n%v %v\n", strings.Join(strings.Fields(e), " ")[:min(150, len(strings.Join(strings.Fields(e), " ")))], cols, st.ColumnOIDs)
			for rows.Next() {
				vals := make([]any, len(cols))
				ptrs := make([]any, len(cols))
				for i := range vals {
					ptrs[i] = &vals[i]
				}
				rows.Scan(ptrs...)
				for i, v := range vals {
					if b, ok := v.([]byte); ok {
						vals[i] = string(b)
					}
				}
				fmt.Println("  ", vals)
			}
			if err := rows.Err(); err != nil {
				fmt.Println("ROWERR", err)
			}
			rows.Close()
		}
	}
}
