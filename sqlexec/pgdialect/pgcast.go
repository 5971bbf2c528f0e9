package pgdialect

import (
	"database/sql/driver"
	"encoding/hex"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/raftsql/raftsql/pgwire"
	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	"modernc.org/sqlite"
)

// ErrMarker starts the message of errors raised by the registered
// functions below (checked casts) when they carry a PostgreSQL SQLSTATE:
// "pgdialect SQLSTATE 22P02: invalid input syntax for type integer: \"abc\"".
// sqlexec/errors.go maps it (ParseSQLStateError).
const ErrMarker = "pgdialect SQLSTATE "

// InternalCheckPrefix names the CHECK constraints CREATE TABLE adds to
// enforce PostgreSQL's type rules that SQLite's affinity does not:
//
//	pgdialect_len_varchar_3_col    length(col) <= 3        -> 22001 value too long for type character varying(3)
//	pgdialect_len_bpchar_5_col     char(5)                 -> 22001 value too long for type character(5)
//	pgdialect_type_int4_col        typeof(col) not text    -> 22P02 invalid input syntax for type integer
//	pgdialect_range_int2_col       col BETWEEN ...         -> 22003 smallint out of range
//	pgdialect_in_bool_col          pg_in_bool(col, -1) IS col -> 42804 (see enforce.go)
//
// (len_, type_ and range_ are what tables created before enforce.go have;
// new tables get only in_ constraints.)
//
// SQLite reports "CHECK constraint failed: NAME"; InternalCheck maps the
// name; the catalog (pg_constraint, \d) hides these constraints.
const InternalCheckPrefix = "pgdialect_"

// InternalCheck returns the SQLSTATE and message for a failed internal
// CHECK constraint (see InternalCheckPrefix), ok=false for other names.
func InternalCheck(name string) (code, message string, ok bool) {
	if !strings.HasPrefix(name, InternalCheckPrefix) {
		return "", "", false
	}
	parts := strings.SplitN(name[len(InternalCheckPrefix):], "_", 4)
	if len(parts) < 3 {
		return "", "", false
	}
	switch parts[0] {
	case "len":
		if len(parts) < 4 {
			return "", "", false
		}
		switch parts[1] {
		case "varchar":
			return "22001", "value too long for type character varying(" + parts[2] + ")", true
		case "bpchar":
			return "22001", "value too long for type character(" + parts[2] + ")", true
		}
	case "in":
		tt := typeAlias[parts[1]]
		if tt == nil {
			return "", "", false
		}
		col := strings.Join(parts[2:], "_")
		return "42804", "column \"" + col + "\" is of type " + tt.format + " but the value is not in its canonical form: cast it (::" + tt.name + ")", true
	case "type", "range":
		tt := typeAlias[parts[1]]
		if tt == nil {
			return "", "", false
		}
		if parts[0] == "type" {
			return "22P02", "invalid input syntax for type " + tt.format, true
		}
		return "22003", tt.format + " out of range", true
	}
	return "", "", false
}

var reSQLState = regexp.MustCompile(`(?s)pgdialect SQLSTATE ([0-9A-Z]{5}): (.*?)(?:` + errEnd + `)?(?: \(\d+\))?$`) // database/sql adds " (code)"; errend.go

// ParseSQLStateError extracts the SQLSTATE and message from an error
// message raised by a registered function (see ErrMarker).
func ParseSQLStateError(msg string) (code, message string, ok bool) {
	code, message, _, ok = ParseSQLStateDetail(msg) // errdetail.go
	return code, message, ok
}

func pgErr(code, format string, a ...any) error {
	return endParen(fmt.Errorf(ErrMarker+code+": "+format, a...)) // errend.go
}

func invalidInput(typ string, v driver.Value) error {
	return pgErr("22P02", "invalid input syntax for type %s: \"%s\"", typ, str(v))
}

// checkedCasts maps a type to the registered function that converts to it
// the way PostgreSQL does, raising 22P02/22003 where PostgreSQL would.
var checkedCasts = map[uint32]string{
	pgoid.Int2:        "pg_cast_int2",
	pgoid.Int4:        "pg_cast_int4",
	pgoid.Int8:        "pg_cast_int8",
	pgoid.Numeric:     "pg_cast_numeric",
	pgoid.Float4:      "pg_cast_float4",
	pgoid.Float8:      "pg_cast_float8",
	pgoid.Bool:        "pg_cast_bool",
	pgoid.Date:        "pg_cast_date",
	pgoid.JSON:        "pg_cast_json",  // jsonb.go
	pgoid.JSONB:       "pg_cast_jsonb", // jsonb.go
	pgoid.Timestamp:   "pg_cast_timestamp",
	pgoid.Timestamptz: "pg_cast_timestamptz",
	pgoid.Time:        "pg_cast_time",
	pgoid.Timetz:      "pg_cast_timetz",
	pgoid.Interval:    "pg_cast_interval",
	pgoid.UUID:        "pg_cast_uuid",
	pgoid.Money:       "pg_cast_money", // money.go
	pgoid.Name:        "pg_cast_name",  // nametype.go
	pgoid.OID:         "pg_cast_oid",   // oidtype.go
	pgoid.XML:         "pg_cast_xml",   // xmltype.go
}

