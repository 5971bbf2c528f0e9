package pgdialect

import (
	"regexp"
	"strconv"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// pgdumpSpecial answers the catalog queries of pg_dump 15 (recorded in
// testdata/pgdump15_queries.sql) that the lexical translation cannot:
// the tableoid system column, acldefault and other aclitem[] values,
// unnest over an OID array literal, and the many catalogs that are always
// empty here (functions, operators, text search, foreign data, policies,
// publications, subscriptions, event triggers, large objects, security
// labels, initial privileges). Like psqlSpecial and atlasSpecial it
// recognizes each query by distinctive fragments of pg_dump's own text and
// answers it from the catalog views (catalog.go, catalog_dump.go), so the
// rows pg_dump sees are the ones psql and information_schema see.
//
// pg_dump empties search_path and expects every name in the SQL it
// reads back (defaults, index and constraint definitions, view bodies,
// column types of user types) qualified with its schema; the pg_dump_*
// functions of catalog_dump.go add "public.". ACLs are NULL: raftsql has
// no privileges beyond the superuser, so a dump grants nothing.
func pgdumpSpecial(x *tx) (*Stmt, bool) {
	s := x.src
	if !pgdumpWord(s) {
		return nil, false // the common case: no pg_dump catalog word, nothing allocated
	}
	norm := strings.Join(strings.Fields(s), " ")
	q := func(sql string, oids ...uint32) (*Stmt, bool) {
		return &Stmt{Kind: KindQuery, Exec: []string{sql}, Tag: "SELECT", ReadOnly: true, ColumnOIDs: oids}, true
	}
	// the tables of "FROM unnest('{16395,16408}'::pg_catalog.oid[]) AS src(tbloid)"
	in := "NULL"
	if m := pgdumpOIDsRe.FindStringSubmatch(norm); m != nil && m[1] != "" {
		in = m[1]
	}
	B, T, N, O, C, I := pgoid.Bool, pgoid.Text, pgoid.Name, pgoid.OID, pgoid.Char, pgoid.Int4
	has := func(frags ...string) bool {
		for _, f := range frags {
			if !strings.Contains(norm, f) {
				return false
			}
		}
		return true
	}
	switch {
	case has("x.tableoid, x.oid, x.extname"):
		return q(`SELECT 3079 AS tableoid, x.oid, x.extname, n.nspname, x.extrelocatable, x.extversion, x.extconfig, x.extcondition
 FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace`, O, O, N, N, B, T, T, T)
	case has("n.tableoid, n.oid, n.nspname"):
		return q(`SELECT 2615 AS tableoid, n.oid, n.nspname, n.nspowner, NULL AS nspacl, NULL AS acldefault FROM pg_namespace n`, O, O, N, O, T, T)
	case has("c.tableoid, c.oid, c.relname, c.relnamespace, c.relkind"):
		return q(`SELECT 1259 AS tableoid, c.oid, c.relname, c.relnamespace, c.relkind, c.reltype, c.relowner, c.relchecks, c.relhasindex,
  c.relhasrules, c.relpages, c.relhastriggers, c.relpersistence, c.reloftype, NULL AS relacl, NULL AS acldefault, 0 AS foreignserver,
  0 AS relfrozenxid, 0 AS tfrozenxid, NULL AS toid, NULL AS toastpages, NULL AS toast_reloptions, d.refobjid AS owning_tab,
  d.refobjsubid AS owning_col, NULL AS reltablespace, 0 AS relhasoids, c.relispopulated, c.relreplident, c.relrowsecurity,
  c.relforcerowsecurity, 0 AS relminmxid, NULL AS tminmxid, NULL AS reloptions, NULL AS checkoption, am.amname,
  coalesce(d.deptype = 'i', 0) AS is_identity_sequence, c.relispartition AS ispartition
 FROM pg_class c LEFT JOIN pg_depend d ON (c.relkind = 'S' AND d.classid = 1259 AND d.objid = c.oid AND d.objsubid = 0 AND d.refclassid = 1259 AND d.deptype IN ('a', 'i'))
 LEFT JOIN pg_am am ON (c.relam = am.oid)
 WHERE c.relkind IN ('r', 'S', 'v') ORDER BY c.oid`,
			O, O, N, O, C, O, O, I, B, B, I, B, C, O, T, T, O, I, I, O, I, T, O, I, N, B, B, C, B, B, I, I, T, T, N, B, B)
	case has("typrelkind", "FROM pg_type"):
		return q(`SELECT 1247 AS tableoid, oid, typname, typnamespace, NULL AS typacl, NULL AS acldefault, typowner, typelem, typrelid,
  ' ' AS typrelkind, typtype, typisdefined, 0 AS isarray FROM pg_type`, O, O, N, O, T, T, O, O, O, C, C, B, B)
	case has("JOIN pg_catalog.pg_attribute a ON (src.tbloid = a.attrelid)"):
		return q(`SELECT CAST(pg_oid('rel', c.tbl) AS INTEGER) AS attrelid, CAST(c.attnum AS INTEGER) AS attnum, c.attname,
  CAST(pg_coltypmod(c.decl, c.marker) AS INTEGER) AS atttypmod, -1 AS attstattarget, 'p' AS attstorage, 'p' AS typstorage,
  (c.nn OR (c.pk > 0 AND c.ttype = 'table') OR c.marker IS NOT NULL) AS attnotnull,
  (c.dflt IS NOT NULL OR (c.marker IS NOT NULL AND c.marker NOT LIKE 'identity%')) AS atthasdef, 0 AS attisdropped,
  pg_typlen(pg_coltype(c.decl, c.marker)) AS attlen, 'i' AS attalign, 1 AS attislocal, pg_dump_coltype(c.decl, c.marker) AS atttypname,
  NULL AS attoptions, 0 AS attcollation, '' AS attfdwoptions, '' AS attcompression,
  CASE WHEN c.marker LIKE 'identity:a%' THEN 'a' WHEN c.marker LIKE 'identity:d%' THEN 'd' ELSE '' END AS attidentity,
  NULL AS attmissingval, CASE WHEN c.hidden IN (2, 3) THEN 's' ELSE '' END AS attgenerated
 FROM pgd_cols c WHERE pg_oid('rel', c.tbl) IN (`+in+`) ORDER BY 1, 2`,
			O, pgoid.Int2, N, I, I, C, C, B, B, B, pgoid.Int2, C, B, T, T, O, T, C, C, T, C)
	case has("JOIN pg_catalog.pg_attrdef a ON (src.tbloid = a.adrelid)"):
		return q(`SELECT 2604 AS tableoid, a.oid, a.adrelid, a.adnum, pg_dump_qualify(a.adbin) AS adsrc
 FROM pg_attrdef a WHERE a.adrelid IN (`+in+`) ORDER BY a.adrelid, a.adnum`, O, O, O, pgoid.Int2, T)
	case has("JOIN pg_catalog.pg_constraint c ON (src.tbloid = c.conrelid) WHERE contype = 'c'"):
		return q(`SELECT 2606 AS tableoid, c.oid, c.conrelid, c.conname, c.condef AS consrc, 1 AS conislocal, c.convalidated AS convalidated
 FROM pg_constraint c WHERE c.conrelid IN (`+in+`) AND c.contype = 'c' ORDER BY c.conrelid, c.conname`, O, O, O, N, T, B, B)
	case has("JOIN pg_catalog.pg_constraint c ON (src.tbloid = c.conrelid)", "contype = 'f'"):
		return q(`SELECT 2606 AS tableoid, c.oid, c.conrelid, c.conname, c.confrelid, c.conindid, pg_dump_qualify(c.condef) AS condef
 FROM pg_constraint c WHERE c.conrelid IN (`+in+`) AND c.contype = 'f' ORDER BY c.conrelid, c.conname`, O, O, O, N, O, O, T)
	case has("JOIN pg_catalog.pg_index i ON (src.tbloid = i.indrelid)"):
		return q(`SELECT 1259 AS tableoid, x.oid, CAST(pg_oid('rel', x.tbl) AS INTEGER) AS indrelid, x.pgname AS indexname,
  pg_indexdef(x.pgname, x.tbl, x.uniq, x.cols, x.isql, 'public.') AS indexdef, pg_dump_indkey(x.indkey) AS indkey, 0 AS indisclustered,
  c.contype, c.conname, c.condeferrable, c.condeferred, 2606 AS contableoid, c.oid AS conoid, c.condef,
  NULL AS tablespace, NULL AS indreloptions, 0 AS indisreplident, 0 AS parentidx, x.natts AS indnkeyatts, x.natts AS indnatts,
  NULL AS indstatcols, NULL AS indstatvals, 0 AS indnullsnotdistinct
 FROM pgd_idx x LEFT JOIN pg_constraint c ON (c.conindid = x.oid AND c.contype IN ('p', 'u'))
 WHERE pg_oid('rel', x.tbl) IN (`+in+`) ORDER BY 3, 4`,
			O, O, O, N, T, T, B, C, N, B, B, O, O, T, N, T, B, O, I, I, T, T, B)
	case has("SELECT tableoid, oid, datname, datdba"):
		// the database itself (custom and directory formats, --create)
		return q(`SELECT 1262 AS tableoid, oid, datname, datdba, 'UTF8' AS encoding, datcollate, datctype, 0 AS datfrozenxid, NULL AS datacl,
  NULL AS acldefault, datistemplate, datconnlimit, 0 AS datminmxid, datlocprovider, daticulocale, datcollversion, 'pg_default' AS tablespace,
  NULL AS description FROM pg_database WHERE datname = current_database()`, O, O, N, O, T, T, T, I, T, T, B, I, I, C, T, T, N, T)
	case has("tableoid, oid, amname, amtype"):
		return q(`SELECT 2601 AS tableoid, oid, amname, amtype, amhandler FROM pg_am`, O, O, N, C, T)
	case has("FROM pg_rewrite ORDER BY oid"):
		return q(`SELECT 2618 AS tableoid, oid, rulename, ev_class AS ruletable, ev_type, is_instead, ev_enabled FROM pg_rewrite ORDER BY oid`,
			O, O, N, O, C, B, C)
	case has("SELECT classid, objid, refclassid, refobjid, deptype FROM pg_depend WHERE deptype != 'p' AND deptype != 'e'"):
		return q(`SELECT classid, objid, refclassid, refobjid, deptype FROM pg_depend WHERE deptype NOT IN ('p', 'e') ORDER BY 1, 2`, O, O, O, O, C)
	case has("SELECT pg_catalog.pg_get_viewdef(", "AS viewdef"):
		m := pgdumpViewdefRe.FindStringSubmatch(norm)
		if m == nil {
			return nil, false
		}
		return q(`SELECT pg_dump_viewdef(s.sql) AS viewdef FROM pgd_rel s WHERE s.type = 'view' AND pg_oid('rel', s.name) = `+m[1], T)
	case has("FROM pg_proc p LEFT JOIN pg_init_privs pip"), has("FROM pg_language WHERE lanispl"), has("FROM pg_operator"),
		has("FROM pg_opclass"), has("FROM pg_opfamily"), has("FROM pg_ts_"), has("FROM pg_foreign_data_wrapper"), has("FROM pg_foreign_server"),
		has("FROM pg_default_acl"), has("tableoid, oid, collname"), has("FROM pg_conversion"), has("FROM pg_cast c WHERE NOT EXISTS"),
		has("FROM pg_transform"), has("FROM pg_event_trigger"), has("pg_catalog.pg_statistic_ext"), has("pg_catalog.pg_trigger t ON (src.tbloid"),
		has("pg_catalog.pg_policy pol ON (src.tbloid"), has("FROM pg_publication p"), has("FROM pg_catalog.pg_publication_rel"),
		has("FROM pg_catalog.pg_publication_namespace"), has("FROM pg_subscription s"), has("WITH RECURSIVE w AS", "relkind = 'm'"),
		has("FROM pg_largeobject_metadata"), has("FROM pg_attribute WHERE attacl IS NOT NULL"), has("FROM pg_init_privs"),
		has("FROM pg_catalog.pg_seclabels"), has("JOIN pg_depend ON (objid = confrelid)"), has("pg_partitioned_table WHERE (SELECT c.oid FROM pg_opclass"),
		has("pg_catalog.pg_init_privs pip ON (at.attrelid = pip.objoid"), has("FROM pg_catalog.pg_shseclabel"), has("FROM pg_db_role_setting"):
		return emptyResult(x)
	}
	return nil, false
}

var (
	// pgdumpWords: one of them is in every query pgdumpSpecial answers
	pgdumpWords     = []string{"tableoid", "unnest(", "pg_init_privs", "pg_get_viewdef", "pg_depend", "pg_partitioned_table", "attacl", "pg_seclabels", "WITH RECURSIVE", "pg_largeobject_metadata", "pg_shseclabel", "pg_db_role_setting"}
	pgdumpOIDsRe    = regexp.MustCompile(`unnest\('\{([0-9,]*)\}'::pg_catalog\.oid\[\]\)`)
	pgdumpViewdefRe = regexp.MustCompile(`pg_get_viewdef\('(\d+)'::pg_catalog\.oid\)`)
)

// emptyResult answers a query over a catalog that has no rows here with
// no rows, naming the columns as the query's select list does (an alias,
// else the last name of the item) and keeping its parameters.
func emptyResult(x *tx) (*Stmt, bool) {
	sel := x.findKw(0, x.n(), 0, "SELECT")
	from := x.findKw(sel+1, x.n(), 0, "FROM")
	if sel < 0 || from < 0 {
		return nil, false
	}
	var cols []string
	var oids []uint32
	for _, it := range x.splitTop(sel+1, from) {
		name := "?column?"
		for k := it[1] - 1; k >= it[0]; k-- {
			if t := x.T(k); t.typ == tIdent || t.typ == tQIdent {
				name = t.identName()
				break
			}
		}
		cols = append(cols, "NULL AS "+quoteIdent(name))
		oids = append(oids, pgoid.Text)
	}
	where := "0"
	st := &Stmt{Kind: KindQuery, Tag: "SELECT", ReadOnly: true, ColumnOIDs: oids}
	for _, p := range atlasParamRe.FindAllString(x.src, -1) {
		if n, err := strconv.Atoi(p[1:]); err == nil && n > st.ParamCount {
			st.ParamCount = n
		}
	}
	st.ParamOIDs = make([]uint32, st.ParamCount)
	for i := range st.ParamOIDs {
		st.ParamOIDs[i] = pgoid.OID // pg_dump's PREPAREd queries take OIDs
		where += " AND ?" + strconv.Itoa(i+1) + " IS NULL"
	}
	st.Exec = []string{"SELECT " + strings.Join(cols, ", ") + " WHERE " + where}
	return st, true
}

var dumpSeqRe = regexp.MustCompile(`^SELECT last_value, is_called FROM (?:public\.)?("(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)$`)

// DumpSequenceName recognizes pg_dump's read of a sequence's state
// ("SELECT last_value, is_called FROM public.s") and returns the
// sequence's name. The session answers it with DumpSequenceState, having
// looked up which serial column, if any, the name stands for.
func DumpSequenceName(sql string) (string, bool) {
	if !strings.HasPrefix(sql, "SELECT last_value, is_called FROM ") {
		return "", false
	}
	m := dumpSeqRe.FindStringSubmatch(strings.TrimSpace(sql))
	if m == nil {
		return "", false
	}
	n := m[1]
	if strings.HasPrefix(n, `"`) {
		return strings.ReplaceAll(n[1:len(n)-1], `""`, `"`), true
	}
	return strings.ToLower(n), true
}

// DumpSequenceState answers DumpSequenceName's query for sequence seq: a
// sequence of CREATE SEQUENCE from its state; the implicit sequence of
// serial column column of table (non-empty) from the column, whose next
// value here is the table's maximum plus one (sql-dialect.md SERIAL), so
// that a restored PostgreSQL sequence continues after the rows.
func DumpSequenceState(seq, table, column string) *Stmt {
	sql := `SELECT q.last AS last_value, q.called AS is_called FROM pgd_seqs q WHERE q.name = ` + quoteLit(seq)
	if table != "" {
		c := quoteIdent(column)
		sql = `SELECT coalesce(max(` + c + `), 1) AS last_value, max(` + c + `) IS NOT NULL AS is_called FROM main.` + quoteIdent(table)
	}
	return &Stmt{Kind: KindQuery, Exec: []string{sql}, Tag: "SELECT", ReadOnly: true, ColumnOIDs: []uint32{pgoid.Int8, pgoid.Bool}}
}

// pgdumpWord reports whether s holds one of pgdumpWords: a substring
// search per word, which over a 1 MB INSERT is a hundred times quicker
// than a regular expression of their alternation.
func pgdumpWord(s string) bool {
	for _, w := range pgdumpWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
