package integration

import (
	"context"
	"testing"
	"testing/fstest"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/migrate"
)

// bunRelease2 is a later release's migration over tables that hold rows:
// ADD COLUMN with a default, ALTER COLUMN TYPE, a new index, a new column
// with a foreign key, a renamed column; and its down migration.
var bunRelease2 = fstest.MapFS{
	"20240301000001_release2.up.sql": {Data: []byte(`ALTER TABLE books ADD COLUMN status varchar(10) NOT NULL DEFAULT 'draft';
--bun:split
ALTER TABLE books ALTER COLUMN pages TYPE integer;
--bun:split
CREATE INDEX books_title_idx ON books (title);
--bun:split
ALTER TABLE authors ADD COLUMN mentor_id bigint;
--bun:split
ALTER TABLE authors ADD CONSTRAINT authors_mentor_fk FOREIGN KEY (mentor_id) REFERENCES authors (id) ON DELETE SET NULL;
--bun:split
ALTER TABLE books RENAME COLUMN isbn TO isbn13;`)},
	"20240301000001_release2.down.sql": {Data: []byte(`ALTER TABLE books RENAME COLUMN isbn13 TO isbn;
--bun:split
ALTER TABLE authors DROP CONSTRAINT authors_mentor_fk;
--bun:split
ALTER TABLE authors DROP COLUMN mentor_id;
--bun:split
DROP INDEX books_title_idx;
--bun:split
ALTER TABLE books ALTER COLUMN pages TYPE bigint;
--bun:split
ALTER TABLE books DROP COLUMN status;`)},
}

// bunSecondRelease migrates TestAppBun's database (two books by one
// author, isbn set) to release 2 with bun's migrator from another node,
// checks the rows under the new shape, rolls the release back and
// applies it again.
func bunSecondRelease(ctx context.Context, t *testing.T, db *bun.DB) {
	t.Helper()
	migrations := migrate.NewMigrations()
	for _, fs := range []fstest.MapFS{bunMigrations, bunRelease2} {
		if err := migrations.Discover(fs); err != nil {
			t.Fatal(err)
		}
	}
	m := migrate.NewMigrator(db, migrations)
	for i, step := range []func(context.Context, ...migrate.MigrationOption) (*migrate.MigrationGroup, error){m.Migrate, m.Rollback, m.Migrate} {
		if g, err := step(ctx); err != nil || len(g.Migrations) != 1 {
			t.Fatalf("release 2 step %d: %v, %v", i, g, err)
		}
	}
	var rows []struct {
		Title  string
		Pages  int
		Status string
		Isbn13 string
	}
	if err := db.NewRaw(`SELECT title, pages, status, isbn13 FROM books ORDER BY id`).Scan(ctx, &rows); err != nil {
		t.Fatalf("read after release 2: %v", err)
	}
	if len(rows) != 2 || rows[0].Status != "draft" || rows[0].Pages != 100 || rows[1].Pages != 7 || rows[1].Isbn13 != "978-0" {
		t.Fatalf("after release 2: %+v", rows)
	}
	var typ string
	if err := db.NewRaw(`SELECT data_type FROM information_schema.columns WHERE table_name = 'books' AND column_name = 'pages'`).Scan(ctx, &typ); err != nil || typ != "integer" {
		t.Fatalf("pages type %q, %v", typ, err)
	}
	if _, err := db.ExecContext(ctx, `UPDATE authors SET mentor_id = 9999`); pgCode(err) != "23503" {
		t.Fatalf("mentor that does not exist: %v, want 23503", err)
	}
	if _, err := db.ExecContext(ctx, `UPDATE authors SET mentor_id = id`); err != nil {
		t.Fatalf("mentor: %v", err)
	}
	if _, err := db.ExecContext(ctx, `INSERT INTO books (author_id, title, status) VALUES ((SELECT min(id) FROM authors), 'x', 'too long a status')`); pgCode(err) != "22001" {
		t.Fatalf("status longer than varchar(10): %v, want 22001", err)
	}
}