func registerCastFuncs() error {
	fns := map[string]struct {
		n int32
		f fn
	}{
		"pg_cast_int2":    {1, intCasts["int2"]},
		"pg_cast_int4":    {1, intCasts["int4"]},
		"pg_cast_int8":    {1, intCasts["int8"]},
		"pg_cast_numeric": {1, fnCastNumeric},
		"pg_cast_float4":  {1, floatCast("real")},
		"pg_cast_float8":  {1, floatCast("double precision")},
		"pg_cast_bool":    {1, fnCastBool},
		// castsource.go
		"pg_cast_by_source":     {3, fnCastBySource},
		"pg_col_srctype":        {-1, fnColSrcType},
		"pg_float_refused":      {4, fnFloatRefused},   // floatcalls.go
		"pg_int_arg_refused":    {-1, fnIntArgRefused}, // window_args.go
		"pg_float_args_refused": {4, fnFloatArgsRefused},
		"pg_call_arg_refused":   {-1, fnCallArgRefused}, // callargkinds.go
		"pg_cast_timestamp":     {1, tsCast("timestamp")},
		"pg_cast_timestamptz":   {1, tsCast("timestamp with time zone")},
		"pg_cast_uuid":          {1, fnCastUUID},
		"pg_cast_interval": {1, func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
			return InDateTimeAt("interval", a[0], -1, time.Time{})
		}},
		"pg_float8_text": {1, func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
			return textIn([]driver.Value{a[0], "float8"}, time.UTC)
		}},
	}
	for name, d := range fns {
		if err := sqlite.RegisterDeterministicScalarFunction(name, d.n, d.f); err != nil && !strings.Contains(err.Error(), "already registered") {
			return fmt.Errorf("pgdialect: register %s: %w", name, err)
		}
		deterministic[name] = true
	}
	// date, time, timetz: 'now'/'today' depend on the (pinned) clock
	for name, f := range map[string]fn{"pg_cast_date": fnCastDate, "pg_cast_time": fnCastTime, "pg_cast_timetz": fnCastTimetz} {
		if err := sqlite.RegisterScalarFunction(name, 1, f); err != nil && !strings.Contains(err.Error(), "already registered") {
			return fmt.Errorf("pgdialect: register %s: %w", name, err)
		}
	}
	return nil
}

var reDecimal = regexp.MustCompile(`^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$`)
var reInteger = regexp.MustCompile(`^[+-]?[0-9]+$`)

// intCasts are the integer input functions by type name: text to an
// integer type reads the text with them ('1.5'::text::int is 22P02).
var intCasts = map[string]fn{
	"int2": intCast("smallint", math.MinInt16, math.MaxInt16),
	"int4": intCast("integer", math.MinInt32, math.MaxInt32),
	"int8": intCast("bigint", math.MinInt64, math.MaxInt64),
}

func fnCastBool(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	v, err := fnBool(nil, a)
	if err != nil {
		return nil, invalidInput("boolean", a[0])
	}
	return v, nil
}

func intCast(typ string, lo, hi int64) fn {
	outOfRange := func() error { return pgErr("22003", "%s out of range", typ) }
	return func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
		switch v := a[0].(type) {
		case nil:
			return nil, nil
		case int64:
			if v < lo || v > hi {
				return nil, outOfRange()
			}
			return v, nil
		case bool:
			if v {
				return int64(1), nil
			}
			return int64(0), nil
		case float64:
			r := math.Round(v)
			if math.IsNaN(r) || r < float64(lo) || r >= -float64(lo) {
				return nil, outOfRange()
			}
			n := int64(r)
			if n < lo || n > hi {
				return nil, outOfRange()
			}
			return n, nil
		}
		s := strings.TrimSpace(str(a[0]))
		if !reInteger.MatchString(s) {
			return nil, invalidInput(typ, a[0])
		}
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n < lo || n > hi {
			return nil, pgErr("22003", "value \"%s\" is out of range for type %s", str(a[0]), typ)
		}
		return n, nil
	}
}

func fnCastNumeric(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	switch v := a[0].(type) {
	case nil, int64, float64:
		return v, nil
	case bool:
		if v {
			return int64(1), nil
		}
		return int64(0), nil
	}
	s := strings.TrimSpace(str(a[0]))
	if strings.EqualFold(s, "nan") {
		return "NaN", nil // a float NaN would reach SQLite as NULL
	}
	if !reDecimal.MatchString(s) {
		return nil, invalidInput("numeric", a[0])
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return n, nil
	}
	f, _ := strconv.ParseFloat(s, 64)
	return f, nil
}

