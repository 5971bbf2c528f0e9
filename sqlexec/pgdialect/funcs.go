package pgdialect

import (
	"crypto/rand"
	"database/sql/driver"
	"encoding/hex"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"

	sqlite "modernc.org/sqlite"
)

// Env is what the registered functions need from outside the dialect: a
// clock and a source of randomness. modernc's function registry is
// process-wide, so the Env of the first Register call serves every
// connection; a session layer that needs per-connection values (the state
// machine pins the clock and seeds the randomness of each write) overrides
// now(), gen_random_uuid(), current_setting(), current_database() and
// current_user on its connections.
type Env struct {
	Now  func() time.Time // now(), 'now'::date (default time.Now)
	Rand io.Reader        // gen_random_uuid() (default crypto/rand)
}

// env is the Env of the first Register call.
var env Env

// Fixed answers of the process-wide functions (sessions override the names
// per connection).
const (
	DefaultName       = "postgres" // current_database(), current_user
	defaultBackendPID = 1          // pg_backend_pid()
)

// deterministic names the registered functions whose value depends only
// on their arguments (and the schema they read), on any connection at any
// time: the state machine lets them into the log (IsDeterministic).
var deterministic = map[string]bool{
	// registered as volatile but constant
	"current_schema": true, "current_schemas": true, "pg_get_userbyid": true,
}

// IsDeterministic reports whether the registered function name is
// deterministic (see deterministic). Valid after Register.
func IsDeterministic(name string) bool { return deterministic[strings.ToLower(name)] }

var registerOnce sync.Once
var registerErr error

// Register registers the PostgreSQL compatibility functions with modernc
// sqlite (for connections opened afterwards). It is idempotent: later
// calls keep the first call's Env.
func Register(e Env) error {
	registerOnce.Do(func() {
		if e.Now == nil {
			e.Now = time.Now
		}
		if e.Rand == nil {
			e.Rand = rand.Reader
		}
		env = e
		registerErr = register()
	})
	return registerErr
}

type fn = func(ctx *sqlite.FunctionContext, args []driver.Value) (driver.Value, error)

