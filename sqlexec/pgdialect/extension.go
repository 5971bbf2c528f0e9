package pgdialect

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"database/sql/driver"
	"encoding/hex"
	"fmt"
	"hash"
	"strings"

	sqlite "modernc.org/sqlite"
)

// Extensions: CREATE EXTENSION [IF NOT EXISTS] for the extensions whose
// functions and types raftsql provides, refused (0A000, PostgreSQL's
// "is not available") for any other.
//
//   - pgcrypto: gen_random_uuid() (pinned per entry by the state machine),
//     digest(data, type) and hmac(data, key, type);
//   - uuid-ossp: uuid_generate_v4() (pinned like gen_random_uuid),
//     uuid_generate_v3/v5(namespace, name), uuid_nil() and the
//     uuid_ns_*() namespaces; uuid_generate_v1 (a MAC address and the
//     clock) is not provided;
//   - citext: the type citext, text compared case-insensitively (the
//     collation pg_citext: both sides lower-cased, as citext does);
//   - plpgsql: installed from the start, as in PostgreSQL (functions
//     themselves are not supported).
//
// The functions exist whether or not the extension was created; creating
// it records a row of pg_extension, replicated like sequences: CREATE and
// DROP EXTENSION become calls of pg_ext_create/pg_ext_drop, which change
// the state machine's extensions table at apply (sqlexec/extensions.go).

// Extensions maps the extensions CREATE EXTENSION accepts to the version
// pg_extension shows (PostgreSQL 15's).
var Extensions = map[string]string{"pgcrypto": "1.3", "uuid-ossp": "1.1", "citext": "1.6"}

// ExtensionsTableSQL creates the table of created extensions.
const ExtensionsTableSQL = `CREATE TABLE IF NOT EXISTS raftsql_extensions(name TEXT PRIMARY KEY, version TEXT NOT NULL)`

var extensionViews = []catView{
	{"pg_extension", `SELECT CAST(13500 AS INTEGER) AS oid, 'plpgsql' AS extname, CAST(10 AS INTEGER) AS extowner, CAST(11 AS INTEGER) AS extnamespace,
  0 AS extrelocatable, '1.0' AS extversion, NULL AS extconfig, NULL AS extcondition
 UNION ALL
 SELECT CAST(pg_oid('ext', e.name) AS INTEGER), e.name, 10, 2200, 1, e.version, NULL, NULL FROM main.raftsql_extensions e`},
}

func init() {
	for i, v := range catalogViews {
		if v.name == "pg_extension" {
			catalogViews[i] = extensionViews[0]
		}
	}
	catalogColOID["extname"] = 19 // name
	catalogColOID["extrelocatable"] = 16
}

// extension translates CREATE EXTENSION and DROP EXTENSION; i is the
// index of the EXTENSION keyword.
func (x *tx) extension(verb string, i int) (*Stmt, error) {
	i++
	st := &Stmt{Kind: KindQuery, Tag: verb + " EXTENSION", NoRows: true}
	if verb == "DROP" {
		exec, err := x.dropCalls(i, "pg_ext_drop", true, func(n string) error { // drop.go
			if n == "plpgsql" {
				return unsupported("DROP EXTENSION plpgsql is not supported")
			}
			return nil
		})
		st.Exec = exec
		return st, err
	}
	flag := "0"
	if x.kw(i, "IF", "NOT", "EXISTS") {
		flag, i = "1", i+3
	}
	t := x.T(i)
	if t.typ != tIdent && t.typ != tQIdent {
		return nil, x.syntaxErrAt(i)
	}
	n := t.identName()
	i++
	version, ok := Extensions[n]
	if !ok && n != "plpgsql" {
		return nil, &Error{Code: "0A000", Message: fmt.Sprintf("extension \"%s\" is not available", n),
			Hint: "raftsql provides the extensions pgcrypto, uuid-ossp and citext."}
	}
	if x.kw(i, "WITH") {
		i++
	}
	for i < x.n() {
		switch {
		case x.kw(i, "SCHEMA"):
			s, j := x.name(i + 1)
			if s != "public" && s != "pg_catalog" {
				return nil, &Error{Code: "3F000", Message: fmt.Sprintf("schema \"%s\" does not exist", s)}
			}
			i = j
		case x.kw(i, "VERSION"):
			v := x.T(i + 1)
			s, isStr := unquoteString(v)
			if !isStr {
				s = v.identName()
			}
			if s != version {
				return nil, &Error{Code: "22023", Message: fmt.Sprintf("extension \"%s\" has no installation script nor update path for version \"%s\"", n, s)}
			}
			i += 2
		case x.kw(i, "CASCADE"):
			i++
		default:
			return nil, x.syntaxErrAt(i)
		}
	}
	st.Exec = []string{"SELECT pg_ext_create(" + quoteLit(n) + ", " + quoteLit(version) + ", " + flag + ")"}
	return st, nil
}