func floatCast(typ string) fn {
	return func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
		var f float64
		text := "" // the input's text, for float4in's range error
		switch v := a[0].(type) {
		case nil:
			return nil, nil
		case int64:
			f = float64(v)
		case float64:
			f = v
		case bool:
			if v {
				return 1.0, nil
			}
			return 0.0, nil
		default:
			s := strings.TrimSpace(str(a[0]))
			switch strings.ToLower(s) {
			case "nan", "+nan", "-nan": // float8in reads a signed NaN too
				return nil, errFloatNaN(typ) // float8nan.go
			case "infinity", "+infinity", "inf", "+inf":
				return math.Inf(1), nil
			case "-infinity", "-inf":
				return math.Inf(-1), nil
			}
			if !reDecimal.MatchString(s) {
				return nil, invalidInput(typ, a[0])
			}
			var err error
			text = s
			f, err = strconv.ParseFloat(s, 64)
			if err != nil || f == 0 && nonzeroMantissa(s) {
				// past the range, or so small it underflows to 0 (float8in:
				// '1e-400' is out of range, not 0)
				return nil, pgErr("22003", "\"%s\" is out of range for type %s", s, typ)
			}
		}
		if typ == "real" && !math.IsInf(f, 0) && !math.IsNaN(f) {
			// past single precision's range, or so small it becomes 0
			under := f != 0 && float32(f) == 0
			switch {
			case (math.Abs(f) > math.MaxFloat32 || under) && text != "":
				return nil, pgErr("22003", "\"%s\" is out of range for type real", text)
			case math.Abs(f) > math.MaxFloat32:
				return nil, pgErr("22003", "value out of range: overflow")
			case under:
				return nil, pgErr("22003", "value out of range: underflow")
			}
		}
		if typ == "real" {
			// a float4 holds single precision: '1.1'::real::float8 is
			// 1.100000023841858, as the stored column value is
			return float64(float32(f)), nil
		}
		return f, nil
	}
}

func fnCastDate(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	return CastDateAt(a[0], env.Now(), time.UTC)
}

// CastDateAt is v::date where 'now', 'today', 'tomorrow' and 'yesterday'
// are relative to now (UTC). The state machine passes the entry's pinned
// time, so such a literal is the same on every replica.
func CastDateAt(v driver.Value, now time.Time, zone *time.Location) (driver.Value, error) {
	a := []driver.Value{v}
	switch a[0].(type) {
	case nil:
		return nil, nil
	case time.Time:
		return a[0].(time.Time).Format("2006-01-02"), nil
	case int64, float64:
		typ := "double precision"
		if isInt(a[0]) {
			typ = "integer"
		}
		return nil, pgErr("42846", "cannot cast type %s to date", typ)
	}
	return InDateTimeIn("date", v, -1, now, zone)
}

func isInt(v driver.Value) bool { _, ok := v.(int64); return ok }

func fnCastTime(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	return InDateTimeAt("time", a[0], -1, env.Now())
}

func fnCastTimetz(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	return InDateTimeAt("timetz", a[0], -1, env.Now())
}

// dtTypeKey maps a type as PostgreSQL's messages name it to its typname.
func dtTypeKey(msgName string) string {
	for k, v := range msgType {
		if v == msgName {
			return k
		}
	}
	return msgName
}

// tsCast converts to a timestamp's canonical stored form (datetime.go);
// the special values relative to now are resolved with the process clock
// (connections that pin the clock override it, see CastTimestampAt).
func tsCast(typ string) fn {
	return func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
		return CastTimestampAt(typ, a[0], env.Now(), time.UTC)
	}
}

// CastTimestampAt is v::timestamp (typ names the type in errors). As in
// PostgreSQL, 'now' is the current (for a write: the entry's pinned) time
// and 'today', 'tomorrow', 'yesterday' midnight (UTC) of that day;
// 'epoch' is 1970-01-01. The result is the type's canonical stored form.
func CastTimestampAt(typ string, v driver.Value, now time.Time, zone *time.Location) (driver.Value, error) {
	switch v := v.(type) {
	case nil:
		return nil, nil
	case int64, float64:
		kind := "integer"
		if _, ok := v.(float64); ok {
			kind = "numeric"
		}
		return nil, pgErr("42846", "cannot cast type %s to %s", kind, dtTypeNames[dtTypeKey(typ)])
	}
	return InDateTimeIn(dtTypeKey(typ), v, -1, now, zone)
}

