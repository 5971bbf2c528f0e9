package pgdialect

// text_decl.go: the declared SQLite types of name, xml, bit and varbit
// columns. The names carry "text" so SQLite gives the columns TEXT
// affinity: under the NUMERIC affinity of a plain "name" or "xml" SQLite
// would store the name '007' as the integer 7, the xml content '1.50' as
// the float 1.5 and the bit string '0101' as the integer 101. bit and
// varbit keep their length: bit_text(4).
// DeclTypeOID maps them back (types.go's aliases), as json_text
// (jsonb_order.go). Columns created before keep their declared type.

import pgoid "github.com/raftsql/raftsql/pgwire/oid"

const (
	nameDeclType = "name_text"
	// XMLDeclType is exported for the comparison check's catalog (typecompare.go).
	XMLDeclType    = "xml_text"
	bitDeclType    = "bit_text"
	varbitDeclType = "varbit_text"
)

// textDeclType is the declared type a column of type oid gets, "" unless
// name, xml, bit or varbit (whose modifier the caller appends).
func textDeclType(oid uint32) string {
	switch oid {
	case pgoid.Bit:
		return bitDeclType
	case pgoid.Varbit:
		return varbitDeclType
	case pgoid.Name:
		return nameDeclType
	case pgoid.XML:
		return XMLDeclType
	}
	return ""
}
