package pgdialect

import (
	"database/sql/driver"
	"strconv"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	sqlite "modernc.org/sqlite"
)

// The information_schema views ORMs' migrators read (GORM's ColumnTypes
// and constraint lookups, golang-migrate, ent, bun): columns with every
// standard field of PostgreSQL 15, table_constraints, key_column_usage,
// constraint_column_usage and referential_constraints. They are built on
// the same helper views as pg_catalog (pgd_cols, pgd_idx, pgd_fk,
// pgd_fkcols, pg_constraint), so a constraint has one name and one set of
// columns wherever a tool looks. Values are those PostgreSQL 15 shows for
// the same table (checked against it in the integration tests); what
// SQLite cannot know (collations, domains, generation expressions) is
// NULL as for a column without one. PostgreSQL's implicit NOT NULL CHECK
// rows of table_constraints are not listed.

// A column that is a helper view's column of sqlite_schema's name (a.tbl)
// is written +a.tbl: an expression, which SQLite declares no type for, so
// it is described as PostgreSQL's sql_identifier (infoSchemaColOID), not
// as text.
//
// pgd_keycols: one row per column of a primary key or unique constraint
// (pos from 1). The rowid primary key has no SQLite index: its one column
// comes from the table info.
var infoSchemaViews = []catView{
	{"pgd_keycols", `SELECT i.tbl AS tbl, i.pgname AS conname, i.contype AS contype, x.seqno + 1 AS pos, x.name AS col
 FROM pgd_idx i, pragma_index_info(i.sname) x WHERE i.contype IS NOT NULL AND i.sname IS NOT NULL
 UNION ALL
 SELECT i.tbl, i.pgname, i.contype, 1, (SELECT p.name FROM pragma_table_info(i.tbl) p WHERE p.pk = 1)
 FROM pgd_idx i WHERE i.contype IS NOT NULL AND i.sname IS NULL`},
	// pgd_fkref: each foreign key with the unique constraint of the
	// referenced table that covers exactly its referenced columns.
	{"pgd_fkref", `SELECT f.tbl AS tbl, f.id AS id, f.conname AS conname, f.reftbl AS reftbl, f.on_update AS on_update, f.on_delete AS on_delete,
  (SELECT k.conname FROM pgd_keycols k WHERE k.tbl = f.reftbl GROUP BY k.conname
    HAVING count(*) = (SELECT count(*) FROM pgd_fkcols c WHERE c.tbl = f.tbl AND c.id = f.id)
       AND sum(k.col IN (SELECT c.tocol FROM pgd_fkcols c WHERE c.tbl = f.tbl AND c.id = f.id)) = count(*)
    ORDER BY min(k.contype) LIMIT 1) AS ucname
 FROM pgd_fk f`},
	{"information_schema_columns", `SELECT current_database() AS table_catalog, 'public' AS table_schema, +a.tbl AS table_name, a.attname AS column_name,
  a.attnum AS ordinal_position, (SELECT d.adbin FROM pg_attrdef d WHERE d.adrelid = pg_oid('rel', a.tbl) AND d.adnum = a.attnum) AS column_default,
  CASE WHEN a.nn OR (a.pk > 0 AND a.ttype = 'table') OR a.marker IS NOT NULL THEN 'NO' ELSE 'YES' END AS is_nullable,
  pg_info_data_type(a.toid) AS data_type,
  pg_info_charlen(a.toid, a.tm) AS character_maximum_length,
  pg_info_col(a.toid, a.tm, 'octet') AS character_octet_length,
  pg_info_numprec(a.toid, a.tm) AS numeric_precision,
  pg_info_col(a.toid, a.tm, 'radix') AS numeric_precision_radix,
  pg_info_numscale(a.toid, a.tm) AS numeric_scale,
  pg_info_col(a.toid, a.tm, 'dtprec') AS datetime_precision,
  pg_info_col(a.toid, a.tm, 'ivtype') AS interval_type, NULL AS interval_precision,
  NULL AS character_set_catalog, NULL AS character_set_schema, NULL AS character_set_name,
  NULL AS collation_catalog, NULL AS collation_schema, NULL AS collation_name,
  NULL AS domain_catalog, NULL AS domain_schema, NULL AS domain_name,
  current_database() AS udt_catalog, 'pg_catalog' AS udt_schema, pg_typname(a.toid) AS udt_name,
  NULL AS scope_catalog, NULL AS scope_schema, NULL AS scope_name, NULL AS maximum_cardinality,
  CAST(a.attnum AS TEXT) AS dtd_identifier, 'NO' AS is_self_referencing,
  CASE WHEN a.marker LIKE 'identity%' THEN 'YES' ELSE 'NO' END AS is_identity,
  CASE WHEN a.marker LIKE 'identity:a%' THEN 'ALWAYS' WHEN a.marker LIKE 'identity:d%' THEN 'BY DEFAULT' END AS identity_generation,
  CASE WHEN a.marker LIKE 'identity%' THEN coalesce((SELECT CAST(q.start AS TEXT) FROM pgd_seqs q WHERE q.owned_table = a.tbl AND q.owned_column = a.attname), '1') END AS identity_start,
  CASE WHEN a.marker LIKE 'identity%' THEN coalesce((SELECT CAST(q.inc AS TEXT) FROM pgd_seqs q WHERE q.owned_table = a.tbl AND q.owned_column = a.attname), '1') END AS identity_increment,
  CASE WHEN a.marker LIKE 'identity%' THEN coalesce((SELECT CAST(q.max AS TEXT) FROM pgd_seqs q WHERE q.owned_table = a.tbl AND q.owned_column = a.attname), pg_info_col(a.toid, a.tm, 'max')) END AS identity_maximum,
  CASE WHEN a.marker LIKE 'identity%' THEN coalesce((SELECT CAST(q.min AS TEXT) FROM pgd_seqs q WHERE q.owned_table = a.tbl AND q.owned_column = a.attname), '1') END AS identity_minimum,
  CASE WHEN a.marker LIKE 'identity%' AND (SELECT q.cycle FROM pgd_seqs q WHERE q.owned_table = a.tbl AND q.owned_column = a.attname) THEN 'YES' ELSE 'NO' END AS identity_cycle,
  CASE WHEN a.hidden IN (2, 3) THEN 'ALWAYS' ELSE 'NEVER' END AS is_generated,
  NULL AS generation_expression,
  CASE WHEN a.ttype = 'table' THEN 'YES' ELSE 'NO' END AS is_updatable
 FROM (SELECT c.*, pg_coltype(c.decl, c.marker) AS toid, pg_coltypmod(c.decl, c.marker) AS tm FROM pgd_cols c) a`},
	{"information_schema_table_constraints", `SELECT current_database() AS constraint_catalog, 'public' AS constraint_schema, c.conname AS constraint_name,
  current_database() AS table_catalog, 'public' AS table_schema, (SELECT relname FROM pg_class r WHERE r.oid = c.conrelid) AS table_name,
  CASE c.contype WHEN 'p' THEN 'PRIMARY KEY' WHEN 'u' THEN 'UNIQUE' WHEN 'f' THEN 'FOREIGN KEY' ELSE 'CHECK' END AS constraint_type,
  CASE WHEN c.condeferrable THEN 'YES' ELSE 'NO' END AS is_deferrable, CASE WHEN c.condeferred THEN 'YES' ELSE 'NO' END AS initially_deferred, 'YES' AS enforced,
  CASE c.contype WHEN 'u' THEN 'YES' END AS nulls_distinct FROM pg_constraint c`},
	{"information_schema_key_column_usage", `SELECT current_database() AS constraint_catalog, 'public' AS constraint_schema, k.conname AS constraint_name,
  current_database() AS table_catalog, 'public' AS table_schema, +k.tbl AS table_name, k.col AS column_name,
  k.pos AS ordinal_position, NULL AS position_in_unique_constraint
 FROM pgd_keycols k
 UNION ALL
 SELECT current_database(), 'public', r.conname, current_database(), 'public', +c.tbl, c.fromcol, c.pos,
  (SELECT k.pos FROM pgd_keycols k WHERE k.tbl = r.reftbl AND k.conname = r.ucname AND k.col = c.tocol)
 FROM pgd_fkref r JOIN pgd_fkcols c ON c.tbl = r.tbl AND c.id = r.id`},
	{"information_schema_constraint_column_usage", `SELECT current_database() AS table_catalog, 'public' AS table_schema, +k.tbl AS table_name, k.col AS column_name,
  current_database() AS constraint_catalog, 'public' AS constraint_schema, k.conname AS constraint_name
 FROM pgd_keycols k
 UNION ALL
 SELECT current_database(), 'public', c.reftbl, c.tocol, current_database(), 'public', r.conname
 FROM pgd_fkref r JOIN pgd_fkcols c ON c.tbl = r.tbl AND c.id = r.id`},
	{"information_schema_referential_constraints", `SELECT current_database() AS constraint_catalog, 'public' AS constraint_schema, r.conname AS constraint_name,
  current_database() AS unique_constraint_catalog, 'public' AS unique_constraint_schema, r.ucname AS unique_constraint_name,
  'NONE' AS match_option, coalesce(nullif(r.on_update, ''), 'NO ACTION') AS update_rule, coalesce(nullif(r.on_delete, ''), 'NO ACTION') AS delete_rule
 FROM pgd_fkref r`},
}

