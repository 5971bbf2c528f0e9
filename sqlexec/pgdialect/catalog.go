package pgdialect

import (
	"crypto/md5"
	"database/sql/driver"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"regexp"
	"sort"
	"strconv"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	sqlite "modernc.org/sqlite"
)

// Namespace OIDs (as in PostgreSQL 15).
const (
	OIDNamespacePgCatalog  uint32 = 11
	OIDNamespacePublic     uint32 = 2200
	OIDNamespaceInfoSchema uint32 = 13000
	OIDNamespacePgToast    uint32 = 99
	OIDRoleSuper           uint32 = 10
	OIDRoleDBOwner         uint32 = 6171
)

// ObjectOID derives a stable OID for a catalog object from its kind
// ("rel" for tables, views and indexes, "con" constraints, "def" column
// defaults, "db" databases) and name. OIDs are >= 16384 like user objects
// in PostgreSQL, and identical on every node and connection.
func ObjectOID(kind, name string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(kind))
	h.Write([]byte{0})
	h.Write([]byte(name))
	return 16384 + h.Sum32()%(1<<31-16384-1)
}

// RelOID is the pg_class OID of a table, view or index named name.
func RelOID(name string) uint32 { return ObjectOID("rel", name) }

const visible = `s.name NOT LIKE 'sqlite\_%' ESCAPE '\' AND s.name NOT LIKE 'raftsql\_%' ESCAPE '\'`

// CatalogSQL returns the statements a connection runs (after Register, on
// every new SQLite connection) to serve pg_catalog and information_schema:
// TEMP VIEWs over sqlite_schema and the pragma table-valued functions.
// They are idempotent (IF NOT EXISTS) and touch only the connection's temp
// schema, never the replicated database file. Translate strips the
// pg_catalog. qualifier and maps information_schema.X to
// information_schema_X.
func CatalogSQL() []string {
	var out []string
	for _, v := range catalogViews {
		q := strings.Replace(v.sql, "%TYPES%", typeValues(), 1)
		q = strings.Replace(q, "%SETTINGS%", settingValues(), 1)
		out = append(out, "CREATE TEMP VIEW IF NOT EXISTS "+v.name+" AS "+q)
	}
	return out
}

type catView struct{ name, sql string }

// catalogView reports whether name is one of the catalog's views.
func catalogView(name string) bool {
	for _, v := range catalogViews {
		if strings.EqualFold(v.name, name) {
			return true
		}
	}
	return false
}

