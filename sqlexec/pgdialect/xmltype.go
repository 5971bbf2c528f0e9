package pgdialect

// xmltype.go: the xml type's input, as PostgreSQL's xml_in with
// xmloption CONTENT (the default): the text must be well-formed XML
// content (any sequence of elements, text, comments, processing
// instructions and CDATA, with an XML declaration only at the start),
// else 2200N `invalid XML content`. The value is stored unchanged, as
// PostgreSQL stores it (xml::text is the input); PostgreSQL's xml_out
// also drops a plain declaration (<?xml version="1.0"?>) when it prints
// an xml value, which is not done here. The well-formedness check is Go's encoding/xml in strict mode, not
// libxml2: the error has no DETAIL (libxml2's line and caret).
//
// xml has no comparison operators in PostgreSQL: a comparison the
// statement shows to be of xml values is 42883 (xmlCompareErr).

import (
	"database/sql/driver"
	"encoding/xml"
	"errors"
	"io"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	sqlite "modernc.org/sqlite"
)

func invalidXML() error { return pgErr("2200N", "invalid XML content") }

// fnInXML is pg_in_xml(value, typmod) and, with one argument, the cast
// pg_cast_xml(value).
func fnInXML(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	v, err := textValue(a[0])
	if err != nil || v == nil {
		return v, err
	}
	s := v.(string)
	if err := checkXMLContent(s); err != nil {
		return nil, err
	}
	return s, nil
}

// checkXMLContent reports whether s is well-formed XML content.
func checkXMLContent(s string) error {
	d := xml.NewDecoder(strings.NewReader(s))
	d.Strict = true
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	for {
		off := d.InputOffset()
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return invalidXML()
		}
		if pi, ok := tok.(xml.ProcInst); ok && strings.EqualFold(pi.Target, "xml") && off != 0 {
			return invalidXML() // a declaration after the start
		}
	}
}

// xmlCompareErr is PostgreSQL's 42883 for the comparison at i between
// ls..i-1 and i+1..re-1 when the statement shows an operand to be xml
// (a cast) and the other's type is known: xml has no comparison
// operators. A comparison with a column, whose type is not in the
// statement, is typecompare_columns.go's to refuse.
func (x *tx) xmlCompareErr(i, ls, re int) error {
	l, r := x.exprOID(ls, i), x.exprOID(i+1, re)
	if l != pgoid.XML && r != pgoid.XML || l == 0 || r == 0 {
		return nil // an operand of a type not known here (a column): typecompare_columns.go's check on the SQLite text
	}
	name := func(o uint32) string {
		if o == 0 || o == pgoid.Unknown {
			return "unknown"
		}
		return FormatType(o, -1)
	}
	return &Error{Code: "42883", Message: "operator does not exist: " + name(l) + " " + x.T(i).text + " " + name(r), Position: x.T(i).pos + 1}
}
