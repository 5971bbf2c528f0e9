package sqlexec

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"regexp"
	"strings"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// SQLite files from outside the node: checking a backup (CheckFile) and
// preparing a backup or any application's SQLite database to become the
// first state of a new cluster (PrepareImport, StampImage; the root
// package's restore.go drives them).
//
// What an import accepts and refuses follows what the node would accept
// as writes: a file is refused, with every reason listed, when it fails
// PRAGMA integrity_check, is not UTF-8, has a virtual table whose module
// is not replicated (FTS, ...; R*Tree is), names an object raftsql_*
// (reserved) that is not one of a backup's own tables, or has a table
// whose writes the write allow-list would refuse (a trigger, DEFAULT,
// CHECK or generated column calling a function whose value is not the same
// on every replica, such as random()): the cluster would refuse every
// write to it. It is accepted with a warning when a column's declared type
// is not a PostgreSQL type raftsql knows (clients see SQLite's affinity
// guess: int8, text, bytea, float8 or numeric, or text when there is no
// type; nothing is enforced on write), when a table was created outside
// raftsql (its values were never checked against their types, and it has
// no enforcing CHECKs), when a view calls such a function
// (it can be read; a write that reads it is refused), or when rows violate
// a foreign key (raftsql enforces foreign keys on new writes only).

// FileReport is what CheckFile finds in a SQLite database file.
type FileReport struct {
	// Raftsql reports whether the file is a raftsql database or backup
	// (it has raftsql_meta); AppliedIndex is then the index it holds.
	Raftsql      bool
	AppliedIndex uint64
	// Checksum is the content checksum as Checksum computes it for a
	// replica (user-visible schema and rows, not raftsql's tables).
	Checksum string
}

// CheckFile opens the SQLite file at path read-only, runs PRAGMA
// integrity_check (an error wrapping ErrDamaged when it finds anything)
// and reads the applied index and the content checksum.
func CheckFile(ctx context.Context, path string) (FileReport, error) {
	if _, err := os.Stat(path); err != nil {
		return FileReport{}, err
	}
	c, err := openLConn(dsnFor(path, "mode=ro"))
	if err != nil {
		return FileReport{}, err
	}
	defer c.close()
	if err := integrityCheck(c); err != nil {
		return FileReport{}, err
	}
	if err := c.exec("BEGIN"); err != nil {
		return FileReport{}, err
	}
	defer c.exec("ROLLBACK")
	var rep FileReport
	objs, err := fileObjects(c)
	if err != nil {
		return FileReport{}, err
	}
	for _, o := range objs {
		if o.typ == "table" && strings.EqualFold(o.name, "raftsql_meta") {
			rep.Raftsql = true
		}
	}
	if rep.Raftsql {
		if rep.AppliedIndex, err = readAppliedIndex(c); err != nil {
			return FileReport{}, err
		}
	}
	if err := ctx.Err(); err != nil {
		return FileReport{}, err
	}
	rep.Checksum, err = checksumConn(c)
	return rep, err
}

// integrityCheck runs PRAGMA integrity_check (every page, every index).
// On a connection with raftsql's functions (a reader of the live
// database: the session fuzzer's check) it also tests every row against
// its table's CHECKs, and rows that break a CHECK added NOT VALID are
// legitimate (PostgreSQL keeps them; QuickCheck in damage.go skips CHECKs
// for the same reason), so such a database was called damaged. Where
// some table has a NOT VALID constraint, the whole file is checked with
// CHECKs ignored, then each table without one with them.
func integrityCheck(c *lconn) error {
	objs, err := fileObjects(c)
	if err != nil {
		return checkPragma(c, "integrity_check(10)") // its own error says what is wrong
	}
	var checked []string
	notValid := false
	for _, o := range objs {
		if o.typ != "table" {
			continue
		}
		if pgdialect.HasNotValid(o.sql) {
			notValid = true
		} else if strings.Contains(strings.ToUpper(o.sql), "CHECK") {
			checked = append(checked, o.name)
		}
	}
	if !notValid {
		return checkPragma(c, "integrity_check(10)")
	}
	defer c.enterAuth(authOff)() // raftsql's own setting, not a user's
	if err := c.exec("PRAGMA ignore_check_constraints = ON"); err != nil {
		return err
	}
	err = checkPragma(c, "integrity_check(10)")
	if err2 := c.exec("PRAGMA ignore_check_constraints = OFF"); err == nil {
		err = err2
	}
	if err != nil {
		return err
	}
	for _, name := range checked {
		if err := checkPragma(c, "integrity_check("+quoteIdent(name)+")"); err != nil {
			return err
		}
	}
	return nil
}