var catalogViews = []catView{
	{"pgd_roles", `SELECT '' AS name, 0 AS superuser, 0 AS login WHERE 0`},
	{"pgd_rel", `SELECT s.name AS name, s.type AS type, s.sql AS sql FROM main.sqlite_schema s WHERE s.type IN ('table','view') AND ` + visible},
	{"pgd_cols", `SELECT s.name AS tbl, s.type AS ttype, c.cid+1 AS attnum, c.name AS attname,
  CASE WHEN s.type = 'view' AND c.type = 'INTEGER' THEN coalesce(` + viewSerialDecl + `, c.type)
   WHEN s.type = 'view' AND c.type IN ('TEXT', '') THEN ` + viewColumnDecl("s.name", "c.name", "c.type") + ` -- viewnumeric.go
   ELSE c.type END AS decl,
  c."notnull" AS nn, c.dflt_value AS dflt, c.pk AS pk, c.hidden AS hidden, pg_serial_kind(s.sql, c.name) AS marker
  FROM pgd_rel s, pragma_table_xinfo(s.name) c WHERE c.hidden <> 1`},
	{"pgd_idx", `SELECT CAST(pg_oid('rel', pgname) AS INTEGER) AS oid, * FROM (
  SELECT s.name AS tbl, l.name AS sname,
   CASE WHEN l.origin IN ('pk', 'u') THEN coalesce(pg_declared_conname(s.sql, l.origin,
         (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno))), -- catalog_dump.go
        CASE WHEN l.origin = 'pk' THEN s.name || '_pkey'
        ELSE s.name || '_' || (SELECT group_concat(name, '_') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) || '_key' END)
        ELSE l.name END AS pgname,
   CASE WHEN l.origin = 'pk' OR (l.origin = 'c' AND l."unique" AND l.name = s.name || '_pkey') THEN 'p' WHEN l.origin = 'u' THEN 'u'
    WHEN l.origin = 'c' THEN (SELECT CASE WHEN sql LIKE '%` + constraintMarkU + `%' THEN 'u' WHEN sql LIKE '%` + constraintMarkP + `%' THEN 'p' END
     FROM main.sqlite_schema WHERE type = 'index' AND name = l.name) END AS contype,
   l."unique" AS uniq, l.partial AS partial,
   (SELECT group_concat(coalesce(pg_quote_ident(name), 'expr'), ', ') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) AS cols,
   (SELECT group_concat(cid + 1, ' ') FROM (SELECT cid FROM pragma_index_info(l.name) ORDER BY seqno)) AS indkey,
   (SELECT count(*) FROM pragma_index_info(l.name)) AS natts,
   (SELECT sql FROM main.sqlite_schema WHERE type = 'index' AND name = l.name) AS isql
  FROM pgd_rel s, pragma_index_list(s.name) l WHERE s.type = 'table'
  UNION ALL
  SELECT s.name, NULL, coalesce(pg_declared_conname(s.sql, 'pk', (SELECT name FROM pragma_table_info(s.name) WHERE pk = 1)), s.name || '_pkey'), 'p', 1, 0,
   (SELECT pg_quote_ident(name) FROM pragma_table_info(s.name) WHERE pk = 1),
   (SELECT cid + 1 FROM pragma_table_info(s.name) WHERE pk = 1), 1, NULL
  FROM pgd_rel s WHERE s.type = 'table'
   AND (SELECT count(*) FROM pragma_table_info(s.name) WHERE pk > 0) = 1
   AND NOT EXISTS (SELECT 1 FROM pragma_index_list(s.name) WHERE origin = 'pk' OR name = s.name || '_pkey'))`},
	{"pg_namespace", `SELECT CAST(column1 AS INTEGER) AS oid, column2 AS nspname, CAST(column3 AS INTEGER) AS nspowner, column4 AS nspacl FROM (VALUES
  (11, 'pg_catalog', 10, '{postgres=UC/postgres,=U/postgres}'),
  (99, 'pg_toast', 10, NULL),
  (2200, 'public', 6171, '{pg_database_owner=UC/pg_database_owner,=U/pg_database_owner}'),
  (13000, 'information_schema', 10, '{postgres=UC/postgres,=U/postgres}'))`},
	{"pg_am", `SELECT CAST(column1 AS INTEGER) AS oid, column2 AS amname, column3 AS amhandler, column4 AS amtype FROM (VALUES
  (2, 'heap', 'heap_tableam_handler', 't'), (403, 'btree', 'bthandler', 'i'), (405, 'hash', 'hashhandler', 'i'))`},
	{"pg_class", `SELECT CAST(pg_oid('rel', s.name) AS INTEGER) AS oid, s.name AS relname, CAST(2200 AS INTEGER) AS relnamespace,
  CAST(0 AS INTEGER) AS reltype, CAST(0 AS INTEGER) AS reloftype, CAST(10 AS INTEGER) AS relowner,
  CAST(CASE s.type WHEN 'table' THEN 2 ELSE 0 END AS INTEGER) AS relam, CAST(pg_oid('rel', s.name) AS INTEGER) AS relfilenode,
  CAST(0 AS INTEGER) AS reltablespace, 0 AS relpages, -1.0 AS reltuples, 0 AS relallvisible, CAST(0 AS INTEGER) AS reltoastrelid,
  EXISTS (SELECT 1 FROM pgd_idx i WHERE i.tbl = s.name) AS relhasindex, 0 AS relisshared, 'p' AS relpersistence,
  CASE s.type WHEN 'table' THEN 'r' ELSE 'v' END AS relkind,
  (SELECT count(*) FROM pgd_cols c WHERE c.tbl = s.name) AS relnatts,
  (SELECT json_array_length(pg_table_checks(s.sql, s.name))) AS relchecks,
  s.type = 'view' AS relhasrules, (EXISTS (SELECT 1 FROM main.sqlite_schema t WHERE t.type = 'trigger' AND t.tbl_name = s.name)
   OR EXISTS (SELECT 1 FROM pragma_foreign_key_list(s.name)) OR EXISTS (SELECT 1 FROM pgd_rel r2, pragma_foreign_key_list(r2.name) f WHERE r2.type = 'table' AND f."table" = s.name)) AS relhastriggers,
  0 AS relhassubclass, 0 AS relrowsecurity, 0 AS relforcerowsecurity, 1 AS relispopulated,
  CASE s.type WHEN 'table' THEN 'd' ELSE 'n' END AS relreplident, 0 AS relispartition, CAST(0 AS INTEGER) AS relrewrite,
  NULL AS relacl, NULL AS reloptions, NULL AS relpartbound
 FROM pgd_rel s
 UNION ALL
 SELECT i.oid, i.pgname, 2200, 0, 0, 10, 403, i.oid, 0, 1, 0, 0, 0, 0, 0, 'p', 'i', i.natts, 0, 0, 0, 0, 0, 0, 1, 'n', 0, 0, NULL, NULL, NULL
 FROM pgd_idx i
 UNION ALL
 SELECT CAST(pg_oid('rel', c.tbl || '_' || c.attname || '_seq') AS INTEGER), c.tbl || '_' || c.attname || '_seq', 2200, 0, 0, 10, 0,
  CAST(pg_oid('rel', c.tbl || '_' || c.attname || '_seq') AS INTEGER), 0, 1, 1, 0, 0, 0, 0, 'p', 'S', 3, 0, 0, 0, 0, 0, 0, 1, 'n', 0, 0, NULL, NULL, NULL
 FROM pgd_cols c WHERE c.marker IS NOT NULL AND c.dflt IS NULL
 UNION ALL
 SELECT q.oid, '' || q.name, 2200, 0, 0, 10, 0, q.oid, 0, 1, 1, 0, 0, 0, 0, 'p', 'S', 3, 0, 0, 0, 0, 0, 0, 1, 'n', 0, 0, NULL, NULL, NULL
 FROM pgd_seqs q`},
	{"pg_attribute", `SELECT CAST(pg_oid('rel', c.tbl) AS INTEGER) AS attrelid, c.attname AS attname,
  CAST(` + attTypID + ` AS INTEGER) AS atttypid, -1 AS attstattarget, pg_typlen(pg_coltype(c.decl, c.marker)) AS attlen,
  CAST(c.attnum AS INTEGER) AS attnum, 0 AS attndims, -1 AS attcacheoff, CAST(pg_coltypmod(c.decl, c.marker) AS INTEGER) AS atttypmod,
  0 AS attbyval, 'i' AS attalign, 'p' AS attstorage, '' AS attcompression,
  (c.nn OR (c.pk > 0 AND c.ttype = 'table') OR c.marker IS NOT NULL) AS attnotnull,
  (((c.dflt IS NOT NULL AND upper(trim(c.dflt)) <> 'NULL') OR c.marker IS NOT NULL) AND coalesce(c.marker NOT LIKE 'identity%', 1)) AS atthasdef, 0 AS atthasmissing,
  CASE WHEN c.marker LIKE 'identity:a%' THEN 'a' WHEN c.marker LIKE 'identity:d%' THEN 'd' ELSE '' END AS attidentity,
  CASE WHEN c.hidden IN (2, 3) THEN 's' ELSE '' END AS attgenerated,
  0 AS attisdropped, 1 AS attislocal, 0 AS attinhcount,
  CAST(CASE WHEN pg_typcollation(pg_coltype(c.decl, c.marker)) THEN 100 ELSE 0 END AS INTEGER) AS attcollation,
  NULL AS attacl, NULL AS attoptions, NULL AS attfdwoptions
 FROM pgd_cols c`},
	{"pg_attrdef", `SELECT CAST(pg_oid('def', c.tbl || '.' || c.attname) AS INTEGER) AS oid, CAST(pg_oid('rel', c.tbl) AS INTEGER) AS adrelid,
  CAST(c.attnum AS INTEGER) AS adnum, pg_default_display(c.dflt, c.marker, c.tbl, c.attname, c.decl) AS adbin
 FROM pgd_cols c WHERE (c.dflt IS NOT NULL OR c.marker IS NOT NULL) AND coalesce(c.marker NOT LIKE 'identity%', 1)
  AND pg_default_display(c.dflt, c.marker, c.tbl, c.attname, c.decl) IS NOT NULL`},
	{"pg_index", `SELECT i.oid AS indexrelid, CAST(pg_oid('rel', i.tbl) AS INTEGER) AS indrelid, i.natts AS indnatts, i.natts AS indnkeyatts,
  i.uniq AS indisunique, coalesce(i.contype = 'p', 0) AS indisprimary, 0 AS indisexclusion, 1 AS indimmediate, 0 AS indisclustered,
  1 AS indisvalid, 0 AS indcheckxmin, 1 AS indisready, 1 AS indislive, 0 AS indisreplident, i.indkey AS indkey,
  NULL AS indexprs, NULL AS indpred,
  pg_indexdef(i.pgname, i.tbl, i.uniq, i.cols, i.isql, '') AS indexdef
 FROM pgd_idx i`},
	// pgd_fkcols: one row per column of a foreign key (pos from 1, tocol
	// resolved to the referenced primary key when the key names no column);
	// pgd_fk: one row per foreign key, named as PostgreSQL names it.
	{"pgd_fkcols", `SELECT s.name AS tbl, k.id AS id, k.seq + 1 AS pos, k."table" AS reftbl, k."from" AS fromcol,
  coalesce(k."to", (SELECT p.name FROM pragma_table_info(k."table") p WHERE p.pk = k.seq + 1)) AS tocol, k.on_update AS on_update, k.on_delete AS on_delete
 FROM pgd_rel s, pragma_foreign_key_list(s.name) k WHERE s.type = 'table'`},
	{"pgd_fk", `SELECT tbl, id, reftbl, max(on_update) AS on_update, max(on_delete) AS on_delete,
  pg_fk_deferral((SELECT r.sql FROM pgd_rel r WHERE r.name = tbl), group_concat(fromcol, ','), reftbl) AS deferr,
  pg_fk_conname((SELECT r.sql FROM pgd_rel r WHERE r.name = tbl), tbl, group_concat(fromcol, ','), reftbl) AS conname,
  group_concat(pg_quote_ident(fromcol), ', ') AS fromcols, group_concat(pg_quote_ident(tocol), ', ') AS tocols
 FROM (SELECT * FROM pgd_fkcols ORDER BY tbl, id, pos) GROUP BY tbl, id`},
	{"pg_constraint", `SELECT CAST(pg_oid('con', i.tbl || '.' || i.pgname) AS INTEGER) AS oid, i.pgname AS conname, CAST(2200 AS INTEGER) AS connamespace,
  i.contype AS contype, 0 AS condeferrable, 0 AS condeferred, 1 AS convalidated, CAST(pg_oid('rel', i.tbl) AS INTEGER) AS conrelid,
  CAST(0 AS INTEGER) AS contypid, i.oid AS conindid, CAST(0 AS INTEGER) AS conparentid, CAST(0 AS INTEGER) AS confrelid,
  ' ' AS confupdtype, ' ' AS confdeltype, ' ' AS confmatchtype, 1 AS conislocal, 0 AS coninhcount, 1 AS connoinherit,
  '{' || replace(i.indkey, ' ', ',') || '}' AS conkey, NULL AS confkey,
  CASE i.contype WHEN 'p' THEN 'PRIMARY KEY (' ELSE 'UNIQUE (' END || i.cols || ')' AS condef
 FROM pgd_idx i WHERE i.contype IS NOT NULL
 UNION ALL
 SELECT CAST(pg_oid('con', f.tbl || '.' || f.conname) AS INTEGER), f.conname, 2200, 'f', f.deferr > 0, f.deferr = 2, f.valid,
  CAST(pg_oid('rel', f.tbl) AS INTEGER), 0, 0, 0, CAST(pg_oid('rel', f.reftbl) AS INTEGER),
  pg_fk_action(f.on_update), pg_fk_action(f.on_delete), 's', 1, 0, 1, NULL, NULL,
  'FOREIGN KEY (' || f.fromcols || ') REFERENCES ' || pg_quote_ident(f.reftbl) || '(' || f.tocols || ')'
   || CASE WHEN f.on_update IN ('NO ACTION', '') THEN '' ELSE ' ON UPDATE ' || f.on_update END
   || CASE WHEN f.on_delete IN ('NO ACTION', '') THEN '' ELSE ' ON DELETE ' || f.on_delete END
   || CASE f.deferr WHEN 1 THEN ' DEFERRABLE' WHEN 2 THEN ' DEFERRABLE INITIALLY DEFERRED' ELSE '' END
   || CASE f.valid WHEN 0 THEN ' NOT VALID' ELSE '' END
 FROM (SELECT *, pg_con_valid((SELECT r.sql FROM pgd_rel r WHERE r.name = tbl), conname) AS valid FROM pgd_fk) f
 UNION ALL
 SELECT CAST(pg_oid('con', s.name || '.' || json_extract(j.value, '$[0]')) AS INTEGER), json_extract(j.value, '$[0]'), 2200, 'c', 0, 0,
  pg_con_valid(s.sql, json_extract(j.value, '$[0]')),
  CAST(pg_oid('rel', s.name) AS INTEGER), 0, 0, 0, 0, ' ', ' ', ' ', 1, 0, 0, NULL, NULL, 'CHECK (' || json_extract(j.value, '$[1]') || ')'
   || CASE pg_con_valid(s.sql, json_extract(j.value, '$[0]')) WHEN 0 THEN ' NOT VALID' ELSE '' END
 FROM pgd_rel s, json_each(pg_table_checks(s.sql, s.name)) j WHERE s.type = 'table'`},
	{"pgd_relnames", `SELECT oid AS pgd_rel_oid, relname AS pgd_relname FROM pg_class`},
	// pgd_indexdef_q qualifies the table, as pg_get_indexdef(oid) and
	// pg_indexes do; pgd_indexdef is pg_get_indexdef(oid, 0, true)'s
	// (psql's \d), which names a table on the search_path bare
	{"pgd_indexdefs", `SELECT indexrelid AS pgd_index_oid, indexdef AS pgd_indexdef,
  (SELECT pg_indexdef(i.pgname, i.tbl, i.uniq, i.cols, i.isql, 'public.') FROM pgd_idx i WHERE i.oid = indexrelid) AS pgd_indexdef_q FROM pg_index`},
	{"pgd_condefs", `SELECT oid AS pgd_con_oid, condef AS pgd_condef FROM pg_constraint`},
	{"pgd_viewdefs", `SELECT CAST(pg_oid('rel', name) AS INTEGER) AS pgd_view_oid, pg_view_body(sql) AS pgd_viewdef FROM pgd_rel WHERE type = 'view'`},
	{"pg_type", `SELECT CAST(column1 AS INTEGER) AS oid, column2 AS typname, CAST(11 AS INTEGER) AS typnamespace, CAST(10 AS INTEGER) AS typowner,
  column3 AS typlen, column3 > 0 AND column3 <= 8 AS typbyval, 'b' AS typtype, column4 AS typcategory, 0 AS typispreferred, 1 AS typisdefined,
  ',' AS typdelim, CAST(0 AS INTEGER) AS typrelid, CAST(0 AS INTEGER) AS typelem, CAST(0 AS INTEGER) AS typarray,
  column2 || 'in' AS typinput, column2 || 'out' AS typoutput, 'i' AS typalign, 'p' AS typstorage, 0 AS typnotnull,
  CAST(0 AS INTEGER) AS typbasetype, -1 AS typtypmod, 0 AS typndims, CAST(column5 AS INTEGER) AS typcollation, NULL AS typdefault, NULL AS typacl
 FROM (VALUES %TYPES%)`},
	{"pg_collation", `SELECT CAST(column1 AS INTEGER) AS oid, column2 AS collname, CAST(11 AS INTEGER) AS collnamespace, CAST(10 AS INTEGER) AS collowner,
  column3 AS collprovider, 1 AS collisdeterministic, -1 AS collencoding, column4 AS collcollate, column4 AS collctype
 FROM (VALUES (100, 'default', 'd', ''), (950, 'C', 'c', 'C'), (951, 'POSIX', 'c', 'POSIX'))`},
	{"pg_database", `SELECT CAST(pg_oid('db', d.column1) AS INTEGER) AS oid, d.column1 AS datname, CAST(10 AS INTEGER) AS datdba, 6 AS encoding,
  'c' AS datlocprovider, d.column2 AS datistemplate, d.column3 AS datallowconn, -1 AS datconnlimit, 'C.UTF-8' AS datcollate,
  'C.UTF-8' AS datctype, NULL AS daticulocale, NULL AS datcollversion, CAST(1663 AS INTEGER) AS dattablespace, d.column4 AS datacl
 FROM (SELECT DISTINCT * FROM (VALUES (current_database(), 0, 1, NULL), ('postgres', 0, 1, NULL),
  ('template0', 1, 0, '{=c/' || current_user() || ',' || current_user() || '=CTc/' || current_user() || '}'),
  ('template1', 1, 1, '{=c/' || current_user() || ',' || current_user() || '=CTc/' || current_user() || '}'))) d`},
	{"pg_roles", `SELECT current_user() AS rolname, 1 AS rolsuper, 1 AS rolinherit, 1 AS rolcreaterole, 1 AS rolcreatedb, 1 AS rolcanlogin,
  1 AS rolreplication, -1 AS rolconnlimit, '********' AS rolpassword, NULL AS rolvaliduntil, 1 AS rolbypassrls, NULL AS rolconfig, CAST(10 AS INTEGER) AS oid
 WHERE current_user() NOT IN (SELECT name FROM pgd_roles)
 UNION ALL ` + rolesView + `
 UNION ALL SELECT 'pg_database_owner', 0, 1, 0, 0, 0, 0, -1, '********', NULL, 0, NULL, 6171`},
	{"pg_user", `SELECT rolname AS usename, oid AS usesysid, rolcreatedb AS usecreatedb, rolsuper AS usesuper, rolreplication AS userepl,
  rolbypassrls AS usebypassrls, '********' AS passwd, rolvaliduntil AS valuntil, rolconfig AS useconfig FROM pg_roles WHERE rolcanlogin`},
	{"pg_authid", `SELECT oid, rolname, rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin, rolreplication, rolbypassrls, rolconnlimit, NULL AS rolpassword, rolvaliduntil FROM pg_roles`},
	{"pg_auth_members", `SELECT CAST(0 AS INTEGER) AS roleid, CAST(0 AS INTEGER) AS member, CAST(0 AS INTEGER) AS grantor, 0 AS admin_option WHERE 0`},
	{"pg_description", `SELECT CAST(0 AS INTEGER) AS objoid, CAST(0 AS INTEGER) AS classoid, 0 AS objsubid, '' AS description WHERE 0`},
	{"pg_shdescription", `SELECT CAST(0 AS INTEGER) AS objoid, CAST(0 AS INTEGER) AS classoid, '' AS description WHERE 0`},
	// pg_depend: the dependencies tools read (pg_dump, atlas): a sequence
	// owned by a column (OWNED BY, serial: deptype 'a'; identity: 'i';
	// serial.go), and the implicit sequence of a serial column of a table
	// made before serials had one (no default); no extensions here, so no
	// 'e' rows. 1259 is pg_class's own OID in PostgreSQL.
	{"pg_depend", `SELECT CAST(1259 AS INTEGER) AS classid, CAST(q.oid AS INTEGER) AS objid,
  0 AS objsubid, CAST(1259 AS INTEGER) AS refclassid, CAST(pg_oid('rel', c.tbl) AS INTEGER) AS refobjid, CAST(c.attnum AS INTEGER) AS refobjsubid,
  CASE WHEN c.marker LIKE 'identity%' THEN 'i' ELSE 'a' END AS deptype
 FROM pgd_seqs q JOIN pgd_cols c ON c.tbl = q.owned_table AND c.attname = q.owned_column
 UNION ALL
 SELECT CAST(1259 AS INTEGER), CAST(pg_oid('rel', c.tbl || '_' || c.attname || '_seq') AS INTEGER),
  0, CAST(1259 AS INTEGER), CAST(pg_oid('rel', c.tbl) AS INTEGER), CAST(c.attnum AS INTEGER),
  'a' FROM pgd_cols c WHERE c.marker IS NOT NULL AND c.dflt IS NULL`},
	{"pg_inherits", `SELECT CAST(0 AS INTEGER) AS inhrelid, CAST(0 AS INTEGER) AS inhparent, 0 AS inhseqno, 0 AS inhdetachpending WHERE 0`},
	{"pg_partitioned_table", `SELECT CAST(0 AS INTEGER) AS partrelid, '' AS partstrat, 0 AS partnatts, CAST(0 AS INTEGER) AS partdefid,
  '' AS partattrs, '' AS partclass, '' AS partcollation, NULL AS partexprs WHERE 0`},
	{"pg_trigger", `SELECT CAST(0 AS INTEGER) AS oid, CAST(0 AS INTEGER) AS tgrelid, CAST(0 AS INTEGER) AS tgparentid, '' AS tgname, 'O' AS tgenabled, 0 AS tgisinternal WHERE 0`},
	{"pg_rewrite", `SELECT CAST(0 AS INTEGER) AS oid, '' AS rulename, CAST(0 AS INTEGER) AS ev_class, '' AS ev_type WHERE 0`},
	{"pg_extension", `SELECT CAST(13500 AS INTEGER) AS oid, 'plpgsql' AS extname, CAST(10 AS INTEGER) AS extowner, CAST(11 AS INTEGER) AS extnamespace, 0 AS extrelocatable, '1.0' AS extversion, NULL AS extconfig, NULL AS extcondition`},
	{"pg_proc", `SELECT CAST(0 AS INTEGER) AS oid, '' AS proname, CAST(11 AS INTEGER) AS pronamespace, CAST(10 AS INTEGER) AS proowner, 'f' AS prokind, CAST(0 AS INTEGER) AS prorettype, '' AS proargtypes, 0 AS proretset WHERE 0`},
	{"pg_tablespace", `SELECT CAST(column1 AS INTEGER) AS oid, column2 AS spcname, CAST(10 AS INTEGER) AS spcowner, NULL AS spcacl, NULL AS spcoptions FROM (VALUES (1663, 'pg_default'), (1664, 'pg_global'))`},
	{"pg_sequence", `SELECT q.oid AS seqrelid, q.typid AS seqtypid, q.start AS seqstart, q.inc AS seqincrement, q.max AS seqmax,
  q.min AS seqmin, q.cache AS seqcache, q.cycle AS seqcycle FROM pgd_seqs q`}, // catalog_sequences.go
	{"pg_enum", `SELECT CAST(0 AS INTEGER) AS oid, CAST(0 AS INTEGER) AS enumtypid, 0.0 AS enumsortorder, '' AS enumlabel WHERE 0`},
	{"pg_settings", `SELECT column1 AS name, column2 AS setting, NULL AS unit, 'Preset Options' AS category, '' AS short_desc, 'user' AS context, 'string' AS vartype, 'default' AS source, column2 AS reset_val, column2 AS boot_val FROM (VALUES %SETTINGS%)`},
	{"pg_tables", `SELECT 'public' AS schemaname, +s.name AS tablename, current_user() AS tableowner, NULL AS tablespace,
  EXISTS (SELECT 1 FROM pgd_idx i WHERE i.tbl = s.name) AS hasindexes, 0 AS hasrules,
  EXISTS (SELECT 1 FROM main.sqlite_schema t WHERE t.type = 'trigger' AND t.tbl_name = s.name) AS hastriggers, 0 AS rowsecurity
 FROM pgd_rel s WHERE s.type = 'table'`},
	{"pg_views", `SELECT 'public' AS schemaname, +s.name AS viewname, current_user() AS viewowner, pg_view_body(s.sql) AS definition FROM pgd_rel s WHERE s.type = 'view'`},
	{"pg_indexes", `SELECT 'public' AS schemaname, +i.tbl AS tablename, +i.pgname AS indexname, NULL AS tablespace,
  pg_indexdef(i.pgname, i.tbl, i.uniq, i.cols, i.isql, 'public.') AS indexdef FROM pgd_idx i`},
	{"pg_stat_activity", `SELECT CAST(pg_oid('db', current_database()) AS INTEGER) AS datid, current_database() AS datname, pg_backend_pid() AS pid,
  CAST(10 AS INTEGER) AS usesysid, current_user() AS usename, '' AS application_name, NULL AS client_addr, 'active' AS state, '' AS query`},
	{"information_schema_schemata", `SELECT current_database() AS catalog_name, nspname AS schema_name, pg_get_userbyid(nspowner) AS schema_owner,
  NULL AS default_character_set_catalog, NULL AS default_character_set_schema, NULL AS default_character_set_name, NULL AS sql_path FROM pg_namespace WHERE nspname <> 'pg_toast'`},
	// +s.name (here and in pg_tables, pg_views, pg_indexes): an
	// expression, which SQLite declares no type for, so the column is
	// described as PostgreSQL's name (catalogColOID, infoschema.go's
	// infoSchemaColOID), not as sqlite_schema's text
	{"information_schema_tables", `SELECT current_database() AS table_catalog, 'public' AS table_schema, +s.name AS table_name,
  CASE s.type WHEN 'table' THEN 'BASE TABLE' ELSE 'VIEW' END AS table_type, NULL AS self_referencing_column_name, NULL AS reference_generation,
  NULL AS user_defined_type_catalog, NULL AS user_defined_type_schema, NULL AS user_defined_type_name,
  CASE s.type WHEN 'table' THEN 'YES' ELSE pg_view_updatable(s.sql) END AS is_insertable_into, 'NO' AS is_typed, NULL AS commit_action
 FROM pgd_rel s`},
	{"information_schema_views", `SELECT current_database() AS table_catalog, 'public' AS table_schema, +s.name AS table_name, pg_view_body(s.sql) AS view_definition,
  pg_view_check_option(s.sql) AS check_option, pg_view_updatable(s.sql) AS is_updatable, pg_view_updatable(s.sql) AS is_insertable_into,
  'NO' AS is_trigger_updatable, 'NO' AS is_trigger_deletable, 'NO' AS is_trigger_insertable_into FROM pgd_rel s WHERE s.type = 'view'`},
}