func register() error {
	det := map[string]struct {
		n int32
		f fn
	}{
		"pg_bool":          {1, fnBool},
		"pg_bytea":         {1, fnBytea},
		"pg_cast_money":    {1, fnInMoney},      // money.go
		"pg_cast_name":     {1, fnInName},       // nametype.go
		"pg_cast_oid":      {1, fnInOID},        // oidtype.go
		"pg_oid_int4":      {-1, fnOIDInt4},     // oidtype.go
		"pg_cast_xml":      {1, fnInXML},        // xmltype.go
		"pg_money_numeric": {2, fnMoneyNumeric}, // money.go
		"pg_uuid_format":   {1, fnUUIDFormat},
		"pg_quote_ident": {1, func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
			return quoteIdent(str(a[0])), nil
		}},
		"quote_ident": {1, func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
			if a[0] == nil {
				return nil, nil // strict, as PostgreSQL's: NULL, not ""
			}
			return quoteIdent(str(a[0])), nil
		}},
		"regexp":                             {2, fnRegexp},
		"pg_regclass":                        {1, fnRegclass},
		"pg_regtype":                         {1, fnRegtype},
		"pg_regtype_name":                    {1, fnRegtypeName},
		"pg_regnamespace":                    {1, fnRegnamespace},
		"pg_regnamespace_name":               {1, fnRegnamespaceName},
		"pg_to_regtype":                      {1, fnToRegtype},      // to_reg.go
		"pg_to_regnamespace":                 {1, fnToRegnamespace}, // to_reg.go
		"pg_ident_text":                      {1, fnIdentText},
		"pg_regclass_named":                  {2, fnRegclassNamed},
		"pg_oid":                             {2, fnOID},
		"format_type":                        {2, fnFormatType},
		"pg_encoding_to_char":                {1, func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) { return "UTF8", nil }},
		"pg_table_is_visible":                {1, func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) { return int64(1), nil }},
		"pg_type_is_visible":                 {1, func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) { return int64(1), nil }},
		"pg_function_is_visible":             {1, func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) { return int64(1), nil }},
		"obj_description":                    {-1, nullFn},
		"col_description":                    {2, nullFn},
		"shobj_description":                  {2, nullFn},
		"pg_get_partkeydef":                  {1, nullFn},
		"pg_partition_ancestors":             {1, func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) { return a[0], nil }},
		"pg_relation_is_publishable":         {1, func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) { return int64(0), nil }},
		"pg_serial_owner":                    {3, fnSerialOwner}, // serial.go
		"pg_serial_kind":                     {2, fnSerialKind},
		"pg_default_display":                 {5, fnDefaultDisplay},
		"pg_coltype":                         {2, fnColType},
		"pg_coltypmod":                       {2, fnColTypmod},
		"pg_tablespace_location":             {1, func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) { return "", nil }},
		"pg_size_pretty":                     {1, fnSizePretty},
		"left":                               {2, fnLeft},
		"right":                              {2, fnRight},
		"md5":                                {1, fnMD5},
		"split_part":                         {3, fnSplitPart},
		"pg_series_step":                     {1, fnSeriesStep},
		"pg_series_numcheck":                 {3, fnSeriesNumCheck},
		"unistr":                             {1, fnUnistr},        // unistr.go: PostgreSQL's, not SQLite's
		"pg_series_int":                      {1, fnSeriesInt},     // series_lateral.go
		"pg_string_agg_json":                 {2, fnStringAggJSON}, // stringagg_distinct.go
		"pg_series_value":                    {3, fnSeriesValue},   // series_lateral.go
		"pg_series_dt":                       {2, fnSeriesDT},      // series_lateral.go
		"pg_lateral_row":                     {-1, fnLateralRow},   // lateral_funcs.go
		"pg_lateral_col":                     {-1, fnLateralCol},
		"pg_lateral_key":                     {3, fnLateralKey},
		"pg_lateral_sum":                     {3, fnLateralCol},
		"pg_lateral_avg":                     {3, fnLateralCol},
		"pg_get_function_result":             {1, nullFn},
		"pg_get_function_arguments":          {1, nullFn},
		"pg_get_function_identity_arguments": {1, nullFn},
		"pg_get_triggerdef":                  {-1, nullFn},
		"pg_get_ruledef":                     {-1, nullFn},
		"pg_get_statisticsobjdef_columns":    {1, nullFn},
		"pg_is_in_recovery":                  {0, func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) { return int64(0), nil }},
		"has_table_privilege":                {-1, func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) { return int64(1), nil }},
		"has_schema_privilege":               {-1, func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) { return int64(1), nil }},
		"has_database_privilege":             {-1, func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) { return int64(1), nil }},
		"pg_view_replace":                    {4, fnViewReplace},         // viewreplace.go
		"pg_view_columns_distinct":           {2, fnViewColumnsDistinct}, // viewcolumns.go
		ViewNumericFunc:                      {1, fnViewNumeric},         // viewnumeric.go
		ViewReplaceTypesFunc:                 {1, fnViewReplaceTypes},    // viewreplace.go
		FKTypesFunc:                          {1, fnFKTypes},             // createfk.go
	}
	for name, d := range likeFuncs { // like.go
		det[name] = d
	}
	for name, d := range strFuncs { // strfuncs.go
		det[name] = d
	}
	for name, d := range numNullsFuncs { // numnulls.go
		det[name] = d
	}
	for name, d := range regexFuncs { // regexfuncs.go
		det[name] = d
	}
	for name, d := range regex15Funcs { // regex_pg15.go
		det[name] = d
	}
	for name, d := range queryFuncs { // subquery.go
		det[name] = d
	}
	for name, d := range tiesFuncs { // withties.go
		det[name] = d
	}
	for name, d := range quoteFuncs { // quote.go
		det[name] = d
	}
	for name, d := range det {
		if err := sqlite.RegisterDeterministicScalarFunction(name, d.n, d.f); err != nil && !strings.Contains(err.Error(), "already registered") {
			return fmt.Errorf("pgdialect: register %s: %w", name, err)
		}
		deterministic[name] = true
	}
	vol := map[string]struct {
		n int32
		f fn
	}{
		"now": {0, func(ctx *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
			return env.Now().UTC().Format("2006-01-02 15:04:05.999999-07"), nil
		}},
		"pg_now": {0, func(ctx *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
			return NowText(env.Now()), nil
		}},
		"gen_random_uuid": {0, fnGenUUID},
		"version": {0, func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
			return VersionString(PostgresVersion), nil
		}},
		"current_database": {0, func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) { return DefaultName, nil }},
		"current_user":     {0, func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) { return DefaultName, nil }},
		"current_schema":   {0, func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) { return "public", nil }},
		"current_schemas": {1, func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
			if truthy(a[0]) {
				return "{pg_catalog,public}", nil
			}
			return "{public}", nil
		}},
		"pg_backend_pid": {0, func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
			return int64(defaultBackendPID), nil
		}},
		"current_setting":          {-1, fnCurrentSetting},
		"pg_get_userbyid":          {1, fnUserByID},
		"pg_table_size":            {1, sizeFn},
		"pg_relation_size":         {-1, sizeFn},
		"pg_total_relation_size":   {1, sizeFn},
		"pg_indexes_size":          {1, sizeFn},
		"pg_database_size":         {1, sizeFn},
		"pg_postmaster_start_time": {0, func(ctx *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) { return startTime, nil }},
	}
	for name, d := range vol {
		if err := sqlite.RegisterScalarFunction(name, d.n, d.f); err != nil && !strings.Contains(err.Error(), "already registered") {
			return fmt.Errorf("pgdialect: register %s: %w", name, err)
		}
	}
	if err := registerDateTime(); err != nil {
		return err
	}
	if err := registerCastFuncs(); err != nil {
		return err
	}
	if err := registerInFuncs(); err != nil {
		return err
	}
	if err := registerNumericFuncs(); err != nil {
		return err
	}
	if err := registerTypeCollations(); err != nil { // type_collations.go
		return err
	}
	if err := registerMathFuncs(); err != nil { // mathfuncs.go
		return err
	}
	if err := registerArithFuncs(); err != nil { // arith_funcs.go
		return err
	}
	if err := registerArrayFuncs(); err != nil { // array.go
		return err
	}
	if err := registerJSONBFuncs(); err != nil { // jsonb.go
		return err
	}
	if err := registerStatAggs(); err != nil { // statsagg.go
		return err
	}
	if err := registerOrderedSetAggs(); err != nil { // orderedset.go
		return err
	}
	if err := registerBoolAggs(); err != nil { // boolaggs.go
		return err
	}
	if err := registerStringAggWindow(); err != nil { // stringagg_window.go
		return err
	}
	if err := registerAdvisoryFuncs(); err != nil {
		return err
	}
	if err := registerExtensionFuncs(); err != nil { // extension.go
		return err
	}
	if err := registerEnumFuncs(); err != nil { // enum.go
		return err
	}
	if err := registerNetFuncs(); err != nil { // inet_funcs.go
		return err
	}
	if err := registerRangeFuncs(); err != nil { // range_funcs.go
		return err
	}
	return registerCatalogFuncs()
}