// CitextCollation is the collation of citext columns.
const CitextCollation = "pg_citext"

func registerExtensionFuncs() error {
	if err := sqlite.RegisterCollationUtf8(CitextCollation, func(a, b string) int {
		return strings.Compare(strings.ToLower(a), strings.ToLower(b))
	}); err != nil && !strings.Contains(err.Error(), "already") {
		return fmt.Errorf("pgdialect: register collation %s: %w", CitextCollation, err)
	}
	funcs := map[string]struct {
		n int32
		f fn
	}{
		"digest": {2, fnDigest},
		"hmac":   {3, fnHMAC},
		"uuid_generate_v3": {2, func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
			return nameUUID(a, md5.New(), 3)
		}},
		"uuid_generate_v5": {2, func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
			return nameUUID(a, sha1.New(), 5)
		}},
		"uuid_nil":     {0, constFn("00000000-0000-0000-0000-000000000000")},
		"uuid_ns_dns":  {0, constFn("6ba7b810-9dad-11d1-80b4-00c04fd430c8")},
		"uuid_ns_url":  {0, constFn("6ba7b811-9dad-11d1-80b4-00c04fd430c8")},
		"uuid_ns_oid":  {0, constFn("6ba7b812-9dad-11d1-80b4-00c04fd430c8")},
		"uuid_ns_x500": {0, constFn("6ba7b814-9dad-11d1-80b4-00c04fd430c8")},
	}
	for name, d := range funcs {
		if err := sqlite.RegisterDeterministicScalarFunction(name, d.n, d.f); err != nil && !strings.Contains(err.Error(), "already registered") {
			return fmt.Errorf("pgdialect: register %s: %w", name, err)
		}
		deterministic[name] = true
	}
	return nil
}

func constFn(v string) fn {
	return func(_ *sqlite.FunctionContext, _ []driver.Value) (driver.Value, error) { return v, nil }
}

// hashByName is pgcrypto's digest/hmac algorithm by name.
func hashByName(name string) (func() hash.Hash, error) {
	switch strings.ToLower(name) {
	case "md5":
		return md5.New, nil
	case "sha1":
		return sha1.New, nil
	case "sha224":
		return sha256.New224, nil
	case "sha256":
		return sha256.New, nil
	case "sha384":
		return sha512.New384, nil
	case "sha512":
		return sha512.New, nil
	}
	return nil, pgErr("22023", "Cannot use \"%s\": No such hash algorithm", name)
}

func fnDigest(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil || a[1] == nil {
		return nil, nil
	}
	h, err := hashByName(str(a[1]))
	if err != nil {
		return nil, err
	}
	w := h()
	w.Write([]byte(str(a[0])))
	return w.Sum(nil), nil
}

func fnHMAC(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil || a[1] == nil || a[2] == nil {
		return nil, nil
	}
	h, err := hashByName(str(a[2]))
	if err != nil {
		return nil, err
	}
	w := hmac.New(h, []byte(str(a[1])))
	w.Write([]byte(str(a[0])))
	return w.Sum(nil), nil
}

// nameUUID is RFC 4122's name-based UUID (version 3: MD5, 5: SHA-1).
func nameUUID(a []driver.Value, h hash.Hash, version byte) (driver.Value, error) {
	if a[0] == nil || a[1] == nil {
		return nil, nil
	}
	ns, err := hex.DecodeString(strings.ReplaceAll(strings.Trim(str(a[0]), "{}"), "-", ""))
	if err != nil || len(ns) != 16 {
		return nil, invalidInput("uuid", a[0])
	}
	h.Write(ns)
	h.Write([]byte(str(a[1])))
	b := h.Sum(nil)[:16]
	b[6] = b[6]&0x0f | version<<4
	b[8] = b[8]&0x3f | 0x80
	s := hex.EncodeToString(b)
	return s[0:8] + "-" + s[8:12] + "-" + s[12:16] + "-" + s[16:20] + "-" + s[20:32], nil
}