func typeValues() string {
	oids := make([]int, 0, len(typesByOID))
	for o := range typesByOID {
		oids = append(oids, int(o))
	}
	sort.Ints(oids)
	var parts []string
	for _, o := range oids {
		t := typesByOID[uint32(o)]
		coll := 0
		if t.cat == "S" && t.oid != pgoid.Name {
			coll = 100
		}
		if t.oid == pgoid.Name {
			coll = 950
		}
		parts = append(parts, fmt.Sprintf("(%d, '%s', %d, '%s', %d)", t.oid, t.name, t.len, t.cat, coll))
	}
	return strings.Join(parts, ", ")
}

func settingValues() string {
	keys := make([]string, 0, len(defaultSettings))
	for k := range defaultSettings {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, "("+quoteLit(k)+", "+quoteLit(defaultSettings[k])+")")
	}
	return strings.Join(parts, ", ")
}

// catalogColOID: result column types of catalog columns (by column name).
var catalogColOID = map[string]uint32{}

func init() {
	for _, c := range strings.Fields(`relhasindex relisshared relhasrules relhastriggers relhassubclass relrowsecurity relforcerowsecurity relispopulated relispartition
	attnotnull atthasdef atthasmissing attisdropped attislocal attbyval indisunique indisprimary indisexclusion indimmediate indisclustered indisvalid
	indcheckxmin indisready indislive indisreplident condeferrable condeferred convalidated conislocal connoinherit rolsuper rolinherit rolcreaterole
	rolcreatedb rolcanlogin rolreplication rolbypassrls datistemplate datallowconn typbyval typisdefined typnotnull typispreferred hasindexes hasrules
	hastriggers rowsecurity usecreatedb usesuper userepl usebypassrls tgisinternal inhdetachpending sametable relhasoids
	admin_option collisdeterministic proretset`) {
		catalogColOID[c] = pgoid.Bool
	}
	for _, c := range strings.Fields(`oid attrelid atttypid relnamespace reltype reloftype relowner relam relfilenode reltablespace reltoastrelid
	indexrelid indrelid conrelid contypid conindid conparentid confrelid connamespace nspowner typnamespace typowner typrelid typelem typarray
	typbasetype typcollation attcollation adrelid datdba dattablespace objoid classoid inhrelid inhparent usesysid collnamespace
	objid refclassid refobjid partrelid partdefid`) {
		catalogColOID[c] = pgoid.OID
	}
	for _, c := range strings.Fields(`relname nspname attname typname conname datname rolname amname collname usename spcname tablename schemaname indexname viewname tableowner viewowner`) {
		catalogColOID[c] = pgoid.Name
	}
	for _, c := range strings.Fields(`relkind relpersistence relreplident attidentity attgenerated attalign attstorage contype confupdtype confdeltype confmatchtype typtype typcategory typalign typstorage datlocprovider amtype collprovider tgenabled
	deptype partstrat`) {
		catalogColOID[c] = pgoid.Char
	}
	for _, c := range strings.Fields(`attndims attcacheoff atttypmod attstattarget attinhcount coninhcount typtypmod typndims encoding datconnlimit rolconnlimit relpages relallvisible inhseqno objsubid refobjsubid`) {
		catalogColOID[c] = pgoid.Int4
	}
	for _, c := range strings.Fields(`relnatts relchecks attnum attlen indnatts indnkeyatts typlen adnum`) {
		catalogColOID[c] = pgoid.Int2
	}
	catalogColOID["reltuples"] = pgoid.Float4
	catalogColOID["rolvaliduntil"] = pgoid.Timestamptz
	catalogColOID["valuntil"] = pgoid.Timestamptz
	catalogColOID["rolconfig"] = pgoid.TextArray
	catalogColOID["useconfig"] = pgoid.TextArray
	catalogColOID["tablespace"] = pgoid.Name
	catalogColOID["indkey"] = pgoid.Text
}