var startTime = time.Now().UTC().Format("2006-01-02 15:04:05.999999-07")

func nullFn(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) { return nil, nil }

func str(v driver.Value) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case []byte:
		return string(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64)
	case bool:
		if v {
			return "1"
		}
		return "0"
	case time.Time:
		return v.Format("2006-01-02 15:04:05.999999-07")
	}
	return fmt.Sprint(v)
}

func toInt(v driver.Value) (int64, bool) {
	switch v := v.(type) {
	case int64:
		return v, true
	case float64:
		return int64(v), true
	case bool:
		if v {
			return 1, true
		}
		return 0, true
	case string, []byte:
		n, err := strconv.ParseInt(strings.TrimSpace(str(v)), 10, 64)
		return n, err == nil
	}
	return 0, false
}

func truthy(v driver.Value) bool {
	b, err := fnBool(nil, []driver.Value{v})
	return err == nil && b == int64(1)
}

func fnBool(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	switch v := a[0].(type) {
	case nil:
		return nil, nil
	case int64:
		if v != 0 {
			return int64(1), nil
		}
		return int64(0), nil
	case float64:
		if v != 0 {
			return int64(1), nil
		}
		return int64(0), nil
	case bool:
		if v {
			return int64(1), nil
		}
		return int64(0), nil
	}
	s := strings.ToLower(strings.TrimSpace(str(a[0])))
	switch s {
	case "t", "tr", "tru", "true", "y", "ye", "yes", "on", "1":
		return int64(1), nil
	case "f", "fa", "fal", "fals", "false", "n", "no", "of", "off", "0":
		return int64(0), nil
	}
	return nil, invalidInput("boolean", a[0])
}

