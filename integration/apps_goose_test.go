package integration

// goose (github.com/pressly/goose/v3, its Provider API over database/sql
// with pgx's driver) against a 3-node cluster, as a service uses it in its
// first week: two migrators on two nodes at once behind goose's Postgres
// session locker (pg_try_advisory_lock), a first release, a second
// release that alters the existing tables, CRUD with a relation in a
// transaction, Down and Up again. It runs against PostgreSQL too
// (RAFTSQL_REFERENCE_URL).

import (
	"context"
	"database/sql"
	"sync"
	"testing"
	"testing/fstest"

	_ "github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
)

var gooseFiles = fstest.MapFS{
	"00001_authors.sql": {Data: []byte(`-- +goose Up
CREATE TABLE authors (id bigserial PRIMARY KEY, name text NOT NULL UNIQUE);
CREATE TABLE books (
    id bigserial PRIMARY KEY,
    author_id bigint NOT NULL REFERENCES authors (id) ON DELETE CASCADE,
    title text NOT NULL
);

-- +goose Down
DROP TABLE books;
DROP TABLE authors;
`)},
	// the second release alters the tables of the first
	"00002_isbn.sql": {Data: []byte(`-- +goose Up
-- +goose StatementBegin
ALTER TABLE books ADD COLUMN isbn varchar(17);
-- +goose StatementEnd
ALTER TABLE authors ADD COLUMN born date;
CREATE UNIQUE INDEX books_isbn_idx ON books (isbn);

-- +goose Down
DROP INDEX books_isbn_idx;
ALTER TABLE authors DROP COLUMN born;
ALTER TABLE books DROP COLUMN isbn;
`)},
}

func newGoose(t *testing.T, url string) (*goose.Provider, *sql.DB) {
	t.Helper()
	db, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	// retry every second (goose's default is 5 s), up to a minute
	locker, err := lock.NewPostgresSessionLocker(lock.WithLockTimeout(1, 60))
	if err != nil {
		t.Fatal(err)
	}
	p, err := goose.NewProvider(goose.DialectPostgres, db, gooseFiles, goose.WithSessionLocker(locker))
	if err != nil {
		t.Fatalf("goose: %v", err)
	}
	return p, db
}

func TestAppGoose(t *testing.T) {
	urls := e2eURLs(t)
	ctx := context.Background()

	// two migrators on two nodes at once: the lock lets one run the
	// migrations; the other then finds them applied
	var wg sync.WaitGroup
	applied := make([]int, 2)
	errs := make([]error, 2)
	for i := range errs {
		p, _ := newGoose(t, urls[i])
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, err := p.Up(ctx)
			applied[i], errs[i] = len(res), err
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("migrator %d: Up: %v", i, err)
		}
	}
	if applied[0]+applied[1] != 2 {
		t.Fatalf("migrations applied %v, want 2 in all", applied)
	}

	p, db := newGoose(t, urls[2])
	if v, err := p.GetDBVersion(ctx); err != nil || v != 2 {
		t.Fatalf("version %d %v, want 2", v, err)
	}
	// the service's first week: a relation written in a transaction
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	var aid int64
	if err := tx.QueryRowContext(ctx, "INSERT INTO authors (name, born) VALUES ($1, $2) RETURNING id", "Le Guin", "1929-10-21").Scan(&aid); err != nil {
		t.Fatal(err)
	}
	for i, title := range []string{"A Wizard of Earthsea", "The Dispossessed"} {
		isbn := []string{"978-0-553-38304-8", "978-0-06-051275-2"}[i]
		if _, err := tx.ExecContext(ctx, "INSERT INTO books (author_id, title, isbn) VALUES ($1, $2, $3)", aid, title, isbn); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	// read on another node, joined
	db0, err := sql.Open("pgx", urls[0])
	if err != nil {
		t.Fatal(err)
	}
	defer db0.Close()
	var n int
	var born string
	if err := db0.QueryRowContext(ctx, "SELECT count(*), min(a.born)::text FROM books b JOIN authors a ON a.id = b.author_id WHERE a.name = $1", "Le Guin").Scan(&n, &born); err != nil || n != 2 || born != "1929-10-21" {
		t.Fatalf("join: %d %q %v", n, born, err)
	}
	// the second release's unique index holds
	if _, err := db0.ExecContext(ctx, "INSERT INTO books (author_id, title, isbn) VALUES ($1, 'dup', '978-0-06-051275-2')", aid); pgCode(err) != "23505" {
		t.Fatalf("duplicate isbn: %v, want 23505", err)
	}

	// Down one release on node 1, then Up again on node 0
	p1, _ := newGoose(t, urls[1])
	if res, err := p1.Down(ctx); err != nil || res.Source.Version != 2 {
		t.Fatalf("Down: %v %v", res, err)
	}
	if _, err := db0.ExecContext(ctx, "SELECT isbn FROM books"); pgCode(err) != "42703" {
		t.Fatalf("isbn after Down: %v, want 42703", err)
	}
	p0, _ := newGoose(t, urls[0])
	if res, err := p0.Up(ctx); err != nil || len(res) != 1 {
		t.Fatalf("Up again: %v %v", res, err)
	}
	st, err := p.Status(ctx)
	if err != nil || len(st) != 2 || st[0].State != goose.StateApplied || st[1].State != goose.StateApplied {
		t.Fatalf("Status: %v %v", st, err)
	}
	if err := db0.QueryRowContext(ctx, "SELECT count(*) FROM books WHERE isbn IS NULL").Scan(&n); err != nil || n != 2 {
		t.Fatalf("books after Down/Up: %d %v", n, err)
	}
	// all the way down
	if _, err := p1.DownTo(ctx, 0); err != nil {
		t.Fatalf("DownTo(0): %v", err)
	}
	if v, err := p0.GetDBVersion(ctx); err != nil || v != 0 {
		t.Fatalf("version after DownTo(0): %d %v", v, err)
	}
}