// fileObject is one row of sqlite_schema, all of them (schemaObjects
// lists only user tables and views).
type fileObject struct{ typ, name, tbl, sql string }

func fileObjects(c *lconn) ([]fileObject, error) {
	st, _, err := c.prepare("SELECT type, name, tbl_name, coalesce(sql, '') FROM main.sqlite_schema ORDER BY rowid")
	if err != nil {
		return nil, err
	}
	defer st.finalize()
	var objs []fileObject
	_, err = st.run(nil, func(r []any) error {
		objs = append(objs, fileObject{r[0].(string), r[1].(string), r[2].(string), r[3].(string)})
		return nil
	})
	return objs, err
}

// ImportReport is what PrepareImport found.
type ImportReport struct {
	// Backup: the file is a raftsql backup (it has raftsql_meta); its
	// replicated internal state (roles, sequences ...) is kept, its
	// tables about the old cluster replaced.
	Backup bool
	// SourceIndex is a backup's applied index (0 otherwise).
	SourceIndex                      uint64
	Tables, Indexes, Views, Triggers int
	// Refused lists why the file cannot be imported (nothing is written
	// when it is not empty); Warnings what is accepted but behaves
	// differently from PostgreSQL.
	Refused  []string
	Warnings []string
}

// ErrRefused is returned (wrapped) by PrepareImport for a file it refuses;
// the report lists the reasons.
var ErrRefused = errors.New("sqlexec: the SQLite file cannot be imported")

// oldClusterTables are a backup's internal tables that describe the
// cluster and node it came from (applied index, configuration, member
// table, request ids, advisory locks of its sessions, the COPYs they were
// streaming): dropped on import (Open, or the first use, makes them anew). Every other raftsql_* table of a backup is
// replicated state (roles, sequences, enums, extensions ...) and is kept.
var oldClusterTables = map[string]bool{
	"raftsql_meta": true, "raftsql_config": true, "raftsql_members": true,
	"raftsql_requests": true, "raftsql_advisory_locks": true,
	"raftsql_copy_stage": true, "raftsql_copy_chunks": true,
}

var reVirtualModule = regexp.MustCompile(`(?is)^\s*CREATE\s+VIRTUAL\s+TABLE\s+.*?\bUSING\s+("?)(\w+)`)

// PrepareImport checks the SQLite file at src and writes the database a
// new cluster starts from to dst (a new file): src's content, copied with
// SQLite's online backup API from one read transaction, with raftsql's
// tables about the old cluster made anew (applied index 0; a backup's
// roles, sequences and other replicated internal state kept). A
// refused file is an error wrapping ErrRefused (or ErrDamaged when the
// integrity check fails) and leaves no dst.
func PrepareImport(ctx context.Context, src, dst string) (rep ImportReport, err error) {
	if _, err := os.Stat(src); err != nil {
		return rep, err
	}
	s, err := openLConn(dsnFor(src, "mode=ro"))
	if err != nil {
		return rep, err
	}
	defer s.close()
	if err := integrityCheck(s); err != nil {
		return rep, err
	}
	if err := s.exec("BEGIN"); err != nil {
		return rep, err
	}
	defer s.exec("ROLLBACK")
	objs, err := fileObjects(s)
	if err != nil {
		return rep, err
	}
	for _, o := range objs {
		if o.typ == "table" && strings.EqualFold(o.name, "raftsql_meta") {
			rep.Backup = true
		}
	}
	if rep.Backup {
		if rep.SourceIndex, err = readAppliedIndex(s); err != nil {
			return rep, err
		}
	}
	if enc := pragmaText(s, "PRAGMA encoding"); !strings.EqualFold(enc, "UTF-8") {
		rep.Refused = append(rep.Refused, fmt.Sprintf("the database's text encoding is %s: raftsql needs UTF-8 (convert it: sqlite3 app.db .dump | sqlite3 app-utf8.db)", enc))
	}
	rep.checkSchema(objs)
	// The write checks run on the copy even when the schema is refused
	// already, so that one run lists every reason.
	_ = os.Remove(dst)
	defer func() {
		if err != nil {
			removeDB(dst)
		}
	}()
	if err := copyFrom(ctx, s, dst); err != nil {
		return rep, fmt.Errorf("sqlexec: copy %s: %w", src, err)
	}
	if err := dropOldInternal(dst, objs); err != nil {
		return rep, err
	}
	if err := rep.checkWrites(ctx, dst, objs); err != nil {
		return rep, err
	}
	if len(rep.Refused) > 0 {
		return rep, fmt.Errorf("%w: %s", ErrRefused, strings.Join(rep.Refused, "; "))
	}
	return rep, toRollbackJournal(dst)
}

