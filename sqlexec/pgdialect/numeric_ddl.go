package pgdialect

import (
	"strconv"
	"strings"
)

// NumericDeclType is the declared SQLite type of a numeric column:
// "numeric_text" (with the column's "(p,s)"). The name carries "text" so
// SQLite gives the column TEXT affinity — under NUMERIC affinity SQLite
// would turn the stored decimal text "0.30" into the binary float 0.3 —
// and DeclTypeOID maps it back to numeric(p,s).
const NumericDeclType = "numeric_text"

// numericColumn returns what CREATE TABLE / ADD COLUMN writes for a
// numeric column col declared with modifiers mods ("", "(10)", "(10,2)"):
// the declared type and the clause appended to the column definition —
// the pg_numeric collation, so comparisons, ORDER BY and indexes go by
// value, and a hidden CHECK that rejects what PostgreSQL's numeric input
// rejects (22P02, 22003), so a bad value is never stored.
func numericColumn(col, mods string) (decl, suffix string, err error) {
	typmod := int64(-1)
	if mods != "" {
		p, s, err := parseNumericMods(mods)
		if err != nil {
			return "", "", err
		}
		typmod = int64(numericTypmodOf(p, s))
		mods = "(" + strconv.Itoa(int(p)) + "," + strconv.Itoa(int(s)) + ")"
	}
	q := quoteIdent(col)
	suffix = " COLLATE " + NumericCollation +
		" CONSTRAINT " + quoteIdent(InternalCheckPrefix+"type_numeric_"+col) +
		" CHECK (pg_in_numeric(" + q + ", " + strconv.FormatInt(typmod, 10) + ") IS NOT NULL OR " + q + " IS NULL)"
	return NumericDeclType + mods, suffix, nil
}

// parseNumericMods checks "(p[,s])" as PostgreSQL does (22023).
func parseNumericMods(mods string) (p, s int32, err error) {
	parts := strings.Split(strings.Trim(mods, "() "), ",")
	if len(parts) > 2 {
		return 0, 0, &Error{Code: "22023", Message: "invalid NUMERIC type modifier"}
	}
	pp, perr := strconv.Atoi(strings.TrimSpace(parts[0]))
	ss := 0
	var serr error
	if len(parts) == 2 {
		ss, serr = strconv.Atoi(strings.TrimSpace(parts[1]))
	}
	switch {
	case perr != nil || serr != nil:
		return 0, 0, &Error{Code: "22023", Message: "invalid NUMERIC type modifier"}
	case pp < 1 || pp > maxNumericScale:
		return 0, 0, &Error{Code: "22023", Message: "NUMERIC precision " + strconv.Itoa(pp) + " must be between 1 and 1000"}
	case ss < -maxNumericScale || ss > maxNumericScale:
		return 0, 0, &Error{Code: "22023", Message: "NUMERIC scale " + strconv.Itoa(ss) + " must be between -1000 and 1000"}
	}
	return int32(pp), int32(ss), nil
}