func registerCatalogFuncs() error {
	det := map[string]struct {
		n int32
		f fn
	}{
		"pg_info_col":    {3, fnInfoCol},    // infoschema.go
		"pg_fk_conname":  {4, fnFKConname},  // constraint_ddl.go
		"pg_fk_deferral": {3, fnFKDeferral}, // deferral.go
		"pg_typlen": {1, func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
			n, _ := toInt(a[0])
			if t, ok := typesByOID[uint32(n)]; ok {
				return int64(t.len), nil
			}
			return int64(-1), nil
		}},
		"pg_typname": {1, func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
			n, _ := toInt(a[0])
			return TypeName(uint32(n)), nil
		}},
		"pg_typcollation": {1, func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
			n, _ := toInt(a[0])
			if t, ok := typesByOID[uint32(n)]; ok && t.cat == "S" && t.oid != pgoid.Name {
				return int64(1), nil
			}
			return int64(0), nil
		}},
		"pg_info_data_type": {1, func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
			n, _ := toInt(a[0])
			if n == 0 {
				return "USER-DEFINED", nil
			}
			if pgoid.ElemOf(uint32(n)) != 0 {
				return "ARRAY", nil
			}
			return FormatType(uint32(n), -1), nil
		}},
		"pg_info_charlen": {2, func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
			n, _ := toInt(a[0])
			m, _ := toInt(a[1])
			if (uint32(n) == pgoid.Varchar || uint32(n) == pgoid.Bpchar) && m >= 4 {
				return m - 4, nil
			}
			return nil, nil
		}},
		"pg_info_numprec": {2, func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
			n, _ := toInt(a[0])
			m, _ := toInt(a[1])
			switch uint32(n) {
			case pgoid.Int2:
				return int64(16), nil
			case pgoid.Int4:
				return int64(32), nil
			case pgoid.Int8:
				return int64(64), nil
			case pgoid.Float4:
				return int64(24), nil
			case pgoid.Float8:
				return int64(53), nil
			case pgoid.Numeric:
				if m >= 4 {
					return (m - 4) >> 16, nil
				}
			}
			return nil, nil
		}},
		"pg_info_numscale": {2, func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
			n, _ := toInt(a[0])
			m, _ := toInt(a[1])
			switch uint32(n) {
			case pgoid.Int2, pgoid.Int4, pgoid.Int8:
				return int64(0), nil
			case pgoid.Numeric:
				if m >= 4 {
					return (m - 4) & 0xffff, nil
				}
			}
			return nil, nil
		}},
		"pg_fk_action": {1, func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
			switch strings.ToUpper(str(a[0])) {
			case "CASCADE":
				return "c", nil
			case "SET NULL":
				return "n", nil
			case "SET DEFAULT":
				return "d", nil
			case "RESTRICT":
				return "r", nil
			}
			return "a", nil
		}},
		"pg_table_checks": {2, fnTableChecks},
		"pg_con_valid":    {2, fnConValid}, // notvalid.go
		"pg_index_where":  {1, fnIndexWhere},
		"pg_view_body":    {1, fnViewBody},
		"pg_get_expr": {-1, func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
			if len(a) == 0 {
				return nil, nil
			}
			return a[0], nil
		}},
	}
	for name, d := range dumpFuncs { // catalog_dump.go
		det[name] = d
	}
	for name, d := range det {
		if err := sqlite.RegisterDeterministicScalarFunction(name, d.n, d.f); err != nil && !strings.Contains(err.Error(), "already registered") {
			return fmt.Errorf("pgdialect: register %s: %w", name, err)
		}
		deterministic[name] = true
	}
	return nil
}

