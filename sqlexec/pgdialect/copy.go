package pgdialect

import (
	"fmt"
	"strings"
)

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
		spec.QueryOIDs = inner.ColumnOIDs
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
			case "force_quote", "force_not_null", "force_null":
				if x.isP(k, "*") && opt == "force_quote" && k+1 == p[1] {
					if spec.ForceQuoteAll || spec.ForceQuote != nil {
						return nil, syntaxErr(x.T(p[0]).pos+1, "conflicting or redundant options")
					}
					spec.ForceQuoteAll = true
					continue
				}
				if !x.isP(k, "(") || x.match(k)+1 != p[1] {
					return nil, &Error{Code: "22023", Message: fmt.Sprintf("argument to option %q must be a list of column names", opt), Position: x.T(p[0]).pos + 1}
				}
				if x.match(k) == k+1 {
					return nil, x.syntaxErrAt(k + 1)
				}
				var names []string
				for _, c := range x.splitTop(k+1, x.match(k)) {
					n, e := x.name(c[0])
					if n == "" || e != c[1] {
						return nil, &Error{Code: "22023", Message: fmt.Sprintf("argument to option %q must be a list of column names", opt), Position: x.T(p[0]).pos + 1}
					}
					names = append(names, n)
				}
				dst := map[string]*[]string{"force_quote": &spec.ForceQuote, "force_not_null": &spec.ForceNotNull, "force_null": &spec.ForceNull}[opt]
				if *dst != nil || opt == "force_quote" && spec.ForceQuoteAll {
					return nil, syntaxErr(x.T(p[0]).pos+1, "conflicting or redundant options")
				}
				*dst = names
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
			case x.kw(i, "FORCE", "QUOTE"), x.kw(i, "FORCE", "NOT", "NULL"), x.kw(i, "FORCE", "NULL"):
				// the pre-9.0 forms: FORCE QUOTE * | FORCE QUOTE a, b |
				// FORCE NOT NULL a, b | FORCE NULL a, b
				dst := &spec.ForceQuote
				switch {
				case x.kw(i+1, "NOT"):
					dst = &spec.ForceNotNull
					i += 3
				case x.kw(i+1, "NULL"):
					dst = &spec.ForceNull
					i += 2
				default:
					i += 2
					if x.isP(i, "*") {
						spec.ForceQuoteAll = true
						i++
						continue
					}
				}
				for {
					n, j := x.name(i)
					if n == "" {
						return nil, x.syntaxErrAt(i)
					}
					*dst = append(*dst, n)
					i = j
					if !x.isP(i, ",") {
						break
					}
					i++
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
	if spec.Encoding != "" {
		if err := copyEncoding(spec.Encoding); err != nil {
			return nil, err
		}
	}
	switch force := spec.ForceQuoteAll || spec.ForceQuote != nil; {
	case force && spec.Format != "csv":
		return nil, unsupported("COPY force quote available only in CSV mode")
	case force && kind == KindCopyFrom:
		return nil, unsupported("COPY force quote only available using COPY TO")
	case spec.ForceNotNull != nil && spec.Format != "csv":
		return nil, unsupported("COPY force not null available only in CSV mode")
	case spec.ForceNotNull != nil && kind == KindCopyTo:
		return nil, unsupported("COPY force not null only available using COPY FROM")
	case spec.ForceNull != nil && spec.Format != "csv":
		return nil, unsupported("COPY force null available only in CSV mode")
	case spec.ForceNull != nil && kind == KindCopyTo:
		return nil, unsupported("COPY force null only available using COPY FROM")
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

// copyEncoding checks COPY's ENCODING option. Data is read and written as
// UTF8 only (as client_encoding): another encoding's bytes read as UTF8
// could be other characters, so naming one is refused rather than
// ignored.
func copyEncoding(name string) error {
	var b strings.Builder
	for _, c := range strings.ToLower(name) { // PostgreSQL's clean_encoding_name
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			b.WriteRune(c)
		}
	}
	n := b.String()
	switch {
	case n == "utf8" || n == "unicode":
		return nil
	case pgEncodings[n] || strings.HasPrefix(n, "latin") || strings.HasPrefix(n, "iso8859") || strings.HasPrefix(n, "win") || strings.HasPrefix(n, "windows"):
		return unsupported("COPY with ENCODING %q is not supported: raftsql reads and writes UTF8 only", name)
	}
	return &Error{Code: "22023", Message: `argument to option "encoding" must be a valid encoding name`}
}

// pgEncodings are PostgreSQL's encoding names and aliases other than
// UTF8 (those starting latin, iso8859, win and windows are matched by
// prefix).
var pgEncodings = map[string]bool{
	"sqlascii": true, "eucjp": true, "euccn": true, "euckr": true, "euctw": true, "eucjis2004": true,
	"mulecinternal": true, "koi8": true, "koi8r": true, "koi8u": true, "alt": true, "sjis": true,
	"shiftjis": true, "shiftjis2004": true, "mskanji": true, "big5": true, "gbk": true, "uhc": true,
	"gb18030": true, "johab": true, "tcvn": true, "tcvn5712": true, "vscii": true, "abc": true,
}