func init() { catalogViews = append(catalogViews, infoSchemaViews...) }

// infoSchemaColOID: the result types of the views' columns, by column
// name, as PostgreSQL 15 describes them: its information_schema columns
// are domains, described by their base types (sql_identifier is name,
// cardinal_number int4, character_data and yes_or_no varchar). A name
// means one type in every view here, but not always the type a
// pg_catalog column of that name has (pg_sequences.data_type is regtype),
// so these apply only to statements that read information_schema.
var infoSchemaColOID = map[string]uint32{}

func init() {
	for _, c := range strings.Fields(`catalog_name character_set_catalog character_set_name character_set_schema collation_catalog
	collation_name collation_schema column_name constraint_catalog constraint_name constraint_schema default_character_set_catalog
	default_character_set_name default_character_set_schema domain_catalog domain_name domain_schema dtd_identifier schema_name
	schema_owner scope_catalog scope_name scope_schema self_referencing_column_name sequence_catalog sequence_name sequence_schema
	table_catalog table_name table_schema udt_catalog udt_name udt_schema unique_constraint_catalog unique_constraint_name
	unique_constraint_schema user_defined_type_catalog user_defined_type_name user_defined_type_schema`) {
		infoSchemaColOID[c] = pgoid.Name // sql_identifier
	}
	for _, c := range strings.Fields(`character_maximum_length character_octet_length datetime_precision interval_precision
	maximum_cardinality numeric_precision numeric_precision_radix numeric_scale ordinal_position position_in_unique_constraint`) {
		infoSchemaColOID[c] = pgoid.Int4 // cardinal_number
	}
	for _, c := range strings.Fields(`check_option column_default commit_action constraint_type cycle_option data_type delete_rule
	enforced generation_expression identity_cycle identity_generation identity_increment identity_maximum identity_minimum
	identity_start increment initially_deferred interval_type is_deferrable is_generated is_identity is_insertable_into
	is_nullable is_self_referencing is_trigger_deletable is_trigger_insertable_into is_trigger_updatable is_typed is_updatable
	match_option maximum_value minimum_value nulls_distinct reference_generation sql_path start_value table_type update_rule
	view_definition`) {
		infoSchemaColOID[c] = pgoid.Varchar // character_data, yes_or_no
	}
}