// SerialDecl is the declared type of column col of the table tableSQL
// creates when it is a serial or identity column ("bigint" for a
// bigserial, stored as SQLite's INTEGER rowid alias), "" otherwise.
func SerialDecl(tableSQL, col string) string {
	if v, _ := fnSerialKind(nil, []driver.Value{tableSQL, col}); v != nil {
		return markerType(str(v))
	}
	return ""
}

// fnSerialKind(tablesql, column) returns the /*serial*/-style marker this
// package wrote after the column's INTEGER type, or NULL.
func fnSerialKind(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	sql, col := str(a[0]), str(a[1])
	if !strings.Contains(sql, "/*") {
		return nil, nil
	}
	x := newTx(sql)
	for i := 0; i < x.n(); i++ {
		t := x.T(i)
		if (t.typ == tIdent || t.typ == tQIdent) && t.identName() == col && x.depth[i] == 1 && (x.isP(i-1, "(") || x.isP(i-1, ",")) {
			// the marker is the comment after the next token
			k := x.sig[i] + 1
			seen := 0
			for ; k < len(x.toks) && seen < 2; k++ {
				tk := &x.toks[k]
				if tk.typ == tComment {
					if seen == 1 && strings.HasPrefix(tk.text, "/*") {
						return strings.TrimSuffix(strings.TrimPrefix(tk.text, "/*"), "*/"), nil
					}
					continue
				}
				if tk.typ == tSpace {
					continue
				}
				seen++
			}
			return nil, nil
		}
	}
	return nil, nil
}

