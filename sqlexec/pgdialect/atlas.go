package pgdialect

import (
	"regexp"
	"strconv"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// atlasSpecial answers the catalog queries of atlas (ariga.io/atlas, the
// migration engine of ent) that use PostgreSQL features beyond the
// lexical translation: set-returning functions in the select list
// (unnest(i.indkey), generate_series), array subscripts and ANY over
// arrays. Like psqlSpecial it recognizes each query by distinctive
// fragments of atlas's own text and answers it from the catalog views,
// keeping the query's parameters ($1 the schema, then the table names).
func atlasSpecial(x *tx) (*Stmt, bool) {
	s := x.src
	if !strings.Contains(s, "nspname = $1") {
		return nil, false
	}
	norm := strings.Join(strings.Fields(s), " ")
	m := atlasTablesRe.FindStringSubmatch(norm)
	if m == nil {
		return nil, false
	}
	in := strings.NewReplacer("$", "?").Replace(m[1])
	nparams := 0
	for _, p := range atlasParamRe.FindAllString(norm, -1) {
		if n, err := strconv.Atoi(p[1:]); err == nil && n > nparams {
			nparams = n
		}
	}
	q := func(sql string, oids ...uint32) (*Stmt, bool) {
		st := &Stmt{Kind: KindQuery, Exec: []string{sql}, Tag: "SELECT", ReadOnly: true, ColumnOIDs: oids, ParamCount: nparams}
		st.ParamOIDs = make([]uint32, nparams)
		for i := range st.ParamOIDs {
			st.ParamOIDs[i] = pgoid.Text
		}
		return st, true
	}
	B, T, N := pgoid.Bool, pgoid.Text, pgoid.Name
	switch {
	case strings.Contains(norm, "unnest(i.indkey) AS key") && strings.Contains(norm, "pg_index_column_has_property"):
		// one row per index column, in order
		return q(`SELECT table_name, index_name, 'btree' AS index_type, column_name, 0 AS included, "primary", "unique",
  NULL AS excoper, constraints, predicate, column_name AS expression, isdesc, isdesc AS nulls_first, NOT isdesc AS nulls_last,
  NULL AS comment, NULL AS options, NULL AS opclass_name, NULL AS opclass_schema, 1 AS opclass_default, NULL AS opclass_params,
  0 AS indnullsnotdistinct FROM (
 SELECT i.tbl AS table_name, i.pgname AS index_name, k.name AS column_name, coalesce(i.contype = 'p', 0) AS "primary", i.uniq AS "unique",
  CASE WHEN i.contype IS NOT NULL THEN json_object(i.pgname, i.contype) END AS constraints, pg_index_where(i.isql) AS predicate,
  k."desc" AS isdesc, k.seqno AS ord
 FROM pgd_idx i, pragma_index_xinfo(i.sname) k WHERE i.sname IS NOT NULL AND k.key = 1
 UNION ALL
 SELECT i.tbl, i.pgname, k.name, 1, 1, json_object(i.pgname, 'p'), NULL, 0, 0
 FROM pgd_idx i, pragma_table_info(i.tbl) k WHERE i.sname IS NULL AND k.pk = 1)
 WHERE ?1 = 'public' AND table_name IN (`+in+`) ORDER BY table_name, index_name, ord`,
			N, N, N, N, B, B, B, T, T, T, T, B, B, B, T, T, N, T, B, T, B)
	case strings.Contains(norm, "unnest(con.conkey) AS conkey") && strings.Contains(norm, "con.contype = 'f'"):
		// one row per foreign key column
		// (its name as pg_constraint has it: declared, or PostgreSQL's default)
		return q(`SELECT (SELECT k.conname FROM pgd_fk k WHERE k.tbl = f.tbl AND k.id = f.id) AS constraint_name,
  f.tbl AS table_name, f.fromcol AS column_name, 'public' AS schema_name, f.reftbl AS referenced_table_name,
  f.tocol AS referenced_column_name, 'public' AS referenced_schema_name, pg_fk_action(f.on_update) AS confupdtype, pg_fk_action(f.on_delete) AS confdeltype
 FROM pgd_fkcols f WHERE ?1 = 'public' AND f.tbl IN (`+in+`) ORDER BY f.tbl, constraint_name, f.pos`,
			N, N, N, N, N, N, N, pgoid.Char, pgoid.Char)
	case strings.Contains(norm, "pg_get_expr(t1.conbin, t1.conrelid) as expression") && strings.Contains(norm, "ANY (t1.conkey)"):
		// CHECK constraints by column: the catalog records no column
		// numbers for CHECKs (conkey is NULL here), so, as PostgreSQL's
		// join on them would, no rows.
		return q(`SELECT NULL AS table_name, NULL AS constraint_name, NULL AS expression, NULL AS column_name, NULL AS column_indexes, 0 AS no_inherit WHERE ?1 IS NULL AND 0 AND 0 IN (`+in+`)`,
			N, N, T, N, T, B)
	}
	return nil, false
}

var atlasParamRe = regexp.MustCompile(`\$\d+`)

var atlasTablesRe = regexp.MustCompile(`(?:t1\.relname|t\.relname|rel\.relname) IN \(((?:\$\d+(?:, )?)+)\)`)
