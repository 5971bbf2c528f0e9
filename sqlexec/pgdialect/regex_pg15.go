package pgdialect

// regex_pg15.go: PostgreSQL 15's regular-expression functions with a
// start position and an occurrence: regexp_replace's 4- to 6-argument
// forms, regexp_count, regexp_instr, regexp_substr and regexp_like, over
// the patterns and search loop of regexfuncs.go, with PostgreSQL's
// argument checks (22023 for a start below 1, a negative N, ...) and
// positions counted in characters. Pure functions of their arguments
// (registered deterministic).

import (
	"database/sql/driver"
	"errors"
	"unicode/utf8"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	"modernc.org/sqlite"
)

var regex15Funcs = map[string]struct {
	n int32
	f fn
}{
	"regexp_count":  {-1, fnRegexpCount},
	"regexp_instr":  {-1, fnRegexpInstr},
	"regexp_substr": {-1, fnRegexpSubstr},
	"regexp_like":   {-1, fnRegexpLike},
}

func init() {
	funcResultOIDs["regexp_count"] = pgoid.Int4
	funcResultOIDs["regexp_instr"] = pgoid.Int4
	funcResultOIDs["regexp_substr"] = pgoid.Text
	funcResultOIDs["regexp_like"] = pgoid.Bool
}

// regexIntArg reads the integer argument named name (an int4 in
// PostgreSQL's signature); below min is PostgreSQL's 22023.
func regexIntArg(fn string, v driver.Value, name string, min int64) (int64, error) {
	n, ok := v.(int64)
	if !ok {
		return 0, pgErr("42883", "function %s with a %s that is not an integer does not exist", fn, name)
	}
	if n < -1<<31 || n > 1<<31-1 {
		return 0, pgErr("22003", "integer out of range")
	}
	if n < min {
		return 0, pgErr("22023", "invalid value for parameter \"%s\": %d", name, n)
	}
	return n, nil
}

// charOffset is the byte offset of the character at 0-based character
// index n of s, len(s)+1 when s has fewer than n characters (no search).
func charOffset(s string, n int64) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	if n == 0 {
		return len(s)
	}
	return len(s) + 1
}

// regexSearch compiles pattern with flags (g refused: the function finds
// every match itself) and returns every match of s from the 1-based
// character start, as setup_regexp_matches with the global flag.
func regexSearch(fn string, s, pattern, flags string, start int64) ([][]int, error) {
	r, err := pgRegexp(fn, pattern, flags)
	if err != nil {
		return nil, err
	}
	if r.global {
		return nil, pgErr("22023", "%s() does not support the \"global\" option", fn)
	}
	from := charOffset(s, start-1)
	if from > len(s) {
		return nil, nil
	}
	r.global = true
	return r.matchesFrom(fn, s, from, true)
}

// fnRegexpCount is regexp_count(s, pattern[, start[, flags]]): the number
// of matches from start.
func fnRegexpCount(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if err := argCount("regexp_count", a, 2, 4); err != nil || anyNull(a) {
		return nil, err
	}
	start, flags := int64(1), ""
	var err error
	if len(a) > 2 {
		if start, err = regexIntArg("regexp_count", a[2], "start", 1); err != nil {
			return nil, err
		}
	}
	if len(a) > 3 {
		flags = str(a[3])
	}
	ms, err := regexSearch("regexp_count", str(a[0]), str(a[1]), flags, start)
	if err != nil {
		return nil, err
	}
	return int64(len(ms)), nil
}

// regexOccurrence reads regexp_instr's and regexp_substr's arguments and
// returns the byte span of the N-th match (or of its subexpr-th group);
// ok false when there is none.
func regexOccurrence(fn string, a []driver.Value, instr bool) (s string, so, eo int, endopt int64, ok bool, err error) {
	hi := 6
	if instr {
		hi = 7
	}
	if err = argCount(fn, a, 2, hi); err != nil || anyNull(a) {
		return "", 0, 0, 0, false, err
	}
	start, n, subexpr, flags := int64(1), int64(1), int64(0), ""
	k := 2
	if len(a) > k {
		if start, err = regexIntArg(fn, a[k], "start", 1); err != nil {
			return
		}
	}
	k++
	if len(a) > k {
		if n, err = regexIntArg(fn, a[k], "n", 1); err != nil {
			return
		}
	}
	k++
	if instr {
		if len(a) > k {
			if endopt, err = regexIntArg(fn, a[k], "endoption", 0); err != nil {
				return
			}
			if endopt > 1 {
				err = pgErr("22023", "invalid value for parameter \"%s\": %d", "endoption", endopt)
				return
			}
		}
		k++
	}
	if len(a) > k {
		flags = str(a[k])
	}
	k++
	if len(a) > k {
		if subexpr, err = regexIntArg(fn, a[k], "subexpr", 0); err != nil {
			return
		}
	}
	s = str(a[0])
	ms, err := regexSearch(fn, s, str(a[1]), flags, start)
	if err != nil || int64(len(ms)) < n {
		return
	}
	m := ms[n-1]
	groups := int64(len(m)/2 - 1)
	g := int64(0)
	if subexpr > 0 && groups > 0 {
		// PostgreSQL reads the groups only when the pattern has some;
		// without, subexpr 1 is the whole match
		if subexpr > groups {
			return
		}
		g = subexpr
	} else if subexpr > 1 {
		return
	}
	so, eo = m[2*g], m[2*g+1]
	if so < 0 {
		return
	}
	return s, so, eo, endopt, true, nil
}

