package integration

// bun (github.com/uptrace/bun with its pgdialect over pgx's database/sql
// driver) against a 3-node cluster: bun's own migrator (its lock and
// migration tables), a second migration that alters a table, rollback,
// inserts that let the database fill the key (bun writes
// VALUES (DEFAULT, ...) RETURNING "id", also for several rows), relations,
// updates, a transaction. It runs against PostgreSQL too
// (RAFTSQL_REFERENCE_URL).

import (
	"context"
	"database/sql"
	"testing"
	"testing/fstest"

	_ "github.com/jackc/pgx/v5/stdlib"
	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/pgdialect"
	"github.com/uptrace/bun/migrate"
)

type bunAuthor struct {
	bun.BaseModel `bun:"table:authors"`
	ID            int64      `bun:",pk,autoincrement"`
	Name          string     `bun:",notnull"`
	Books         []*bunBook `bun:"rel:has-many,join:id=author_id"`
}

type bunBook struct {
	bun.BaseModel `bun:"table:books"`
	ID            int64 `bun:",pk,autoincrement"`
	AuthorID      int64 `bun:",notnull"`
	Title         string
	Pages         int `bun:",nullzero,default:100"`
}

// bun's SQL migrations; the second release alters a table
var bunMigrations = fstest.MapFS{
	"20240101000001_init.up.sql": {Data: []byte(`CREATE TABLE authors (id bigserial PRIMARY KEY, name varchar NOT NULL);
--bun:split
CREATE TABLE books (id bigserial PRIMARY KEY, author_id bigint NOT NULL REFERENCES authors (id) ON DELETE CASCADE,
  title varchar, pages bigint DEFAULT 100);`)},
	"20240101000001_init.down.sql": {Data: []byte(`DROP TABLE books;
--bun:split
DROP TABLE authors;`)},
	"20240201000001_isbn.up.sql":   {Data: []byte(`ALTER TABLE books ADD COLUMN isbn varchar(20);`)},
	"20240201000001_isbn.down.sql": {Data: []byte(`ALTER TABLE books DROP COLUMN isbn;`)},
}

// bunTag is created from its model by bun's DDL builder.
type bunTag struct {
	bun.BaseModel `bun:"table:tags"`
	ID            int64  `bun:",pk,autoincrement"`
	BookID        int64  `bun:",notnull"`
	Label         string `bun:",unique"`
}

func openBun(t *testing.T, url string) *bun.DB {
	t.Helper()
	sqldb, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	db := bun.NewDB(sqldb, pgdialect.New())
	t.Cleanup(func() { db.Close() })
	return db
}

func TestAppBun(t *testing.T) {
	urls := e2eURLs(t)
	ctx := context.Background()
	db := openBun(t, urls[0])

	migrations := migrate.NewMigrations()
	if err := migrations.Discover(bunMigrations); err != nil {
		t.Fatal(err)
	}
	m := migrate.NewMigrator(db, migrations)
	if err := m.Init(ctx); err != nil {
		t.Fatalf("migrator init: %v", err)
	}
	if err := m.Lock(ctx); err != nil {
		t.Fatalf("migrator lock: %v", err)
	}
	if g, err := m.Migrate(ctx); err != nil || len(g.Migrations) != 2 {
		t.Fatalf("migrate: %v, %v", g, err)
	}
	if g, err := m.Rollback(ctx); err != nil || len(g.Migrations) != 2 {
		t.Fatalf("rollback: %v, %v", g, err)
	}
	if g, err := m.Migrate(ctx); err != nil || len(g.Migrations) != 2 {
		t.Fatalf("migrate again: %v, %v", g, err)
	}
	if err := m.Unlock(ctx); err != nil {
		t.Fatalf("migrator unlock: %v", err)
	}
	if _, err := db.NewCreateTable().Model((*bunTag)(nil)).IfNotExists().
		ForeignKey(`("book_id") REFERENCES "books" ("id") ON DELETE CASCADE`).Exec(ctx); err != nil {
		t.Fatalf("create table from model: %v", err)
	}

	// inserts that leave the key to the database: VALUES (DEFAULT, ...)
	a := &bunAuthor{Name: "ann"}
	if _, err := db.NewInsert().Model(a).Exec(ctx); err != nil {
		t.Fatalf("insert: %v", err)
	}
	if a.ID == 0 {
		t.Fatal("no id returned")
	}
	books := []*bunBook{{AuthorID: a.ID, Title: "one"}, {AuthorID: a.ID, Title: "two", Pages: 7}}
	if _, err := db.NewInsert().Model(&books).Exec(ctx); err != nil {
		t.Fatalf("bulk insert: %v", err)
	}
	if books[0].ID == 0 || books[1].ID <= books[0].ID {
		t.Fatalf("book ids %d %d", books[0].ID, books[1].ID)
	}
	tags := []*bunTag{{BookID: books[0].ID, Label: "x"}, {BookID: books[1].ID, Label: "y"}}
	if _, err := db.NewInsert().Model(&tags).Exec(ctx); err != nil || tags[1].ID == 0 {
		t.Fatalf("insert tags: %v", err)
	}

	// another node reads the relation
	db1 := openBun(t, urls[1])
	got := new(bunAuthor)
	if err := db1.NewSelect().Model(got).Relation("Books", func(q *bun.SelectQuery) *bun.SelectQuery {
		return q.Order("id")
	}).Where("?TableAlias.id = ?", a.ID).Scan(ctx); err != nil {
		t.Fatalf("select with relation: %v", err)
	}
	if got.Name != "ann" || len(got.Books) != 2 || got.Books[0].Pages != 100 || got.Books[1].Pages != 7 {
		t.Fatalf("got %+v %+v", got, got.Books)
	}
	if _, err := db1.NewUpdate().Model((*bunBook)(nil)).Set("isbn = ?", "978-0").Where("author_id = ?", a.ID).Exec(ctx); err != nil {
		t.Fatalf("update: %v", err)
	}
	err := db1.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		b := &bunAuthor{Name: "bob"}
		if _, err := tx.NewInsert().Model(b).Exec(ctx); err != nil {
			return err
		}
		_, err := tx.NewInsert().Model(&bunBook{AuthorID: b.ID, Title: "bob's"}).Exec(ctx)
		return err
	})
	if err != nil {
		t.Fatalf("transaction: %v", err)
	}
	n, err := db1.NewSelect().Model((*bunBook)(nil)).Where("isbn IS NULL").Count(ctx)
	if err != nil || n != 1 {
		t.Fatalf("count = %d, %v", n, err)
	}
	if _, err := db1.NewDelete().Model((*bunAuthor)(nil)).Where("name = ?", "bob").Exec(ctx); err != nil {
		t.Fatalf("delete: %v", err)
	}
	if n, err := db1.NewSelect().Model((*bunBook)(nil)).Count(ctx); err != nil || n != 2 {
		t.Fatalf("books after cascading delete = %d, %v", n, err)
	}
	bunSecondRelease(ctx, t, openBun(t, urls[2%len(urls)])) // apps_bun_release_test.go
}
