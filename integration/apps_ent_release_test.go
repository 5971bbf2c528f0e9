package integration

import (
	"context"
	"fmt"
	"math"
	"regexp"
	"strings"
	"sync"
	"testing"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	"entgo.io/ent/dialect/sql/schema"
	"entgo.io/ent/schema/field"
)

// entRelease3Tables is a third release of entTables over tables that hold
// rows: users gets a column with a default and an index on an existing
// column, its age column is renamed years (by hand: ent's migrator does
// not rename), pets' name becomes text (ALTER COLUMN TYPE) and
// pets gets a second edge to users (a column with a foreign key).
func entRelease3Tables() []*schema.Table {
	tables := entTables(2)
	users, pets := tables[0], tables[1]
	for _, c := range users.Columns {
		if c.Name == "age" {
			c.Name = "years"
		}
	}
	status := &schema.Column{Name: "status", Type: field.TypeString, Default: "active"}
	users.Columns = append(users.Columns, status)
	users.Indexes = append(users.Indexes, &schema.Index{Name: "user_created_at", Columns: []*schema.Column{users.Columns[3]}})
	pets.Columns[1].Size = math.MaxInt32 // ent's field.Text: text
	vet := &schema.Column{Name: "pet_vet", Type: field.TypeInt, Nullable: true}
	pets.Columns = append(pets.Columns, vet)
	fk := &schema.ForeignKey{Symbol: "pets_users_vet", Columns: []*schema.Column{vet}, RefColumns: users.Columns[:1], RefTable: users, OnDelete: schema.SetNull}
	pets.ForeignKeys = append(pets.ForeignKeys, fk)
	return tables
}

// entDDLRe finds the statement in an ent debug driver's log line.
var entDDLRe = regexp.MustCompile(`(?s)query=(.*) args=`)

// entMigrateDDL runs ent's migration of tables on url and returns the DDL
// statements it issued.
func entMigrateDDL(t *testing.T, url string, tables []*schema.Table) []string {
	t.Helper()
	var mu sync.Mutex
	var ddl []string
	drv := dialect.DebugWithContext(entDriver(t, url), func(_ context.Context, a ...any) {
		if m := entDDLRe.FindStringSubmatch(fmt.Sprint(a...)); m != nil {
			if w := strings.ToUpper(strings.SplitN(strings.TrimSpace(m[1]), " ", 2)[0]); w == "CREATE" || w == "ALTER" || w == "DROP" {
				mu.Lock()
				ddl = append(ddl, m[1])
				mu.Unlock()
			}
		}
	})
	m, err := schema.NewMigrate(drv)
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Create(context.Background(), tables...); err != nil {
		t.Fatalf("ent migrate: %v", err)
	}
	return ddl
}

// entRelease3DDL is what ent v0.14.5 (atlas) issues for the third release
// against PostgreSQL 15 (and must against raftsql).
var entRelease3DDL = []string{
	`ALTER TABLE "users" ADD COLUMN "status" character varying NOT NULL DEFAULT 'active'`,
	`CREATE INDEX "user_created_at" ON "users" ("created_at")`,
	`ALTER TABLE "pets" ALTER COLUMN "name" TYPE text, ADD COLUMN "pet_vet" bigint NULL, ADD CONSTRAINT "pets_users_vet" FOREIGN KEY ("pet_vet") REFERENCES "users" ("id") ON DELETE SET NULL`,
}

// entThirdRelease migrates TestAppEnt's database (pets without owners)
// to release 3 after adding a user, from two nodes: the same DDL as
// PostgreSQL's, then none; the rows keep their values under the new
// shape and the new foreign key holds.
func entThirdRelease(ctx context.Context, t *testing.T, urls []string) {
	t.Helper()
	d := entDriver(t, urls[0])
	var bo int
	q, args := entsql.Dialect(dialect.Postgres).Insert("users").Columns("name", "email", "created_at", "age").
		Values("Bo", "bo@example.com", "2024-02-03 04:05:06+00", 7).Returning("id").Query()
	if err := d.DB().QueryRowContext(ctx, q, args...).Scan(&bo); err != nil {
		t.Fatalf("insert user: %v", err)
	}
	if _, err := d.DB().ExecContext(ctx, `ALTER TABLE users RENAME COLUMN age TO years`); err != nil {
		t.Fatalf("rename: %v", err)
	}
	if got := entMigrateDDL(t, urls[1%len(urls)], entRelease3Tables()); strings.Join(got, "\n") != strings.Join(entRelease3DDL, "\n") {
		t.Errorf("release 3 DDL:\n%s\nwant (PostgreSQL's):\n%s", strings.Join(got, "\n"), strings.Join(entRelease3DDL, "\n"))
	}
	if got := entMigrateDDL(t, urls[2%len(urls)], entRelease3Tables()); len(got) != 0 {
		t.Errorf("release 3 again issued DDL: %q", got)
	}
	var status string
	var years int
	if err := d.DB().QueryRowContext(ctx, `SELECT status, years FROM users WHERE id = $1`, bo).Scan(&status, &years); err != nil || status != "active" || years != 7 {
		t.Fatalf("user after release 3: %q %d %v", status, years, err)
	}
	if _, err := d.DB().ExecContext(ctx, `UPDATE pets SET pet_vet = $1`, bo); err != nil {
		t.Fatalf("set vet: %v", err)
	}
	if _, err := d.DB().ExecContext(ctx, `UPDATE pets SET pet_vet = 999999`); pgCode(err) != "23503" {
		t.Fatalf("vet that does not exist: %v, want 23503", err)
	}
	var typ string
	if err := d.DB().QueryRowContext(ctx, `SELECT data_type FROM information_schema.columns WHERE table_name = 'pets' AND column_name = 'name'`).Scan(&typ); err != nil || typ != "text" {
		t.Fatalf("pets.name is %q, %v; want text", typ, err)
	}
}
