package pgdialect

import "strings"

func (x *tx) copy() (*Stmt, error) {
	spec := &CopySpec{Format: "text"}
	i := 1
	var q *Stmt
	if x.isP(i, "(") {
		e := x.match(i)
		inner, err := Translate(x.orig(i+1, e))
		if err != nil {
			return nil, err
		}
		if inner.Kind != KindQuery || len(inner.Exec) != 1 {
			return nil, unsupported("COPY (%s) is not supported", inner.Tag)
		}
		q = inner
		spec.Query = inner.Exec[0]
		i = e + 1
	} else {
		if x.kw(i, "BINARY") { // pre-7.3 syntax
			spec.Format = "binary"
			i++
		}
		n, j := x.name(i)
		if n == "" {
			return nil, x.syntaxErrAt(i)
		}
		spec.Table = n
		i = j
		if x.isP(i, "(") {
			e := x.match(i)
			for _, p := range x.splitTop(i+1, e) {
				c, _ := x.name(p[0])
				spec.Columns = append(spec.Columns, c)
			}
			i = e + 1
		}
	}
	kind := KindCopyFrom
	switch {
	case x.kw(i, "FROM"):
		if q != nil {
			return nil, syntaxErr(x.T(i).pos+1, "syntax error at or near \"FROM\"")
		}
	case x.kw(i, "TO"):
		kind = KindCopyTo
	default:
		return nil, x.syntaxErrAt(i)
	}
	i++
	switch {
	case x.kw(i, "STDIN") && kind == KindCopyFrom, x.kw(i, "STDOUT") && kind == KindCopyTo:
		i++
	case x.kw(i, "PROGRAM"):
		return nil, unsupported("COPY ... PROGRAM is not supported")
	default:
		if x.T(i).typ == tString {
			return nil, unsupported("COPY to or from a server file is not supported; use STDIN/STDOUT (psql \\copy)")
		}
		return nil, x.syntaxErrAt(i)
	}
	strVal := func(k int) (string, bool) {
		t := x.T(k)
		if s, ok := unquoteString(t); ok {
			return s, true
		}
		if t.typ == tIdent || t.typ == tNumber {
			return strings.ToLower(t.text), true
		}
		return "", false
	}
	boolVal := func(k int) (bool, int) {
		t := x.T(k)
		if t.typ == tIdent || t.typ == tString || t.typ == tNumber {
			s, _ := strVal(k)
			switch strings.ToLower(s) {
			case "true", "on", "1", "t", "yes":
				return true, k + 1
			case "false", "off", "0", "f", "no":
				return false, k + 1
			}
		}
		return true, k
	}
	var explicit struct{ delim, null, quote, escape bool }
	if x.kw(i, "WITH") {
		i++
	}
	if x.isP(i, "(") {
		e := x.match(i)
		for _, p := range x.splitTop(i+1, e) {
			k := p[0]
			opt := strings.ToLower(x.T(k).text)
			k++
			switch opt {
			case "format":
				v, _ := strVal(k)
				spec.Format = v
			case "header":
				if x.kw(k, "MATCH") {
					spec.Header = true
				} else {
					spec.Header, _ = boolVal(k)
				}
			case "freeze":
				spec.Freeze, _ = boolVal(k)
			case "delimiter":
				spec.Delimiter, _ = strVal(k)
				explicit.delim = true
			case "null":
				spec.Null, _ = strVal(k)
				explicit.null = true
			case "quote":
				spec.Quote, _ = strVal(k)
				explicit.quote = true
			case "escape":
				spec.Escape, _ = strVal(k)
				explicit.escape = true
			case "encoding":
				spec.Encoding, _ = strVal(k)
			case "force_quote", "force_not_null", "force_null", "oids", "default":
				// accepted, ignored
			default:
				return nil, syntaxErr(x.T(p[0]).pos+1, "option %q not recognized", opt)
			}
		}
		i = e + 1
	} else {
		for i < x.n() {
			switch {
			case x.kw(i, "BINARY"):
				spec.Format = "binary"
				i++
			case x.kw(i, "CSV"):
				spec.Format = "csv"
				i++
			case x.kw(i, "HEADER"):
				spec.Header = true
				i++
			case x.kw(i, "FREEZE"):
				spec.Freeze = true
				i++
			case x.kw(i, "OIDS"):
				i++
			case x.kw(i, "DELIMITER"), x.kw(i, "NULL"), x.kw(i, "QUOTE"), x.kw(i, "ESCAPE"), x.kw(i, "ENCODING"):
				opt := x.T(i).upper()
				i++
				if x.kw(i, "AS") {
					i++
				}
				v, _ := strVal(i)
				i++
				switch opt {
				case "DELIMITER":
					spec.Delimiter, explicit.delim = v, true
				case "NULL":
					spec.Null, explicit.null = v, true
				case "QUOTE":
					spec.Quote, explicit.quote = v, true
				case "ESCAPE":
					spec.Escape, explicit.escape = v, true
				case "ENCODING":
					spec.Encoding = v
				}
			case x.kw(i, "FORCE"):
				i++
				if x.kw(i, "NOT") {
					i++
				}
				i++ // QUOTE / NULL
				if x.isP(i, "*") {
					i++
				} else {
					for {
						_, i = x.name(i)
						if !x.isP(i, ",") {
							break
						}
						i++
					}
				}
			case x.kw(i, "WHERE"):
				return nil, unsupported("COPY ... WHERE is not supported")
			default:
				return nil, x.syntaxErrAt(i)
			}
		}
	}
	if i < x.n() {
		if x.kw(i, "WHERE") {
			return nil, unsupported("COPY ... WHERE is not supported")
		}
		return nil, x.syntaxErrAt(i)
	}
	switch spec.Format {
	case "text", "csv", "binary":
	default:
		return nil, &Error{Code: "22023", Message: "COPY format \"" + spec.Format + "\" not recognized"}
	}
	if !explicit.delim {
		spec.Delimiter = "\t"
		if spec.Format == "csv" {
			spec.Delimiter = ","
		}
	}
	if !explicit.null {
		spec.Null = `\N`
		if spec.Format == "csv" {
			spec.Null = ""
		}
	}
	if spec.Format == "csv" {
		if !explicit.quote {
			spec.Quote = `"`
		}
		if !explicit.escape {
			spec.Escape = spec.Quote
		}
	}
	st := &Stmt{Kind: kind, Tag: "COPY", Copy: spec}
	if q != nil {
		st.ParamCount, st.ParamOIDs, st.ColumnOIDs, st.ColumnMods = q.ParamCount, q.ParamOIDs, q.ColumnOIDs, q.ColumnMods
	}
	return st, nil
}
