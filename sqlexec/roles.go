package sqlexec

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/raftsql/raftsql/pgwire"
	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// Roles: CREATE/ALTER/DROP ROLE replicated through the log into the
// internal table raftsql_roles (name, superuser, login, verifier).
//
// Invariants:
//   - A password never enters the log or the database: the proposing
//     session replaces it by its SCRAM-SHA-256 verifier (fresh salt from
//     the engine's randomness) before the Command is built, so the salt
//     is fixed in the entry and apply is deterministic.
//   - Role entries carry CmdRole and are applied by applyRole, never as
//     SQL text: users cannot write raftsql_roles (internal tables are
//     refused), only these statements can. Inside a transaction block a
//     role statement joins the transaction's entry as roleOp+Op (text no
//     client can send: a query string cannot hold a NUL byte), which
//     runSQL hands to applyRole, so it commits or rolls back with the
//     transaction, as in PostgreSQL.
//   - Only a superuser may change roles (42501 otherwise), except that a
//     role may change its own password, as in PostgreSQL. The check is
//     made by the session, against the replicated table as this replica
//     has applied it.

// Role is one row of raftsql_roles.
type Role struct {
	Name      string
	Superuser bool
	Login     bool
	Verifier  string // pgwire.SCRAMVerifier.String(); "" when no password
}

// roleOp prefixes the operation ("CREATE", "ALTER", "DROP") in the SQL
// text of a role statement inside a transaction's entry.
const roleOp = "\x00ROLE "

const rolesTableSQL = `CREATE TABLE IF NOT EXISTS raftsql_roles(name TEXT PRIMARY KEY, superuser INTEGER NOT NULL, login INTEGER NOT NULL, verifier TEXT) WITHOUT ROWID`

// LookupRole reads role name as this replica has applied it.
func (db *DB) LookupRole(ctx context.Context, name string) (Role, bool, error) {
	var r Role
	found := false
	err := db.withReader(ctx, func(c *lconn) error {
		st, _, err := c.prepare("SELECT superuser, login, coalesce(verifier, '') FROM raftsql_roles WHERE name = ?")
		if err != nil {
			return err
		}
		defer st.release()
		_, err = st.run([]any{name}, func(row []any) error {
			su, _ := row[0].(int64)
			lg, _ := row[1].(int64)
			v, _ := row[2].(string)
			r, found = Role{Name: name, Superuser: su != 0, Login: lg != 0, Verifier: v}, true
			return nil
		})
		return err
	})
	if err != nil {
		return Role{}, false, fmt.Errorf("sqlexec: look up role %q: %w", name, err)
	}
	return r, found, nil
}

// superuser reports whether the session's user may run admin SQL.
func (s *Session) superuser() bool {
	f := s.e.opts.IsSuperuser
	_, user := s.names()
	return f == nil || f(user)
}

// requireSuperuser is the check of every admin statement (role changes,
// ALTER CLUSTER, CHECKPOINT ...): 42501 with PostgreSQL's message for it.
func (s *Session) requireSuperuser(message string) error {
	if s.superuser() {
		return nil
	}
	return errf(CodeInsufficientPrivs, "%s", message)
}