func fnCastUUID(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	switch v := a[0].(type) {
	case nil:
		return nil, nil
	case []byte:
		if len(v) == 16 {
			h := hex.EncodeToString(v)
			return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32], nil
		}
	}
	s := strings.TrimSpace(str(a[0]))
	in := s
	if strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}") {
		s = s[1 : len(s)-1]
	}
	// PostgreSQL accepts hyphens after any group of four hex digits.
	var h []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case isHex(c):
			h = append(h, c|0x20)
		case c == '-' && len(h) > 0 && len(h)%4 == 0 && i+1 < len(s) && s[i+1] != '-':
		default:
			return nil, invalidInput("uuid", in)
		}
	}
	if len(h) != 32 {
		return nil, invalidInput("uuid", in)
	}
	u := string(h)
	return u[0:8] + "-" + u[8:12] + "-" + u[12:16] + "-" + u[16:20] + "-" + u[20:32], nil
}

// textIn implements pg_text(value, type): the text output of a value of
// the given PostgreSQL type (a declared column type such as "boolean",
// "numeric(12,3)", "double precision", or NULL when unknown: then the
// value's storage class decides: REAL as float8, BLOB as bytea).
func textIn(a []driver.Value, zone *time.Location) (driver.Value, error) {
	v := a[0]
	if v == nil {
		return nil, nil
	}
	var oid uint32
	typmod := int32(-1)
	if a[1] != nil {
		oid, typmod = DeclTypeOID(str(a[1]))
	}
	if e := pgoid.ElemOf(oid); e == pgoid.Bool || e == pgoid.Float4 {
		return fnBoolElems(nil, a[:2]) // textoperands.go: t/f, float4's digits
	}
	switch oid {
	case pgoid.Inet, pgoid.Cidr:
		if n, err := netArg(v); err == nil {
			return n.cidrText(), nil // text(inet): always with the mask length
		}
	case pgoid.Bool:
		if b, err := fnBool(nil, []driver.Value{v}); err == nil {
			if b == int64(1) {
				return "true", nil
			}
			return "false", nil
		}
	case pgoid.Float4:
		if f, ok := v.(float64); ok {
			return pgwire.FormatFloat(f, 32), nil
		}
		if n, ok := v.(int64); ok {
			return pgwire.FormatFloat(float64(n), 32), nil
		}
	case pgoid.Float8:
		if n, ok := v.(int64); ok {
			return pgwire.FormatFloat(float64(n), 64), nil
		}
	case pgoid.Timestamp, pgoid.Timestamptz:
		if ts, ok := v.(string); ok {
			if t, ok := parseStoredTimestamp(ts); ok {
				if oid == pgoid.Timestamp {
					return t.Format("2006-01-02 15:04:05.999999"), nil
				}
				// the session's zone: the entry's on the apply connection
				// (ZonedFunctions), so the same on every node
				w, off := localWall(t, zone)
				return w.Format("2006-01-02 15:04:05.999999") + formatOffset(off), nil
			}
		}
	case pgoid.TstzRange:
		if s, ok := tstzRangeText(v, zone); ok { // range_funcs.go
			return s, nil
		}
	case pgoid.Numeric:
		// the stored decimal at the column's scale (numeric.go)
		if d, ok := decimalFromValue(v); ok && d.applyTypmod(int64(typmod)) == nil {
			return d.String(), nil
		}
	}
	switch v := v.(type) {
	case int64:
		return strconv.FormatInt(v, 10), nil
	case float64:
		return pgwire.FormatFloat(v, 64), nil
	case []byte:
		return `\x` + hex.EncodeToString(v), nil
	case bool:
		if v {
			return "true", nil
		}
		return "false", nil
	}
	return str(v), nil
}

// castsChecked reports whether casts in this statement use the checked
// conversion functions: not in catalog queries (psql's queries rely on
// SQLite's CAST) nor in DDL (defaults and CHECKs are stored as written).
func (x *tx) castsChecked() bool {
	if x.T(0).kw("ALTER") {
		// ALTER COLUMN ... TYPE ... USING expr: the expression converts
		// the rows at apply (altercolumn.go), as an UPDATE would
		return x.findKw(0, x.n(), 0, "USING") >= 0
	}
	// a view's query computes as a SELECT's (the other CREATEs hold
	// DEFAULT and CHECK expressions, where SQLite allows no subquery)
	return !x.catalog && (!x.T(0).kw("CREATE") || x.createsView())
}

// createsView reports a CREATE [OR REPLACE] [TEMP] VIEW statement.
func (x *tx) createsView() bool {
	for k := 1; k < x.n() && k < 5; k++ {
		switch {
		case x.T(k).kw("VIEW"):
			return true
		case x.T(k).kw("OR") || x.T(k).kw("REPLACE") || x.T(k).kw("TEMP") || x.T(k).kw("TEMPORARY"):
		default:
			return false
		}
	}
	return false
}

type fromTable struct{ name, alias string }