// checkSchema counts the objects and refuses reserved names and virtual
// tables whose module is not replicated.
func (rep *ImportReport) checkSchema(objs []fileObject) {
	for _, o := range objs {
		if isInternalName(o.name) || isInternalName(o.tbl) {
			// A backup's own; elsewhere a name the cluster would refuse
			// (its automatic indexes need no line of their own).
			if !rep.Backup && !strings.HasPrefix(strings.ToLower(o.name), "sqlite_autoindex_") {
				rep.Refused = append(rep.Refused, fmt.Sprintf("%s %s: names beginning with raftsql_ are reserved for raftsql's own tables (rename it)", o.typ, o.name))
			}
			continue
		}
		if strings.HasPrefix(strings.ToLower(o.name), "sqlite_") {
			continue // sqlite_sequence, sqlite_stat1, automatic indexes
		}
		switch o.typ {
		case "table":
			if m := reVirtualModule.FindStringSubmatch(o.sql); m != nil {
				if !vtabModules[strings.ToLower(m[2])] {
					rep.Refused = append(rep.Refused, fmt.Sprintf("virtual table %s (USING %s): virtual table modules other than rtree are not replicated (drop it, or copy its rows into an ordinary table)", o.name, m[2]))
				}
				continue
			}
			rep.Tables++
		case "index":
			rep.Indexes++
		case "view":
			rep.Views++
		case "trigger":
			rep.Triggers++
		}
	}
}

// dropOldInternal drops a backup's tables about its old cluster.
func dropOldInternal(path string, objs []fileObject) error {
	c, err := openLConn(dsnFor(path, ""))
	if err != nil {
		return err
	}
	defer c.close()
	for _, o := range objs {
		if o.typ != "table" || !oldClusterTables[strings.ToLower(o.name)] {
			continue
		}
		if err := c.exec("DROP TABLE IF EXISTS main." + quoteIdent(o.name)); err != nil {
			return fmt.Errorf("sqlexec: import: drop %s: %w", o.name, err)
		}
	}
	return nil
}