// role runs a role statement: checked and hashed here, applied by the log.
func (s *Session) role(ctx context.Context, st *pgdialect.Stmt, w pgwire.ResultWriter) error {
	spec := st.Role
	_, user := s.names()
	ownPassword := spec.Op == "ALTER" && spec.Names[0] == user && spec.Superuser == nil && spec.Login == nil
	if !ownPassword {
		if err := s.requireSuperuser("permission denied to " + strings.ToLower(spec.Op) + " role"); err != nil {
			return err
		}
	}
	cmd := s.e.newCommand(nil)
	cmd.Flags |= CmdRole
	cmd.Database, cmd.User = s.names()
	for _, name := range spec.Names {
		if spec.Op == "DROP" && name == user {
			return errf("55006", "current user cannot be dropped")
		}
		var verifier any
		if spec.Password != nil {
			v, err := s.e.verifier(*spec.Password)
			if err != nil {
				return err
			}
			verifier = v
		}
		// The bootstrap superuser exists before it has a row: ALTER
		// creates the row (with the attributes it has).
		bootstrap := spec.Op == "ALTER" && name == s.e.opts.BootstrapSuperuser
		cmd.Statements = append(cmd.Statements, Statement{SQL: spec.Op, Tag: st.Tag,
			Args: []any{name, optBool(spec.Superuser), optBool(spec.Login), verifier, spec.PasswordNull, spec.IfExists, bootstrap}})
	}
	// PostgreSQL's notice per role DROP ROLE IF EXISTS skips, as this
	// replica sees them before the entry (the entry itself skips silently).
	var skipped []string
	if spec.Op == "DROP" && spec.IfExists {
		for _, name := range spec.Names {
			if _, ok, err := s.e.db.LookupRole(ctx, name); err == nil && !ok {
				skipped = append(skipped, name)
			}
		}
	}
	if err := s.errReadOnly(st.Tag); err != nil { // txmodes.go
		return err
	}
	if s.tx != nil {
		size := 0
		for i := range cmd.Statements {
			cmd.Statements[i].SQL = roleOp + cmd.Statements[i].SQL
			cmd.Statements[i].Digest = true
			size += 256
		}
		if err := s.txWrite(ctx, cmd.Statements, size); err != nil {
			return err
		}
	} else if _, err := s.propose(ctx, cmd); err != nil {
		return err
	}
	for _, name := range skipped {
		_ = w.Notice("NOTICE", "00000", fmt.Sprintf("role %q does not exist, skipping", name))
	}
	return w.Complete(st.Tag)
}

// verifier hashes a password for storage. A password given already as a
// SCRAM verifier (pg_dump output) is stored as it is, as PostgreSQL does.
func (e *Engine) verifier(password string) (string, error) {
	if v, err := pgwire.ParseSCRAMVerifier(password); err == nil {
		return v.String(), nil
	}
	if password == "" {
		return "", errf(CodeInvalidParameter, "empty password is not allowed")
	}
	v, err := pgwire.NewSCRAMVerifier(password, 0, func(b []byte) (int, error) { return io.ReadFull(e.db.opts.Rand, b) })
	if err != nil {
		return "", fmt.Errorf("sqlexec: hash password: %w", err)
	}
	return v.String(), nil
}

func optBool(b *bool) any {
	if b == nil {
		return nil
	}
	return *b
}

// applyRole applies one statement of a CmdRole entry to raftsql_roles.
func applyRole(w *lconn, s Statement) StatementResult {
	res := StatementResult{Tag: s.Tag}
	if len(s.Args) != 7 {
		res.Err = errf(CodeInternal, "malformed role entry")
		return res
	}
	name, _ := s.Args[0].(string)
	su, login, verifier := s.Args[1], s.Args[2], s.Args[3]
	pwNull, _ := s.Args[4].(bool)
	ifExists, _ := s.Args[5].(bool)
	bootstrap, _ := s.Args[6].(bool)
	_, exists, err := queryInt(w, "SELECT 1 FROM raftsql_roles WHERE name = ?", name)
	if err != nil {
		res.Err = mapError(err, "role")
		return res
	}
	switch s.SQL {
	case "CREATE":
		if exists {
			res.Err = errf(CodeDuplicateObject, "role %q already exists", name)
			return res
		}
		err = execArgs(w, "INSERT INTO raftsql_roles(name, superuser, login, verifier) VALUES (?, coalesce(?, 0), coalesce(?, 0), ?)",
			name, su, login, verifier)
	case "ALTER":
		if !exists && bootstrap {
			if err = execArgs(w, "INSERT INTO raftsql_roles(name, superuser, login, verifier) VALUES (?, 1, 1, NULL)", name); err == nil {
				exists = true
			}
		}
		if !exists {
			res.Err = errf(CodeUndefinedObject, "role %q does not exist", name)
			return res
		}
		if err == nil {
			err = execArgs(w, `UPDATE raftsql_roles SET superuser = coalesce(?, superuser), login = coalesce(?, login),
  verifier = CASE WHEN ? THEN NULL ELSE coalesce(?, verifier) END WHERE name = ?`, su, login, pwNull, verifier, name)
		}
	case "DROP":
		if !exists {
			if !ifExists {
				res.Err = errf(CodeUndefinedObject, "role %q does not exist", name)
			}
			return res
		}
		err = execArgs(w, "DELETE FROM raftsql_roles WHERE name = ?", name)
	default:
		res.Err = errf(CodeInternal, "malformed role entry %q", s.SQL)
	}
	if err != nil {
		res.Err = mapError(err, "role")
	}
	return res
}