func fnBytea(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	switch v := a[0].(type) {
	case nil:
		return nil, nil
	case []byte:
		return v, nil
	}
	s := str(a[0])
	if h, ok := strings.CutPrefix(s, `\x`); ok {
		// PostgreSQL's hex format: digit pairs, whitespace between
		// them allowed, 22023 for an odd count or a non-hex digit.
		return hexBytea(h)
	}
	var out []byte
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' {
			if i+1 < len(s) && s[i+1] == '\\' {
				out = append(out, '\\')
				i++
				continue
			}
			if i+3 < len(s) {
				if n, err := strconv.ParseUint(s[i+1:i+4], 8, 8); err == nil {
					out = append(out, byte(n))
					i += 3
					continue
				}
			}
			return nil, pgErr("22P02", "invalid input syntax for type bytea")
		}
		out = append(out, s[i])
	}
	return out, nil
}

// UUIDString formats 16 random bytes as a version 4 UUID (setting the
// version and variant bits in b).
func UUIDString(b []byte) string {
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b)
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}

func fnUUIDFormat(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	b, ok := a[0].([]byte)
	if !ok || len(b) < 16 {
		return nil, nil
	}
	c := make([]byte, 16)
	copy(c, b)
	return UUIDString(c), nil
}

func fnGenUUID(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	b := make([]byte, 16)
	if _, err := io.ReadFull(env.Rand, b); err != nil {
		return nil, err
	}
	return UUIDString(b), nil
}

// reCache holds the compiled SIMILAR TO patterns (similar.go).
var reCache sync.Map

func fnRegtype(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil {
		return nil, nil
	}
	if n, ok := toInt(a[0]); ok {
		return n, nil
	}
	s := strings.ToLower(strings.TrimSpace(str(a[0])))
	s = strings.TrimPrefix(s, "pg_catalog.")
	if t, ok := typeAlias[s]; ok {
		return int64(t.oid), nil
	}
	if o, _ := DeclTypeOID(s); o != 0 {
		return int64(o), nil
	}
	return nil, pgErr("42704", "type %q does not exist", s)
}

func fnRegtypeName(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil {
		return nil, nil
	}
	n, ok := toInt(a[0])
	if !ok {
		return str(a[0]), nil
	}
	if n == 0 {
		return "-", nil
	}
	return FormatType(uint32(n), -1), nil
}

func fnRegnamespace(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if n, ok := toInt(a[0]); ok {
		return n, nil
	}
	switch strings.Trim(str(a[0]), `"`) {
	case "pg_catalog":
		return int64(OIDNamespacePgCatalog), nil
	case "public":
		return int64(OIDNamespacePublic), nil
	case "information_schema":
		return int64(OIDNamespaceInfoSchema), nil
	}
	return nil, pgErr("3F000", "schema %q does not exist", str(a[0]))
}

func fnRegnamespaceName(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	n, _ := toInt(a[0])
	switch uint32(n) {
	case OIDNamespacePgCatalog:
		return "pg_catalog", nil
	case OIDNamespacePublic:
		return "public", nil
	case OIDNamespaceInfoSchema:
		return "information_schema", nil
	}
	return str(a[0]), nil
}

// fnRegclass: 'name'::regclass -> the relation's OID (digits pass through).
func fnRegclass(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil {
		return nil, nil
	}
	if n, ok := toInt(a[0]); ok {
		return n, nil
	}
	s := strings.TrimSpace(str(a[0]))
	if i := strings.LastIndexByte(s, '.'); i >= 0 && !strings.HasSuffix(s, `"`) || strings.Contains(s, `".`) {
		s = s[strings.LastIndexByte(s, '.')+1:]
	}
	if strings.HasPrefix(s, `"`) {
		s = strings.ReplaceAll(strings.Trim(s, `"`), `""`, `"`)
	} else {
		s = strings.ToLower(s)
	}
	return int64(RelOID(s)), nil
}

