package pgdialect

// Role statements: CREATE ROLE/USER, ALTER ROLE/USER, DROP ROLE/USER. They
// are parsed here (with the one lexer) and executed by the session, which
// hashes the password before anything is proposed: the plain password
// never reaches the log.

// RoleSpec is a parsed role statement (Stmt.Role, Kind KindRole).
type RoleSpec struct {
	Op       string   // "CREATE", "ALTER" or "DROP"
	Names    []string // one for CREATE/ALTER; DROP may list several
	IfExists bool     // DROP ROLE IF EXISTS
	// Attributes given (nil: not mentioned).
	Superuser *bool
	Login     *bool
	// Password: the new password (nil: not mentioned); PasswordNull:
	// PASSWORD NULL (the role can no longer log in with a password).
	Password     *string
	PasswordNull bool
}

// roleStatement recognises CREATE/ALTER/DROP ROLE|USER.
func (x *tx) roleStatement() (*Stmt, bool, error) {
	op := x.T(0).upper()
	if op != "CREATE" && op != "ALTER" && op != "DROP" || !x.kw(1, "ROLE") && !x.kw(1, "USER") {
		return nil, false, nil
	}
	if op == "ALTER" && x.kw(1, "USER", "MAPPING") || op == "CREATE" && x.kw(1, "USER", "MAPPING") || op == "DROP" && x.kw(1, "USER", "MAPPING") {
		return nil, true, unsupported("%s USER MAPPING is not supported", op)
	}
	spec := &RoleSpec{Op: op}
	i := 2
	if op == "DROP" {
		if x.kw(i, "IF", "EXISTS") {
			spec.IfExists = true
			i += 2
		}
		for {
			t := x.T(i)
			if t.typ != tIdent && t.typ != tQIdent {
				return nil, true, x.syntaxErrAt(i)
			}
			spec.Names = append(spec.Names, t.identName())
			i++
			if !x.isP(i, ",") {
				break
			}
			i++
		}
		if i != x.n() {
			return nil, true, x.syntaxErrAt(i)
		}
		return &Stmt{Kind: KindRole, Tag: "DROP ROLE", Role: spec}, true, nil
	}
	t := x.T(i)
	if t.typ != tIdent && t.typ != tQIdent {
		return nil, true, x.syntaxErrAt(i)
	}
	spec.Names = []string{t.identName()}
	i++
	if op == "CREATE" && x.kw(1, "USER") {
		login := true // CREATE USER is CREATE ROLE ... LOGIN
		spec.Login = &login
	}
	if op == "ALTER" && (x.kw(i, "RENAME") || x.kw(i, "SET") || x.kw(i, "RESET") || x.kw(i, "IN")) {
		return nil, true, unsupported("ALTER ROLE ... %s is not supported", x.T(i).upper())
	}
	if x.kw(i, "WITH") {
		i++
	}
	set := func(p **bool, v bool) {
		b := v
		*p = &b
	}
	for i < x.n() {
		switch w := x.T(i).upper(); w {
		case "SUPERUSER", "NOSUPERUSER":
			set(&spec.Superuser, w == "SUPERUSER")
		case "LOGIN", "NOLOGIN":
			set(&spec.Login, w == "LOGIN")
		case "ENCRYPTED":
			if !x.kw(i+1, "PASSWORD") {
				return nil, true, x.syntaxErrAt(i + 1)
			}
			i++ // ENCRYPTED PASSWORD is PASSWORD: passwords are always hashed
			continue
		case "PASSWORD":
			i++
			if x.kw(i, "NULL") {
				spec.PasswordNull = true
				break
			}
			s, ok := unquoteString(x.T(i))
			if !ok {
				return nil, true, x.syntaxErrAt(i)
			}
			spec.Password = &s
		case "INHERIT", "NOCREATEDB", "NOCREATEROLE", "NOREPLICATION", "NOBYPASSRLS":
			// What every raftsql role is anyway: accepted.
		default:
			if x.T(i).typ == tIdent {
				return nil, true, unsupported("role option %s is not supported", w)
			}
			return nil, true, x.syntaxErrAt(i)
		}
		i++
	}
	return &Stmt{Kind: KindRole, Tag: op + " ROLE", Role: spec}, true, nil
}

// RolesSourceSQL defines the TEMP VIEW pgd_roles(name, superuser, login)
// that pg_roles lists: the embedder's roles. Run it before CatalogSQL
// (whose own pgd_roles, created only IF NOT EXISTS, is empty). The view
// must not expose password verifiers.
func RolesSourceSQL(query string) string {
	return "CREATE TEMP VIEW IF NOT EXISTS pgd_roles(name, superuser, login) AS " + query
}

// rolesView lists the embedder's roles (the session's user, when it has
// none, is listed as the superuser it is under trust or as the bootstrap
// superuser). rolpassword is masked, as in PostgreSQL's pg_roles.
const rolesView = `SELECT r.name, r.superuser, 1, r.superuser, r.superuser, r.login, 0, -1, '********', NULL, r.superuser, NULL,
  CAST(pg_oid('role', r.name) AS INTEGER) FROM pgd_roles r`