// fromTables lists the tables named after FROM / JOIN anywhere in the
// statement, with their aliases (lexical), then the targets of INSERT
// INTO / UPDATE.
func (x *tx) fromTables() []fromTable {
	var out, targets []fromTable // INSERT/UPDATE targets go last
	for k := 0; k < x.n(); k++ {
		if !x.T(k).kw("FROM") && !x.T(k).kw("JOIN") && !(x.T(k).kw("UPDATE") && k == 0) && !x.kw(k, "INSERT", "INTO") {
			continue
		}
		if x.T(k).kw("FROM") && !x.clauseFrom(k) {
			continue
		}
		j := k + 1
		if x.T(k).kw("INSERT") {
			j = k + 2
		}
		for {
			if x.kw(j, "ONLY") || x.kw(j, "LATERAL") {
				j++
			}
			if x.isP(j, "(") {
				j = x.match(j) + 1
				if x.kw(j, "AS") {
					j++
				}
				if x.T(j).typ == tIdent && !isClauseKw(x.T(j).upper()) || x.T(j).typ == tQIdent {
					j = x.afterColumnAliases(j + 1)
				}
			} else {
				n, e := x.name(j)
				if n == "" || x.T(j).typ == tIdent && (isClauseKw(x.T(j).upper()) || x.T(j).kw("SELECT")) {
					break
				}
				if x.isP(e, "(") && !x.T(k).kw("INSERT") { // function
					e = x.match(e) + 1
					n = ""
				}
				alias := ""
				j = e
				if x.kw(j, "AS") {
					j++
				}
				if x.T(j).typ == tIdent && !isClauseKw(x.T(j).upper()) && !x.T(j).kw("SET") && !x.T(j).kw("DEFAULT") && !x.T(j).kw("VALUES") || x.T(j).typ == tQIdent {
					alias = x.T(j).identName()
					j = x.afterColumnAliases(j + 1)
				}
				if n != "" && (x.T(k).kw("FROM") || x.T(k).kw("JOIN")) {
					out = append(out, fromTable{n, alias})
				} else if n != "" {
					targets = append(targets, fromTable{n, alias})
				}
			}
			if x.isP(j, ",") && x.depth[j] == x.depth[k] && x.T(k).kw("FROM") {
				j++
				continue
			}
			break
		}
	}
	return append(out, targets...)
}

// afterColumnAliases is the index after the column alias list at j of
// a FROM item's alias (AS s(a, b)), j when there is none. A list a
// rewrite emptied (generate_series(...) AS s(g) names its column in
// the subquery it becomes) is skipped too: the next item after a comma
// was not read, so a join's columns lost their table (o.d = s.g was
// compared as text).
func (x *tx) afterColumnAliases(j int) int {
	k := j
	for k < x.n() && x.T(k).text == "" {
		k++
	}
	if x.isP(k, "(") && x.match(k) > k {
		return x.match(k) + 1
	}
	return k
}

// clauseFrom reports whether the FROM at k begins a FROM clause: it
// follows a SELECT, UPDATE or DELETE in its own parenthesis group. The FROM of
// extract(f FROM x), substring(s FROM n), trim(BOTH c FROM s),
// overlay(s PLACING t FROM n) and a IS [NOT] DISTINCT FROM b names no
// table; taking its operand for one made every column of the statement
// ambiguous (date + 1 beside extract(dow FROM d) became numeric
// arithmetic on the date's text).
func (x *tx) clauseFrom(k int) bool {
	if x.T(k-1).kw("DISTINCT") && (x.T(k-2).kw("IS") || x.T(k-2).kw("NOT")) {
		return false
	}
	d := x.depth[k]
	for j := k - 1; j >= 0 && x.depth[j] >= d; j-- {
		if x.depth[j] == d && (x.T(j).kw("SELECT") || x.T(j).kw("DELETE") || x.T(j).kw("UPDATE")) {
			return true
		}
	}
	return false
}

// columnTypeExpr returns an SQLite expression yielding the declared type
// of column col (qualified by qual, or "") of the statement's tables, or
// "NULL" when there is no candidate table. The qualifier EXCLUDED of ON
// CONFLICT DO UPDATE names the row proposed for the INSERT's target
// table: without its type, lower(excluded.t) read the text as a range.
func (x *tx) columnTypeExpr(qual, col string) string {
	if tbl := x.excludedTable(qual); tbl != "" {
		return "(SELECT type FROM pragma_table_xinfo(" + quoteLit(tbl) + ") WHERE name = " + quoteLit(col) + " COLLATE NOCASE)"
	}
	var subs []string
	seen := map[string]bool{}
	for _, ft := range x.fromTables() {
		if qual != "" && ft.alias != qual && !(ft.alias == "" && ft.name == qual) {
			continue
		}
		if seen[ft.name] {
			continue
		}
		seen[ft.name] = true
		subs = append(subs, viewColumnDeclExpr(ft.name, col)) // viewdecls.go
	}
	switch len(subs) {
	case 0:
		return "NULL"
	case 1:
		return subs[0]
	}
	return "coalesce(" + strings.Join(subs, ", ") + ")"
}