// infoSchemaColMod: the type modifiers of the yes_or_no columns
// (varchar(3)).
var infoSchemaColMod = map[string]int32{}

func init() {
	for _, c := range strings.Fields(`cycle_option enforced identity_cycle initially_deferred is_deferrable is_identity
	is_insertable_into is_nullable is_self_referencing is_trigger_deletable is_trigger_insertable_into is_trigger_updatable
	is_typed is_updatable nulls_distinct`) {
		infoSchemaColMod[c] = 3 + 4
	}
}

// catalogColumnOID is the result type of catalog column name in this
// statement (0: not known).
func (x *tx) catalogColumnOID(name string) uint32 {
	if o := infoSchemaColOID[name]; o != 0 && x.infoSchema {
		return o
	}
	return catalogColOID[name]
}

// fnInfoCol(typeoid, typmod, field) is a column field of
// information_schema.columns that follows from the type: "octet"
// (character_octet_length), "radix" (numeric_precision_radix), "dtprec"
// (datetime_precision), "ivtype" (interval_type), "max" (identity_maximum).
func fnInfoCol(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	n, _ := toInt(a[0])
	tm, _ := toInt(a[1])
	o := uint32(n)
	switch str(a[2]) {
	case "octet":
		switch o {
		case pgoid.Varchar, pgoid.Bpchar, pgoid.Text:
			if tm >= 4 && o != pgoid.Text {
				return (tm - 4) * 4, nil // UTF-8: at most 4 bytes a character
			}
			return int64(1 << 30), nil
		}
	case "radix":
		switch o {
		case pgoid.Int2, pgoid.Int4, pgoid.Int8, pgoid.Float4, pgoid.Float8:
			return int64(2), nil
		case pgoid.Numeric:
			return int64(10), nil
		}
	case "dtprec":
		switch o {
		case pgoid.Date:
			return int64(0), nil
		case pgoid.Interval:
			if p := intervalTypmodPrecision(tm); tm >= 0 && p != ivFullPrecision {
				return p, nil
			}
			return int64(6), nil
		case pgoid.Time, pgoid.Timetz, pgoid.Timestamp, pgoid.Timestamptz:
			if tm >= 0 {
				return tm, nil
			}
			return int64(6), nil
		}
	case "ivtype":
		if o == pgoid.Interval {
			return intervalInfoType(tm), nil // interval_typmod.go
		}
	case "max":
		switch o {
		case pgoid.Int2:
			return "32767", nil
		case pgoid.Int8:
			return strconv.FormatInt(1<<63-1, 10), nil
		}
		return "2147483647", nil
	}
	return nil, nil
}

// CatalogParamOID is the type of column col of the catalog relation
// table (pg_class, information_schema.columns) that a parameter compared
// with it takes, 0 when table is no catalog relation or the column's type
// is not known: SQLite declares the catalog views' columns by affinity
// (relname BLOB), which read as bytea gave pgx's relname = $1 a bytea
// parameter that matched no name.
func CatalogParamOID(table, col string) uint32 {
	t, c := strings.ToLower(table), strings.ToLower(col)
	switch {
	case strings.HasPrefix(t, "information_schema"):
		if o := infoSchemaColOID[c]; o != 0 {
			return o
		}
		return catalogColOID[c]
	case strings.HasPrefix(t, "pg_"):
		return catalogColOID[c]
	}
	return 0
}
