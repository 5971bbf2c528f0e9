package integration

// golang-migrate (github.com/golang-migrate/migrate/v4 with its pgx/v5
// database driver) against a 3-node cluster, as a service uses it in its
// first week: migrations up, a second release's migration that alters an
// existing table, down and up again, and two migrators on different nodes
// at once (its pg_advisory_lock keeps them from running the same
// migration twice). It runs against PostgreSQL too (RAFTSQL_REFERENCE_URL).

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/golang-migrate/migrate/v4"
	_ "github.com/golang-migrate/migrate/v4/database/pgx/v5"
	"github.com/golang-migrate/migrate/v4/source/iofs"
)

var migrateFiles = fstest.MapFS{
	"1_users.up.sql": {Data: []byte(`
CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL UNIQUE, created_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE posts (id bigserial PRIMARY KEY, user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE, title text NOT NULL);`)},
	"1_users.down.sql": {Data: []byte(`DROP TABLE posts; DROP TABLE users;`)},
	// the second release alters the tables the first one made
	"2_profile.up.sql": {Data: []byte(`
ALTER TABLE users ADD COLUMN display_name varchar(100);
ALTER TABLE posts ADD COLUMN published boolean NOT NULL DEFAULT false;
CREATE INDEX posts_user_id_idx ON posts (user_id);`)},
	"2_profile.down.sql": {Data: []byte(`
DROP INDEX posts_user_id_idx;
ALTER TABLE posts DROP COLUMN published;
ALTER TABLE users DROP COLUMN display_name;`)},
}

func newMigrate(t *testing.T, url string) *migrate.Migrate {
	t.Helper()
	src, err := iofs.New(migrateFiles, ".")
	if err != nil {
		t.Fatal(err)
	}
	u := strings.Replace(url, "postgres://", "pgx5://", 1)
	m, err := migrate.NewWithSourceInstance("iofs", src, u)
	if err != nil {
		t.Fatalf("migrate: %v", err)
	}
	t.Cleanup(func() { m.Close() })
	return m
}

func TestAppGolangMigrate(t *testing.T) {
	urls := e2eURLs(t)
	ctx := context.Background()

	// two migrators on two nodes at once: one runs the migrations, the
	// other waits for the lock and finds nothing left to do
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i := range errs {
		m := newMigrate(t, urls[i])
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = m.Up()
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil && !errors.Is(err, migrate.ErrNoChange) {
			t.Fatalf("migrator %d: Up: %v", i, err)
		}
	}
	m := newMigrate(t, urls[2])
	if v, dirty, err := m.Version(); err != nil || v != 2 || dirty {
		t.Fatalf("version = %d dirty=%v err=%v, want 2", v, dirty, err)
	}

	// the application uses the schema (on another node)
	conn := connect(t, urls[1])
	var uid int
	if err := conn.QueryRow(ctx, `INSERT INTO users (email, display_name) VALUES ($1, $2) RETURNING id`, "a@example.com", "A").Scan(&uid); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(ctx, `INSERT INTO posts (user_id, title) VALUES ($1, 'hello'), ($1, 'again')`, uid); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM posts WHERE NOT published AND user_id = $1`, uid).Scan(&n); err != nil || n != 2 {
		t.Fatalf("posts = %d, %v", n, err)
	}

	// one step down: the second release's columns go, the data stays
	if err := m.Steps(-1); err != nil {
		t.Fatalf("Steps(-1): %v", err)
	}
	if _, err := conn.Exec(ctx, `SELECT display_name FROM users`); pgCode(err) != "42703" {
		t.Fatalf("display_name after down: %v, want 42703", err)
	}
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM posts`).Scan(&n); err != nil || n != 2 {
		t.Fatalf("posts after down = %d, %v", n, err)
	}
	if err := m.Up(); err != nil {
		t.Fatalf("Up again: %v", err)
	}
	if err := m.Down(); err != nil {
		t.Fatalf("Down: %v", err)
	}
	if v, _, err := m.Version(); !errors.Is(err, migrate.ErrNilVersion) {
		t.Fatalf("version after Down = %d, %v; want none", v, err)
	}
	if _, err := conn.Exec(ctx, `SELECT 1 FROM users`); pgCode(err) != "42P01" {
		t.Fatalf("users after Down: %v, want 42P01", err)
	}
}