// excludedTable is the INSERT's target table when qual is EXCLUDED and
// no table of the statement is named or aliased so, else "".
func (x *tx) excludedTable(qual string) string {
	if !strings.EqualFold(qual, "excluded") {
		return ""
	}
	target := ""
	for _, ft := range x.fromTables() {
		if strings.EqualFold(ft.alias, qual) || ft.alias == "" && strings.EqualFold(ft.name, qual) {
			return ""
		}
	}
	for k := 0; k+1 < x.n() && target == ""; k++ {
		if x.kw(k, "INSERT", "INTO") {
			target, _ = x.name(k + 2)
		}
	}
	return target
}

// castRewrite rewrites expr::type (source tokens s..i-1, cast token i,
// type tokens i+1..end-1) to a checked conversion function or, for casts
// to text, to pg_text(expr, type). It reports whether it did.
func (x *tx) castRewrite(s, i, end int, tt *pgType) bool {
	if !x.castsChecked() {
		return false
	}
	first := x.T(s)
	wrap := func(f, extra string) {
		first.pre = f + "(" + first.pre
		x.T(i).set("")
		x.blank(i+1, end)
		x.T(end - 1).set(extra + ")")
		x.castEnd[end-1] = s
	}
	literal := s == i-1 && (x.T(s).typ == tString || x.T(s).typ == tDollar || x.T(s).typ == tParam || x.T(s).typ == tNumber)
	_, _, mods, _, _ := x.parseType(i + 1)
	// a cast that becomes a call around its operand: pre + operand + suf
	castCall := func(pre, suf string) bool {
		first.pre = pre + first.pre
		x.T(i).set("")
		x.blank(i+1, end)
		x.T(end - 1).set(suf)
		x.castEnd[end-1] = s
		return true
	}
	if pre, suf, ok := x.bitCastFrom(s, i, tt, mods); ok { // bits_funcs.go
		return castCall(pre, suf)
	}
	if pre, suf, ok := x.netCastFrom(s, i, tt, literal); ok { // inet_translate.go
		return castCall(pre, suf)
	}
	if pre, suf, ok := x.jsonbCastFrom(s, i, tt, mods); ok { // json_cast.go
		return castCall(pre, suf)
	}
	if pre, suf, ok := checkedCast(tt, mods, literal); ok { // arith.go
		x.exactCastOperand(s, i, tt)
		pre = x.floatIntCast(pre, s, i)
		pre, suf = x.castSource(pre, suf, s, i, tt) // castsource.go
		x.oidColumnBits(s, i, tt)                   // oidtype.go
		lp, ls := x.tstzLocalWrap(s, i, tt)         // datetime_zone.go
		// datetime_casts.go: the operand's type read at run time (its
		// refusal where the statement shows it: expr.go)
		if cp, cs, _ := x.dtCastCheck(s, i, i, tt); cp != "" {
			lp, ls = lp+cp, cs+ls
		}
		if tt.oid == pgoid.Numeric {
			if mp, ms := x.moneyNumericWrap(s, i); mp != "" { // money.go
				lp, ls = mp+lp, ls+ms
			}
			fp, fs := x.float4NumericWrap(s, i) // float4numeric.go
			if fp == "" && !literal {
				x.numCasts = append(x.numCasts, numCast{s, i, pre + lp, false})
			}
			// around the money conversion: its closing after money's
			lp, ls = fp+lp, ls+fs
		}
		first.pre = pre + lp + first.pre
		x.T(i).set("")
		x.blank(i+1, end)
		x.T(end - 1).set(ls + suf)
		x.castEnd[end-1] = s
		return true
	}
	if n, ok := x.castLen(i+1, mods, tt); ok { // bpchar.go
		lenArgs := ", " + strconv.Itoa(n) + ", " + strconv.FormatBool(tt.oid == pgoid.Bpchar)
		operand := "" // what closes the operand
		if hint := x.textHint(s, i); !literal && hint != "NULL" {
			// cut the operand's text, not SQLite's value: a boolean
			// b::varchar(3) is 'tru', not '1'
			x.exactTextOperand(s, i)
			first.pre = "pg_text(" + first.pre
			operand = ", " + hint + ")"
		}
		if tt.oid == pgoid.Varchar && !literal {
			// a varchar orders as text: the call takes the collation of
			// its operand, and (round(n2, 0))::varchar(4) kept
			// pg_numeric, 2 before 100 (the fuzz tester's seed 842658);
			// the operand names BINARY, so the call keeps its shape
			// (bpchar_compare.go reads it)
			first.pre = "(" + first.pre
			operand += ") COLLATE BINARY"
		}
		extra := operand + lenArgs
		wrap("pg_cast_len", extra)
		return true
	}
	if tt.oid != pgoid.Text && tt.oid != pgoid.Varchar {
		return false
	}
	if s == i-1 {
		switch t := x.T(s); {
		case t.typ == tString || t.typ == tDollar || t.typ == tParam:
			return false
		case t.kw("TRUE") || t.kw("FALSE"):
			t.set(quoteLit(strings.ToLower(t.text)))
			x.T(i).set("")
			x.blank(i+1, end)
			x.castEnd[end-1] = s
			return true
		}
	}
	hint := x.textHint(s, i)
	x.exactTextOperand(s, i)
	if hint == "NULL" {
		// arithmetic over columns or a sum: typed after the arithmetic
		// rewrite (float4numeric.go)
		x.numCasts = append(x.numCasts, numCast{s, i, "pg_text(", true})
	}
	// a text value orders as text: SQLite's function result takes the
	// collation of an argument that has one, and (abs(f4))::text kept
	// pg_numeric, so substr of it ordered '4e' before '5'
	wrap("pg_text", ", "+hint+") COLLATE BINARY")
	x.T(end - 1).set(strings.TrimSuffix(x.T(end-1).out, ")"))
	return true
}

