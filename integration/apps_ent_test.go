package integration

// ent (entgo.io/ent) against a 3-node cluster. ent's migrator is atlas
// (ariga.io/atlas), which inspects the database through information_schema
// and pg_catalog queries before planning its changes. The test drives
// ent's schema migration with hand-written table definitions (what ent's
// code generator emits into migrate/schema.go) and ent's SQL builder
// (what the generated client runs), so no generated code is committed:
// a first release, its migration run again (no change), a second release
// adding a column and an index to existing tables, then CRUD with a
// relation and a transaction on other nodes. It runs against PostgreSQL
// too (RAFTSQL_REFERENCE_URL).

import (
	"context"
	"database/sql"
	"testing"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	"entgo.io/ent/dialect/sql/schema"
	"entgo.io/ent/schema/field"
	_ "github.com/jackc/pgx/v5/stdlib"
)

// entTables are a release's tables as ent's generated migrate/schema.go
// declares them: users, and pets with an edge to their owner.
func entTables(release int) []*schema.Table {
	usersCols := []*schema.Column{
		{Name: "id", Type: field.TypeInt, Increment: true},
		{Name: "name", Type: field.TypeString},
		{Name: "email", Type: field.TypeString, Unique: true, Size: 200},
		{Name: "created_at", Type: field.TypeTime},
	}
	if release > 1 {
		usersCols = append(usersCols, &schema.Column{Name: "age", Type: field.TypeInt, Nullable: true})
	}
	users := &schema.Table{Name: "users", Columns: usersCols, PrimaryKey: usersCols[:1]}
	petsCols := []*schema.Column{
		{Name: "id", Type: field.TypeInt, Increment: true},
		{Name: "name", Type: field.TypeString},
		{Name: "user_pets", Type: field.TypeInt, Nullable: true},
	}
	pets := &schema.Table{Name: "pets", Columns: petsCols, PrimaryKey: petsCols[:1],
		ForeignKeys: []*schema.ForeignKey{{Symbol: "pets_users_pets", Columns: petsCols[2:3], RefColumns: usersCols[:1], OnDelete: schema.SetNull}}}
	pets.ForeignKeys[0].RefTable = users
	if release > 1 {
		pets.Indexes = []*schema.Index{{Name: "pet_name", Columns: petsCols[1:2]}}
	}
	return []*schema.Table{users, pets}
}

func entDriver(t *testing.T, url string) *entsql.Driver {
	t.Helper()
	db, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return entsql.OpenDB(dialect.Postgres, db)
}

func entMigrate(t *testing.T, drv *entsql.Driver, release int) {
	t.Helper()
	m, err := schema.NewMigrate(drv)
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Create(context.Background(), entTables(release)...); err != nil {
		t.Fatalf("ent migrate release %d: %v", release, err)
	}
}

func TestAppEnt(t *testing.T) {
	urls := e2eURLs(t)
	ctx := context.Background()
	d0, d1, d2 := entDriver(t, urls[0]), entDriver(t, urls[1]), entDriver(t, urls[2])
	if _, err := d0.DB().ExecContext(ctx, `DROP TABLE IF EXISTS pets, users`); err != nil { // a reference database's earlier run
		t.Fatal(err)
	}

	entMigrate(t, d0, 1)
	entMigrate(t, d1, 1) // nothing to do: atlas finds the tables as it made them

	// the first release's data, through ent's builder
	ins := entsql.Dialect(dialect.Postgres).Insert("users").Columns("name", "email", "created_at").
		Values("Ada", "ada@example.com", "2024-01-02 03:04:05+00").Returning("id")
	q, args := ins.Query()
	var ada int
	if err := d2.DB().QueryRowContext(ctx, q, args...).Scan(&ada); err != nil {
		t.Fatalf("insert user: %v", err)
	}

	entMigrate(t, d2, 2) // the second release: a new column and an index
	entMigrate(t, d0, 2) // and again: no change

	// CRUD with the relation in a transaction on another node
	tx, err := d1.Tx(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Rex", "Tom"} {
		q, args := entsql.Dialect(dialect.Postgres).Insert("pets").Columns("name", "user_pets").Values(name, ada).Query()
		var res sql.Result
		if err := tx.Exec(ctx, q, args, &res); err != nil {
			t.Fatalf("insert pet: %v", err)
		}
	}
	q, args = entsql.Dialect(dialect.Postgres).Update("users").Set("age", 36).Where(entsql.EQ("id", ada)).Query()
	var res sql.Result
	if err := tx.Exec(ctx, q, args, &res); err != nil {
		t.Fatalf("update user: %v", err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatalf("commit: %v", err)
	}
	// a join through the edge, on a third node (ent's builder, as the
	// generated client's QueryPets does)
	u, p := entsql.Table("users"), entsql.Table("pets").As("p")
	sel := entsql.Dialect(dialect.Postgres).Select(u.C("name"), u.C("age")).AppendSelect(entsql.Count(p.C("id"))).From(u).
		Join(p).On(u.C("id"), p.C("user_pets")).Where(entsql.EQ(u.C("email"), "ada@example.com")).GroupBy(u.C("name"), u.C("age"))
	q, args = sel.Query()
	var name string
	var age, pets int
	if err := d0.DB().QueryRowContext(ctx, q, args...).Scan(&name, &age, &pets); err != nil || name != "Ada" || age != 36 || pets != 2 {
		t.Fatalf("join %s: %q %d %d %v", q, name, age, pets, err)
	}
	// the index the second release added is there
	var n int
	if err := d2.DB().QueryRowContext(ctx, "SELECT count(*) FROM pg_indexes WHERE tablename = 'pets' AND indexname = 'pet_name'").Scan(&n); err != nil || n != 1 {
		t.Fatalf("pet_name index: %d %v", n, err)
	}
	// ON DELETE SET NULL through the foreign key
	if _, err := d2.DB().ExecContext(ctx, "DELETE FROM users WHERE id = $1", ada); err != nil {
		t.Fatal(err)
	}
	if err := d1.DB().QueryRowContext(ctx, "SELECT count(*) FROM pets WHERE user_pets IS NULL").Scan(&n); err != nil || n != 2 {
		t.Fatalf("SET NULL: %d %v", n, err)
	}
	entThirdRelease(ctx, t, urls) // apps_ent_release_test.go
}
