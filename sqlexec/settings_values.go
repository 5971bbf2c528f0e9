package sqlexec

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Settings whose value changes how PostgreSQL reads or prints values
// (DateStyle, IntervalStyle, standard_conforming_strings,
// extra_float_digits). raftsql implements one behaviour of each: the
// values that select it are accepted (in PostgreSQL's canonical
// spelling, as SHOW prints it), a value PostgreSQL rejects is rejected
// with PostgreSQL's 22023 error, and a value PostgreSQL accepts but
// raftsql does not implement is refused with 0A000 naming the setting
// and the value, never accepted and ignored (which would print or read
// values differently from PostgreSQL without a word). The same check
// runs on SET and on startup parameters (options -c name=value too), as
// clients such as JDBC send DateStyle and extra_float_digits at connect.

// checkSetting validates val for setting name (lower case) and returns
// the value to store: PostgreSQL's canonical form where it has one.
// Settings it does not know pass through unchanged.
func checkSetting(name, val string) (string, error) {
	switch name {
	case "datestyle":
		return checkDateStyle(val)
	case "intervalstyle":
		v := strings.ToLower(strings.TrimSpace(val))
		switch v {
		case "postgres":
			return v, nil
		case "postgres_verbose", "sql_standard", "iso_8601":
			return "", unsupportedSetting("IntervalStyle", val, "Only IntervalStyle postgres is supported.")
		}
		return "", &Error{Code: CodeInvalidParameter, Message: fmt.Sprintf("invalid value for parameter \"intervalstyle\": %q", val),
			HintText: "Available values: postgres, postgres_verbose, sql_standard, iso_8601.", Statement: -1}
	case "standard_conforming_strings":
		b, ok := parseBoolSetting(val)
		if !ok {
			return "", &Error{Code: CodeInvalidParameter, Message: "parameter \"standard_conforming_strings\" requires a Boolean value", Statement: -1}
		}
		if !b {
			return "", unsupportedSetting("standard_conforming_strings", val, "Only standard_conforming_strings on is supported: backslashes in ordinary string literals are literal.")
		}
		return "on", nil
	case "client_min_messages":
		return checkMinMessages(val) // minmessages.go
	case "extra_float_digits":
		f, err := strconv.ParseFloat(strings.TrimSpace(val), 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return "", &Error{Code: CodeInvalidParameter, Message: fmt.Sprintf("invalid value for parameter \"extra_float_digits\": %q", val), Statement: -1}
		}
		n := int(math.RoundToEven(f)) // PostgreSQL's parse_int rounds with rint
		if n < -15 || n > 3 {
			return "", &Error{Code: CodeInvalidParameter, Message: fmt.Sprintf("%d is outside the valid range for parameter \"extra_float_digits\" (-15 .. 3)", n), Statement: -1}
		}
		if n <= 0 {
			// extra_float_digits 1..3 all print the shortest text that
			// reads back exactly (PostgreSQL 12+), which is raftsql's one
			// float format; 0 and below print fewer digits.
			return "", unsupportedSetting("extra_float_digits", val, "Only extra_float_digits 1 to 3 (shortest exact float output) are supported.")
		}
		return strconv.Itoa(n), nil
	}
	return val, nil
}

// checkDateStyle accepts the DateStyle values that mean ISO output with
// MDY field order ("ISO, MDY", "ISO", "MDY", "US", "DEFAULT", ...): the
// only output style raftsql prints, and the order its date input reads
// ambiguous dates in (pgdialect/datetime.go).
func checkDateStyle(val string) (string, error) {
	style, order := "", ""
	for _, f := range strings.Split(val, ",") {
		k := strings.ToLower(strings.TrimSpace(f))
		var s, o string
		switch k {
		case "iso":
			s = "ISO"
		case "sql", "postgres", "german":
			s = k
		case "ymd":
			o = "YMD"
		case "dmy", "euro", "european":
			o = "DMY"
		case "mdy", "us", "noneuro", "noneuropean":
			o = "MDY"
		case "default":
			s, o = "ISO", "MDY"
		default:
			return "", &Error{Code: CodeInvalidParameter, Message: fmt.Sprintf("invalid value for parameter \"DateStyle\": %q", val),
				DetailText: fmt.Sprintf("Unrecognized key word: %q.", strings.TrimSpace(f)), Statement: -1}
		}
		if s != "" && style != "" && s != style || o != "" && order != "" && o != order {
			return "", &Error{Code: CodeInvalidParameter, Message: fmt.Sprintf("invalid value for parameter \"DateStyle\": %q", val),
				DetailText: "Conflicting \"datestyle\" specifications.", Statement: -1}
		}
		if s != "" {
			style = s
		}
		if o != "" {
			order = o
		}
	}
	if style != "" && style != "ISO" {
		return "", unsupportedSetting("DateStyle", val, "Only DateStyle ISO output is supported.")
	}
	if order != "" && order != "MDY" {
		return "", unsupportedSetting("DateStyle", val, "Only MDY field order is supported for reading ambiguous dates.")
	}
	return "ISO, MDY", nil
}

func unsupportedSetting(name, val, hint string) error {
	return &Error{Code: CodeFeatureNotSupported, Message: fmt.Sprintf("%s %q is not supported", name, val), HintText: hint, Statement: -1}
}

// parseBoolSetting reads a boolean setting as PostgreSQL's parse_bool
// does (on, off, true, false, yes, no, 1, 0 and unique prefixes).
func parseBoolSetting(v string) (b, ok bool) {
	v = strings.ToLower(strings.TrimSpace(v))
	if v == "" {
		return false, false
	}
	switch {
	case v == "on" || v == "1" || strings.HasPrefix("true", v) || strings.HasPrefix("yes", v):
		return true, true
	case len(v) >= 2 && strings.HasPrefix("off", v) || v == "0" || strings.HasPrefix("false", v) || strings.HasPrefix("no", v):
		return false, true
	}
	return false, false
}