// exactTextOperand makes the operand s..e-1 of a cast to text, when it is
// a numeric constant ((-1.50)::text), numeric's exact text: its scale is
// part of its text output (-1.50), which SQLite's binary float loses.
func (x *tx) exactTextOperand(s, e int) {
	s, e = x.unparen(s, e)
	if e > s {
		x.numericLiteral(s, e) // arith.go
	}
}

// textHint is the type argument of pg_text for the operand s..e-1 of a
// cast to text: the column's declared type (an SQL expression reading
// it), the operand's inferred type, or NULL when unknown.
func (x *tx) textHint(s, e int) string {
	// a parenthesised column is the column: (b)::text of a boolean is
	// 'true', not SQLite's 1
	if n, cs, ce := x.columnName(s, e); n != "" {
		if r, ok := x.colRTypes[cs]; ok && r.end == ce && r.tbl != "" {
			// a column of a derived table or CTE over SELECT * FROM tbl:
			// tbl's declared type (a CTE's name is no table: b::text of
			// a boolean was SQLite's 1)
			return viewColumnDeclExpr(r.tbl, r.col)
		}
		if hint := x.derivedColumnType(cs, ce); hint != "" {
			// a derived table's or CTE's column over a table's column
			// (WITH a AS (SELECT f4 AS x FROM t) ... x::text): that
			// column's declared type, where the name is no table's
			// (a real printed its double's 17 digits)
			return hint
		}
		qual := ""
		if ce-cs >= 3 {
			qual = x.T(ce - 3).identName()
		}
		return x.columnTypeExpr(qual, n)
	}
	cs, ce := x.unparen(s, e)
	if t := x.T(cs); t.typ == tIdent && strings.EqualFold(t.text, "array_agg") && x.isP(cs+1, "(") && x.match(cs+1) == ce-1 {
		// array_agg of a column: an array of the column's type
		a, b := cs+2, ce-1
		if x.kw(a, "DISTINCT") {
			a++
		}
		if o := x.findKw(a, b, x.depth[a], "ORDER"); o >= 0 {
			b = o
		}
		if qual, col, ok := x.bareColumn(a, b); ok {
			if typ := x.columnTypeExpr(qual, col); typ != "NULL" {
				return "(" + typ + " || '[]')"
			}
		}
	}
	oid := x.exprOID(s, e)
	if oid == 0 {
		return "NULL"
	}
	if oid == pgoid.Numeric {
		x.numericLiteral(s, e) // a constant's digits and scale: 1.50::text is 1.50
	}
	return quoteLit(TypeName(oid))
}

// nonzeroMantissa reports whether the decimal number s has a nonzero
// digit before its exponent.
func nonzeroMantissa(s string) bool {
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		s = s[:i]
	}
	return strings.ContainsAny(s, "123456789")
}

// exactCastOperand passes a numeric constant a..b-1 cast to numeric or a
// float type to the cast as its exact text (numericLiteral), as
// PostgreSQL converts the numeric constant: SQLite would read 1e400 as
// the double Infinity, so 1e400::numeric would be Infinity and
// 1e400::float8 no error (PostgreSQL: 22003, "1000...0" is out of range
// for type double precision).
func (x *tx) exactCastOperand(a, b int, tt *pgType) {
	switch tt.oid {
	case pgoid.Numeric, pgoid.Float8, pgoid.Float4:
		// also parenthesised: (-0.0)::float8 converts numeric's zero, 0
		// (SQLite's -0.0 is the double -0), (1.50)::numeric keeps 1.50
		x.numericLiteral(x.unparen(a, b)) // arith.go
	}
}

func reservedWord(u string) bool {
	switch u {
	case "NULL", "TRUE", "FALSE", "CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME", "LOCALTIMESTAMP", "LOCALTIME",
		"CURRENT_USER", "SESSION_USER", "CURRENT_ROLE", "CURRENT_SCHEMA", "CURRENT_CATALOG", "USER":
		return true
	}
	return false
}