func markerType(marker string) string {
	switch {
	case marker == "serial" || marker == "serial4":
		return "integer"
	case marker == "bigserial" || marker == "serial8":
		return "bigint"
	case marker == "smallserial" || marker == "serial2":
		return "smallint"
	case strings.HasPrefix(marker, "identity:"):
		p := strings.SplitN(marker, ":", 3)
		if len(p) == 3 && p[2] != "" {
			return p[2]
		}
		return "integer"
	}
	return ""
}

// colDecl is the declared type of a column from the arguments of
// pg_coltype and pg_coltypmod: the declaration a[0], or the type that the
// column's marker a[1] (serial, identity) stands for.
func colDecl(a []driver.Value) string {
	if len(a) > 1 && a[1] != nil {
		if m := markerType(str(a[1])); m != "" {
			return m
		}
	}
	return str(a[0])
}

func fnColType(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	decl := colDecl(a)
	o, _ := DeclTypeOID(decl)
	if o == 0 && strings.TrimSpace(decl) == "" {
		o = pgoid.Text
	}
	return int64(o), nil
}

func fnColTypmod(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	_, tm := DeclTypeOID(colDecl(a))
	return int64(tm), nil
}

// fnDefaultDisplay(dflt, marker, table, column, decl) renders a column
// default as pg_get_expr would.
func fnDefaultDisplay(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	marker := str(a[1])
	if strings.HasPrefix(marker, "identity") {
		return nil, nil // drawn from its sequence, not a default (serial.go)
	}
	if a[0] == nil && a[1] != nil {
		return "nextval('" + strings.ReplaceAll(quoteIdent(SerialSequenceName(str(a[2]), str(a[3]))), "'", "''") + "'::regclass)", nil
	}
	if a[0] == nil {
		return nil, nil
	}
	colOID, _ := DeclTypeOID(str(a[4]))
	if m := markedDefault(stripParens(str(a[0])), colOID); m != "" {
		return m, nil // default_display.go
	}
	d := stripParens(str(a[0]))
	if strings.EqualFold(d, "NULL") && a[1] == nil {
		return nil, nil // PostgreSQL keeps no default that is a bare NULL
	}
	if m := nextvalDefaultRe.FindStringSubmatch(d); m != nil {
		// a serial column's nextval('"t_id_seq"'), a DEFAULT or SET
		// DEFAULT nextval('s') as translated: the sequence named there
		// (a serial column keeps it when the table or column is
		// renamed), as regclass text prints it
		lit := strings.ReplaceAll(m[1]+m[2], "''", "'")
		if name, err := SequenceName(lit); err == nil {
			lit = quoteIdent(name)
		}
		return "nextval('" + strings.ReplaceAll(lit, "'", "''") + "'::regclass)", nil
	}
	if a[1] != nil {
		return "nextval('" + strings.ReplaceAll(quoteIdent(SerialSequenceName(str(a[2]), str(a[3]))), "'", "''") + "'::regclass)", nil
	}
	if s, ok := intDefaultDisplay(d); ok { // int_default.go
		return s, nil
	}
	if s, ok := literalDefaultDisplay(d); ok { // default_display.go
		return s, nil
	}
	if s, ok := arrayDefaultDisplay(d, colOID); ok {
		return s, nil
	}
	if m := dateTimeDefaultRe.FindStringSubmatch(d); m != nil {
		d = stripParens(m[1]) // dateTimeDefault's conversion
	}
	d = strings.ReplaceAll(d, legacyNowSQL, nowSQL) // a table created before pg_now()
	d = unwrapLocalDefault(d)                       // datetime_local.go
	if d == nowSQL {
		d = "CURRENT_TIMESTAMP"
	} else if k := localNowKeyword(d); k != "" {
		d = k // datetime_local.go
	}
	oid, _ := DeclTypeOID(str(a[4]))
	tn := FormatType(oid, -1)
	if oid == pgoid.Bpchar {
		tn = "bpchar" // a literal's cast to character(n) as ruleutils prints it
	}
	if m := enumCastDefaultRe.FindStringSubmatch(d); m != nil {
		// 'v'::T as translated (enum.go): PostgreSQL's text again
		return m[2] + "::" + quoteIdent(strings.ReplaceAll(m[1], "''", "'")), nil
	}
	if decl := strings.TrimSpace(str(a[4])); strings.HasPrefix(d, "'") && !DeclTypeKnown(decl) &&
		maybeEnum(&token{typ: tIdent, text: decl}) {
		return d + "::" + quoteIdent(decl), nil // an enum column's literal default, cast as PostgreSQL shows it
	}
	if m := castDefaultRe.FindStringSubmatch(d); m != nil {
		d = m[1]
	}
	switch u := strings.ToUpper(d); u {
	case "CURRENT_TIMESTAMP":
		return "now()", nil
	case "CURRENT_DATE":
		return "CURRENT_DATE", nil
	case "CURRENT_TIME":
		return "CURRENT_TIME", nil
	case "TRUE", "FALSE":
		return strings.ToLower(d), nil
	case "NULL":
		return "NULL", nil
	}
	if strings.HasPrefix(d, "'") && oid != 0 && oid != pgoid.Bool {
		return d + "::" + tn, nil
	}
	if strings.HasPrefix(d, "-") && oid != 0 {
		return "'" + d + "'::" + tn, nil
	}
	if oid == pgoid.Numeric || oid == pgoid.Float8 || oid == pgoid.Float4 {
		if strings.Contains(d, ".") {
			return d, nil
		}
	}
	return d, nil
}

