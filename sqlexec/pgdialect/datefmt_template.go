package pgdialect

// datefmt_template.go: reading a to_char / to_date / to_timestamp
// template into its nodes as PostgreSQL's parse_format does (formatting.c,
// DCH_keywords and DCH_suff). The keyword table is PostgreSQL's whole
// table, in its order and with its case rules (a keyword matches only in
// the spellings the table lists: "YYYY" and "yyyy" but not "Yyyy", which
// is "Y" then "yyy"), so a template never loses a pattern to literal text:
// before it listed only the patterns it formatted, and "FF3", "CC", "RM",
// "Y,YYY", "TZH", "BC" or a lower-case "yyyy-mm-dd" came back as literal
// text or, in to_date, parsed nothing (0001-01-01).

import "strings"

// dateKeywords is PostgreSQL 15's DCH_keywords: for a position, the first
// entry that prefixes the template there is the keyword (longer spellings
// come first where one prefixes another).
var dateKeywords = []string{
	"A.D.", "A.M.", "AD", "AM", "B.C.", "BC", "CC", "DAY", "DDD", "DD", "DY", "Day", "Dy", "D",
	"FF1", "FF2", "FF3", "FF4", "FF5", "FF6", "FX", "HH24", "HH12", "HH",
	"IDDD", "ID", "IW", "IYYY", "IYY", "IY", "I", "J", "MI", "MM", "MONTH", "MON", "MS", "Month", "Mon",
	"OF", "P.M.", "PM", "Q", "RM", "SSSSS", "SSSS", "SS", "TZH", "TZM", "TZ", "US", "WW", "W",
	"Y,YYY", "YYYY", "YYY", "YY", "Y",
	"a.d.", "a.m.", "ad", "am", "b.c.", "bc", "cc", "day", "ddd", "dd", "dy", "d",
	"ff1", "ff2", "ff3", "ff4", "ff5", "ff6", "fx", "hh24", "hh12", "hh",
	"iddd", "id", "iw", "iyyy", "iyy", "iy", "i", "j", "mi", "mm", "month", "mon", "ms",
	"of", "p.m.", "pm", "q", "rm", "sssss", "ssss", "ss", "tzh", "tzm", "tz", "us", "ww", "w",
	"y,yyy", "yyyy", "yyy", "yy", "y",
}

// caseSensitiveKeywords are the keywords whose output follows their
// spelling (a name in upper, capitalised or lower case, AM/am, BC/bc,
// RM/rm, TZ/tz); every other lower-case keyword is its upper-case one.
var caseSensitiveKeywords = map[string]bool{
	"a.d.": true, "a.m.": true, "ad": true, "am": true, "b.c.": true, "bc": true,
	"day": true, "dy": true, "month": true, "mon": true, "p.m.": true, "pm": true,
	"rm": true, "tz": true,
}

// dateFmtNode is one node of a template: a keyword (key, as dateKeywords
// spells it, with canon its case-folded identity) with its prefix (FM, TM)
// and suffix (TH, th, SP), or one literal character (lit; quoted when it
// came from "double-quoted text").
type dateFmtNode struct {
	key, canon string
	fm, tm     bool
	th         string // "", "TH" or "th"
	lit        string
	quoted     bool
}

// parseDateTemplate reads format as parse_format does with DCH_FLAG: an
// optional FM/TM prefix, then a keyword with an optional TH/th/SP suffix,
// else a character (a prefix before a non-keyword is dropped); inside
// double quotes a backslash quotes the next character, outside them it is
// special only before a double quote.
func parseDateTemplate(format string) []dateFmtNode {
	var nodes []dateFmtNode
	for i := 0; i < len(format); {
		var n dateFmtNode
		if p := format[i:min(i+2, len(format))]; p == "FM" || p == "fm" {
			n.fm = true
			i += 2
		} else if p == "TM" || p == "tm" {
			n.tm = true
			i += 2
		}
		if i >= len(format) {
			break
		}
		if k := dateKeywordAt(format, i); k != "" {
			n.key, n.canon = k, k
			if !caseSensitiveKeywords[k] {
				n.canon = strings.ToUpper(k)
			}
			i += len(k)
			switch format[i:min(i+2, len(format))] {
			case "TH", "th":
				n.th = format[i : i+2]
				i += 2
			case "SP":
				i += 2 // spell mode: accepted and, as in PostgreSQL, ignored
			}
			nodes = append(nodes, n)
			continue
		}
		if format[i] == '"' {
			for i++; i < len(format); {
				if format[i] == '"' {
					i++
					break
				}
				if format[i] == '\\' && i+1 < len(format) {
					i++
				}
				l := utf8Len(format[i:])
				nodes = append(nodes, dateFmtNode{lit: format[i : i+l], quoted: true})
				i += l
			}
			continue
		}
		if format[i] == '\\' && i+1 < len(format) && format[i+1] == '"' {
			i++
		}
		l := utf8Len(format[i:])
		nodes = append(nodes, dateFmtNode{lit: format[i : i+l]})
		i += l
	}
	return nodes
}

// dateKeywordAt is the keyword at format[i:], or "".
func dateKeywordAt(format string, i int) string {
	for _, k := range dateKeywords {
		if strings.HasPrefix(format[i:], k) {
			return k
		}
	}
	return ""
}