// castFuncRewrite is castRewrite for CAST(expr AS type) (CAST at i, AS at
// as, closing parenthesis at e).
func (x *tx) castFuncRewrite(i, as, e int, tt *pgType) bool {
	if !x.castsChecked() {
		return false
	}
	literal := as == i+3 && (x.T(i+2).typ == tString || x.T(i+2).typ == tDollar || x.T(i+2).typ == tParam || x.T(i+2).typ == tNumber)
	_, _, mods, _, _ := x.parseType(as + 1)
	// a cast that becomes a call around its operand: pre + operand + suf
	castCall := func(pre, suf string) bool {
		x.T(i).set("")
		x.T(i + 1).set(pre)
		x.blank(as, e+1)
		x.T(as).set(suf)
		return true
	}
	if pre, suf, ok := x.bitCastFrom(i+2, as, tt, mods); ok { // bits_funcs.go
		return castCall(pre, suf)
	}
	if pre, suf, ok := x.netCastFrom(i+2, as, tt, literal); ok { // inet_translate.go
		return castCall(pre, suf)
	}
	if pre, suf, ok := x.jsonbCastFrom(i+2, as, tt, mods); ok { // json_cast.go
		return castCall(pre, suf)
	}
	if pre, suf, ok := checkedCast(tt, mods, literal); ok { // arith.go
		x.exactCastOperand(i+2, as, tt)
		pre = x.floatIntCast(pre, i+2, as)
		pre, suf = x.castSource(pre, suf, i+2, as, tt) // castsource.go
		x.oidColumnBits(i+2, as, tt)                   // oidtype.go
		lp, ls := x.tstzLocalWrap(i+2, as, tt)         // datetime_zone.go
		// datetime_casts.go (as in castRewrite)
		if cp, cs, _ := x.dtCastCheck(i+2, as, i, tt); cp != "" {
			lp, ls = lp+cp, cs+ls
		}
		if tt.oid == pgoid.Numeric {
			fp, fs := x.float4NumericWrap(i+2, as) // float4numeric.go
			if fp == "" && !literal {
				x.numCasts = append(x.numCasts, numCast{i + 2, as, "", false})
			}
			// around the money conversion: its closing after money's
			lp, ls = fp+lp, ls+fs
		}
		x.T(i).set("")
		x.T(i + 1).set(pre + lp)
		x.blank(as, e+1)
		x.T(as).set(ls + suf)
		return true
	}
	if n, ok := x.castLen(as+1, mods, tt); ok && (literal && x.T(i+2).typ == tString || !literal) { // bpchar.go
		extra := ", " + strconv.Itoa(n) + ", " + strconv.FormatBool(tt.oid == pgoid.Bpchar)
		if !literal {
			x.T(i + 1).set("(pg_text(") // the operand's text, as in castRewrite
			extra = ", " + x.textHint(i+2, as) + ")" + extra
		}
		x.T(i).set("pg_cast_len")
		x.blank(as, e)
		x.T(as).set(extra)
		return true
	}
	if tt.oid != pgoid.Text && tt.oid != pgoid.Varchar {
		return false
	}
	s := i + 2
	if s == as-1 {
		switch t := x.T(s); {
		case t.typ == tString || t.typ == tDollar || t.typ == tParam:
			return false
		case t.kw("TRUE") || t.kw("FALSE"):
			t.set(quoteLit(strings.ToLower(t.text)))
			return false // CAST('true' AS TEXT)
		}
	}
	x.T(i).set("pg_text")
	x.blank(as, e)
	x.T(as).set(", " + x.textHint(s, as))
	return true
}

var storedTSLayouts = []string{"2006-01-02 15:04:05.999999999", "2006-01-02T15:04:05.999999999", "2006-01-02 15:04",
	"2006-01-02 15:04:05.999999999Z07:00", "2006-01-02 15:04:05.999999999Z07", "2006-01-02T15:04:05.999999999Z07:00",
	"2006-01-02 15:04:05.999999999 Z07:00", "2006-01-02"}

// parseStoredTimestamp parses a timestamp as SQLite stores it (UTC unless
// it carries an offset).
func parseStoredTimestamp(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, l := range storedTSLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// fnCastLen is an explicit cast to varchar(n) (bpchar false) or char(n)
// (bpchar true): the value cut to n characters; char(n) values lose their
// trailing blanks, as stored in char(n) columns (inBpchar).
func fnCastLen(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil {
		return nil, nil
	}
	v, err := textValue(a[0])
	if err != nil {
		return nil, err
	}
	s := v.(string)
	n, _ := toInt(a[1])
	if r := []rune(s); int64(len(r)) > n {
		s = string(r[:n])
	}
	if truthy(a[2]) {
		s = strings.TrimRight(s, " ")
	}
	return s, nil
}