var nextvalDefaultRe = regexp.MustCompile(`^nextval\((?:pg_regclass\('((?:[^']|'')+)'\)|'((?:[^']|'')+)')\)$`)

var enumCastDefaultRe = regexp.MustCompile(`^pg_enum_cast\('((?:[^']|'')*)', ('(?:[^']|'')*')\) COLLATE pg_enum_\w+$`)

var castDefaultRe = regexp.MustCompile(`^(?i:CAST|pg_bool|pg_bytea)\(('(?:[^']|'')*')(?: AS \w+)?\)$`)

// dateTimeDefaultRe matches a date/time column's DEFAULT as dateTimeDefault
// wrote it: pg_in_timestamptz(CURRENT_TIMESTAMP, -1).
var dateTimeDefaultRe = regexp.MustCompile(`^pg_in_\w+\((.*), -?\d+\)$`)

// stripParens is the expression s without its enclosing parentheses.
func stripParens(s string) string {
	d := strings.TrimSpace(s)
	for strings.HasPrefix(d, "(") && strings.HasSuffix(d, ")") {
		x := newTx(d)
		if x.match(0) != x.n()-1 {
			break
		}
		d = strings.TrimSpace(d[1 : len(d)-1])
	}
	return d
}

// fnTableChecks(sql, table) returns the CHECK constraints of a CREATE
// TABLE statement as a JSON array of [name, expression].
func fnTableChecks(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	sql, tbl := str(a[0]), str(a[1])
	if !strings.Contains(strings.ToUpper(sql), "CHECK") {
		return "[]", nil
	}
	x := newTx(sql)
	var out [][2]string
	used := map[string]int{}
	open := x.firstTopParen() // catalog_dump.go
	if open < 0 {
		return "[]", nil
	}
	end := x.match(open)
	for _, el := range x.splitTop(open+1, end) {
		col := ""
		if !(x.T(el[0]).kw("CONSTRAINT") || x.T(el[0]).kw("CHECK") || x.T(el[0]).kw("PRIMARY") || x.T(el[0]).kw("UNIQUE") || x.T(el[0]).kw("FOREIGN")) {
			col, _ = x.name(el[0])
		}
		for k := el[0]; k < el[1]; k++ {
			if x.T(k).kw("CHECK") && x.isP(k+1, "(") {
				e := x.match(k + 1)
				name := ""
				if x.T(k - 2).kw("CONSTRAINT") {
					name = x.T(k - 1).identName()
				}
				if strings.HasPrefix(name, InternalCheckPrefix) {
					k = e
					continue // internal type/length check (CREATE TABLE)
				}
				if name == "" {
					base := tbl + "_check"
					if col != "" {
						base = tbl + "_" + col + "_check"
					}
					name = base
					if n := used[base]; n > 0 {
						name = base + strconv.Itoa(n)
					}
					used[base]++
				}
				out = append(out, [2]string{name, strings.TrimSpace(x.orig(k+2, e))})
				k = e
			}
		}
	}
	if out == nil {
		return "[]", nil
	}
	b, _ := json.Marshal(out)
	return string(b), nil
}

func fnIndexWhere(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil {
		return nil, nil
	}
	x := newTx(str(a[0]))
	if w := x.findKw(0, x.n(), 0, "WHERE"); w >= 0 {
		return x.orig(w+1, x.n()), nil
	}
	return nil, nil
}

func fnViewBody(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if pg, ok := viewPGText(str(a[0])); ok { // catalog_dump.go
		return " " + pg + ";", nil
	}
	x := newTx(str(a[0]))
	if w := x.findKw(0, x.n(), 0, "AS"); w >= 0 {
		return " " + x.orig(w+1, x.n()) + ";", nil
	}
	return nil, nil
}

func fnMD5(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil {
		return nil, nil
	}
	s := md5.Sum([]byte(str(a[0])))
	return hex.EncodeToString(s[:]), nil
}