func fnOID(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	return int64(ObjectOID(str(a[0]), str(a[1]))), nil
}

func fnFormatType(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil {
		return nil, nil
	}
	n, _ := toInt(a[0])
	tm := int64(-1)
	if a[1] != nil {
		tm, _ = toInt(a[1])
	}
	return FormatType(uint32(n), int32(tm)), nil
}

func fnCurrentSetting(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	name := strings.ToLower(str(a[0]))
	if v, ok := defaultSettings[name]; ok {
		return v, nil
	}
	if len(a) > 1 && truthy(a[1]) {
		return nil, nil
	}
	return nil, fmt.Errorf("unrecognized configuration parameter %q", name)
}

// DefaultSetting is the value a setting has where no session sets it.
func DefaultSetting(name string) (string, bool) {
	v, ok := defaultSettings[name]
	return v, ok
}

var defaultSettings = map[string]string{
	"server_version": PostgresVersion, "server_version_num": ServerVersionNum(PostgresVersion), "server_encoding": "UTF8",
	"client_encoding": "UTF8", "datestyle": "ISO, MDY", "timezone": "UTC", "search_path": `"$user", public`,
	"standard_conforming_strings": "on", "integer_datetimes": "on", "intervalstyle": "postgres",
	"max_identifier_length": "63", "transaction_isolation": "serializable", "default_transaction_isolation": "serializable",
	"is_superuser": "on", "lc_collate": "C.UTF-8", "lc_ctype": "C.UTF-8", "block_size": "8192",
}

func fnSizePretty(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	n, _ := toInt(a[0])
	units := []string{"bytes", "kB", "MB", "GB", "TB"}
	u := 0
	for n >= 10*1024 && u < len(units)-1 {
		n = (n + 512) / 1024
		u++
	}
	return strconv.FormatInt(n, 10) + " " + units[u], nil
}

func fnLeft(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil || a[1] == nil {
		return nil, nil
	}
	r := []rune(str(a[0]))
	n, _ := toInt(a[1])
	if n < 0 {
		n = int64(len(r)) + n
		if n < 0 {
			n = 0
		}
	}
	if n > int64(len(r)) {
		n = int64(len(r))
	}
	return string(r[:n]), nil
}

func fnRight(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil || a[1] == nil {
		return nil, nil
	}
	r := []rune(str(a[0]))
	n, _ := toInt(a[1])
	if n < 0 {
		n = int64(len(r)) + n
		if n < 0 {
			n = 0
		}
	}
	if n > int64(len(r)) {
		n = int64(len(r))
	}
	return string(r[int64(len(r))-n:]), nil
}

func fnSplitPart(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil || a[1] == nil || a[2] == nil {
		return nil, nil
	}
	parts := []string{str(a[0])} // an empty delimiter: the whole string is the one field
	if d := str(a[1]); d != "" {
		parts = strings.Split(parts[0], d) // Go's would split "" into every character
	}
	n, _ := toInt(a[2])
	if n == 0 {
		return nil, pgErr("22023", "field position must not be zero")
	}
	if n < 0 {
		n = int64(len(parts)) + n + 1
	}
	if n < 1 || n > int64(len(parts)) {
		return "", nil
	}
	return parts[n-1], nil
}

func fnUserByID(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	n, _ := toInt(a[0])
	switch uint32(n) {
	case OIDRoleSuper:
		return DefaultName, nil
	case OIDRoleDBOwner:
		return "pg_database_owner", nil
	}
	return "unknown (OID=" + strconv.FormatInt(n, 10) + ")", nil
}

// sizeFn backs pg_*_size(): SQLite keeps no per-relation size cheaply; the
// catalog reports one 8 kB page (documented).
func sizeFn(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	return int64(8192), nil
}

// NowText is now()'s value at t: timestamptz's canonical stored form, in
// UTC with the microseconds PostgreSQL keeps (no trailing zeros).
func NowText(t time.Time) string {
	return t.UTC().Format("2006-01-02 15:04:05.999999") + "+00"
}