// checkWrites opens the copy as a node would and compiles, under the
// write allow-list, an INSERT, an UPDATE of every column and a DELETE of
// every table (which compiles the triggers, DEFAULTs, CHECKs and
// generated columns they reach) and a read of every view; it also warns
// of declared types raftsql does not know and of foreign key violations.
func (rep *ImportReport) checkWrites(ctx context.Context, path string, objs []fileObject) error {
	db, err := Open(ctx, path, Options{ReadConns: 1, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		return fmt.Errorf("sqlexec: import: open the copy: %w", err)
	}
	defer db.Close()
	for _, o := range objs {
		if isInternalName(o.name) || strings.HasPrefix(strings.ToLower(o.name), "sqlite_") || reVirtualModule.MatchString(o.sql) {
			continue
		}
		switch o.typ {
		case "view":
			refusal, compileErr, err := db.compileWrite(ctx, "SELECT * FROM main."+quoteIdent(o.name))
			switch {
			case err != nil:
				return err
			case refusal != nil:
				rep.Warnings = append(rep.Warnings, fmt.Sprintf("view %s: %s; it can be read, but a write that reads it is refused", o.name, refusal.Message))
			case compileErr != nil:
				rep.Warnings = append(rep.Warnings, fmt.Sprintf("view %s cannot be read: %v", o.name, compileErr))
			}
		case "table":
			cols, err := db.tableInfo(ctx, o.name)
			if err != nil {
				return err
			}
			var sets []string
			typed := false
			for _, c := range cols {
				typed = typed || pgdialect.DeclTypeKnown(c.typ)
				if c.hidden == 0 {
					sets = append(sets, quoteIdent(c.name)+" = "+quoteIdent(c.name))
				}
				if !pgdialect.DeclTypeKnown(c.typ) {
					oid, _ := pgdialect.DeclTypeOID(c.typ)
					seen := "text"
					if oid != 0 {
						seen = pgdialect.FormatType(oid, -1)
					}
					rep.Warnings = append(rep.Warnings, fmt.Sprintf("column %s.%s: declared type %q is not a PostgreSQL type raftsql knows: clients see it as %s, and values are not checked on write", o.name, c.name, c.typ, seen))
				}
			}
			if typed && !strings.Contains(o.sql, "pgdialect_") {
				rep.Warnings = append(rep.Warnings, fmt.Sprintf("table %s was created outside raftsql: its values were not checked against their declared types, and it has none of the CHECK constraints raftsql adds to enforce them (new values are still converted on INSERT and UPDATE)", o.name))
			}
			t := "main." + quoteIdent(o.name)
			stmts := []string{"INSERT INTO " + t + " DEFAULT VALUES", "DELETE FROM " + t}
			if len(sets) > 0 {
				stmts = append(stmts, "UPDATE "+t+" SET "+strings.Join(sets, ", "))
			}
			for _, q := range stmts {
				refusal, compileErr, err := db.compileWrite(ctx, q)
				if err != nil {
					return err
				}
				verb := strings.Fields(q)[0]
				if refusal != nil {
					rep.Refused = append(rep.Refused, fmt.Sprintf("table %s: %s: every %s on it would be refused (a trigger, DEFAULT, CHECK or generated column on it calls it; drop or change that first)", o.name, refusal.Message, verb))
					break
				}
				if compileErr != nil {
					rep.Refused = append(rep.Refused, fmt.Sprintf("table %s: every %s on it would fail: %v (a trigger, DEFAULT, CHECK or generated column on it needs what raftsql does not have, such as the application's own SQL functions)", o.name, verb, compileErr))
					break
				}
			}
		}
	}
	fk, err := db.foreignKeyViolations(ctx)
	if err != nil {
		return err
	}
	rep.Warnings = append(rep.Warnings, fk...)
	return nil
}

// columnInfo is one row of PRAGMA table_xinfo.
type columnInfo struct {
	name, typ string
	hidden    int64 // 0 ordinary, 1 hidden (virtual tables), 2/3 generated
}

func (db *DB) tableInfo(ctx context.Context, table string) ([]columnInfo, error) {
	var cols []columnInfo
	err := db.withReader(ctx, func(c *lconn) error {
		st, _, err := c.prepare("SELECT name, type, hidden FROM pragma_table_xinfo(?)")
		if err != nil {
			return err
		}
		defer st.finalize()
		_, err = st.run([]any{table}, func(r []any) error {
			ci := columnInfo{name: fmt.Sprint(r[0]), typ: fmt.Sprint(r[1])}
			ci.hidden, _ = r[2].(int64)
			cols = append(cols, ci)
			return nil
		})
		return err
	})
	return cols, err
}

// foreignKeyViolations lists the first rows that violate a foreign key.
func (db *DB) foreignKeyViolations(ctx context.Context) ([]string, error) {
	var out []string
	err := db.withReader(ctx, func(c *lconn) error {
		st, _, err := c.prepare("SELECT \"table\", rowid, parent FROM pragma_foreign_key_check LIMIT 10")
		if err != nil {
			return err
		}
		defer st.finalize()
		_, err = st.run(nil, func(r []any) error {
			out = append(out, fmt.Sprintf("table %s, rowid %v: violates its foreign key to %v (kept; raftsql checks foreign keys on new writes)", r[0], r[1], r[2]))
			return nil
		})
		return err
	})
	return out, err
}

func pragmaText(c *lconn, q string) string {
	st, _, err := c.prepare(q)
	if err != nil {
		return ""
	}
	defer st.finalize()
	var v string
	_, _ = st.run(nil, func(r []any) error {
		v = fmt.Sprint(r[0])
		return nil
	})
	return v
}

// toRollbackJournal turns the database at path from WAL (as Open left
// it) to a rollback journal, so it is one self-contained file that can be
// renamed, and fsyncs it.
func toRollbackJournal(path string) error {
	c, err := openLConn(dsnFor(path, ""))
	if err != nil {
		return err
	}
	err = c.exec("PRAGMA journal_mode=DELETE")
	if cerr := c.close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("sqlexec: %s: journal mode: %w", path, err)
	}
	return syncFile(path)
}

// removeDB removes a database file and its companions.
func removeDB(path string) {
	for _, suf := range []string{"", "-wal", "-shm", "-journal"} {
		_ = os.Remove(path + suf)
	}
}

// StampImage records im (applied index, configuration, member table) in
// the database at path, prepared by PrepareImport, leaving it one
// self-contained, fsynced file: the state a new cluster's first member
// takes as its snapshot at im.Index.
func StampImage(ctx context.Context, path string, im ImageMeta) error {
	db, err := Open(ctx, path, Options{ReadConns: 1, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		return err
	}
	if err := db.ApplyImageMeta(im); err != nil {
		db.Close()
		return err
	}
	if err := db.Close(); err != nil {
		return err
	}
	return toRollbackJournal(path)
}