// fnRegexpInstr is regexp_instr(s, pattern[, start[, N[, endoption[,
// flags[, subexpr]]]]]): the character position of the N-th match (after
// it with endoption 1), 0 for none.
func fnRegexpInstr(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	s, so, eo, endopt, ok, err := regexOccurrence("regexp_instr", a, true)
	if err != nil || anyNull(a) {
		return nil, err
	}
	if !ok {
		return int64(0), nil
	}
	p := so
	if endopt == 1 {
		p = eo
	}
	return int64(utf8.RuneCountInString(s[:p])) + 1, nil
}

// fnRegexpSubstr is regexp_substr(s, pattern[, start[, N[, flags[,
// subexpr]]]]): the N-th match's text (or its group's), NULL for none.
func fnRegexpSubstr(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	s, so, eo, _, ok, err := regexOccurrence("regexp_substr", a, false)
	if err != nil || !ok {
		return nil, err
	}
	return s[so:eo], nil
}

// fnRegexpLike is regexp_like(s, pattern[, flags]): whether s matches.
func fnRegexpLike(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	s, r, err := regexArgs("regexp_like", a)
	if err != nil || r == nil {
		return nil, err
	}
	if r.global {
		return nil, pgErr("22023", "regexp_like() does not support the \"global\" option")
	}
	m, err := r.matches("regexp_like", s, true)
	if err != nil {
		return nil, err
	}
	if len(m) > 0 {
		return int64(1), nil
	}
	return int64(0), nil
}

// regexpReplace is regexp_replace(s, pattern, replacement[, start[, N]][,
// flags]): from the 1-based character start, the N-th match replaced
// (every match for N 0; without N, every match with flag g, else the
// first).
func regexpReplace(a []driver.Value) (driver.Value, error) {
	if err := argCount("regexp_replace", a, 3, 6); err != nil || anyNull(a) {
		return nil, err
	}
	start, n, flags, nGiven := int64(1), int64(1), "", false
	var err error
	switch len(a) {
	case 4:
		// regexp_replace(s, p, r, flags text) or (s, p, r, start int)
		if _, isInt := a[3].(int64); isInt {
			start, err = regexIntArg("regexp_replace", a[3], "start", 1)
		} else if flags = str(a[3]); flags != "" && flags[0] >= '0' && flags[0] <= '9' {
			// PostgreSQL's textregexreplace: the text form chosen for an
			// untyped literal that reads as a start position
			return nil, errors.New(SQLStateText("22023", "invalid regular expression option: \""+flags[:1]+"\"", "",
				"If you meant to use regexp_replace() with a start parameter, cast the fourth argument to integer explicitly."))
		}
	case 5, 6:
		if start, err = regexIntArg("regexp_replace", a[3], "start", 1); err == nil {
			n, err = regexIntArg("regexp_replace", a[4], "n", 0)
			nGiven = true
		}
		if len(a) == 6 {
			flags = str(a[5])
		}
	}
	if err != nil {
		return nil, err
	}
	r, err := pgRegexp("regexp_replace", str(a[1]), flags)
	if err != nil {
		return nil, err
	}
	if !nGiven && r.global {
		n = 0
	}
	s, repl := str(a[0]), pgReplacement(str(a[2]))
	from := charOffset(s, start-1)
	if from > len(s) {
		return s, nil
	}
	r.global = true
	ms, err := r.matchesFrom("regexp_replace", s, from, true)
	if err != nil {
		return nil, err
	}
	if n > 0 {
		if int64(len(ms)) < n {
			return s, nil
		}
		ms = ms[n-1 : n]
	}
	var out []byte
	prev := 0
	for _, m := range ms {
		out = append(out, s[prev:m[0]]...)
		out = r.re.ExpandString(out, repl, s, m)
		prev = m[1]
		if len(out) > maxStringBytes {
			return nil, errors.New(SQLStateText("54000", "requested length too large", "", ""))
		}
	}
	return string(append(out, s[prev:]...)), nil
}
