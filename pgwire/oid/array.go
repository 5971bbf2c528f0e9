package oid

// Array types: PostgreSQL's _<element> types (pg_type.typarray of each
// element type), as PostgreSQL 15 numbers them. The values are one
// dimension, stored and sent in PostgreSQL's text form ('{1,2}'; package
// pgwire/pgarray), and in the binary array format when a client asks.
const (
	BoolArray        uint32 = 1000
	ByteaArray       uint32 = 1001
	CharArray        uint32 = 1002
	NameArray        uint32 = 1003
	Int2Array        uint32 = 1005
	Int4Array        uint32 = 1007
	TextArray        uint32 = 1009
	BpcharArray      uint32 = 1014
	VarcharArray     uint32 = 1015
	Int8Array        uint32 = 1016
	Float4Array      uint32 = 1021
	Float8Array      uint32 = 1022
	OIDArray         uint32 = 1028
	TimestampArray   uint32 = 1115
	DateArray        uint32 = 1182
	TimeArray        uint32 = 1183
	TimestamptzArray uint32 = 1185
	IntervalArray    uint32 = 1187
	NumericArray     uint32 = 1231
	UUIDArray        uint32 = 2951
	JSONArray        uint32 = 199
	JSONBArray       uint32 = 3807
)

// arrayOf maps an element type to its array type.
var arrayOf = map[uint32]uint32{
	Bool: BoolArray, Bytea: ByteaArray, Char: CharArray, Name: NameArray,
	Int2: Int2Array, Int4: Int4Array, Text: TextArray, Bpchar: BpcharArray,
	Varchar: VarcharArray, Int8: Int8Array, Float4: Float4Array, Float8: Float8Array,
	OID: OIDArray, Timestamp: TimestampArray, Date: DateArray, Time: TimeArray,
	Timestamptz: TimestamptzArray, Interval: IntervalArray, Numeric: NumericArray,
	UUID: UUIDArray, JSON: JSONArray, JSONB: JSONBArray,
}

var elemOf = map[uint32]uint32{}

func init() {
	for e, a := range arrayOf {
		elemOf[a] = e
		table[a] = info{"_" + table[e].name, -1}
	}
}

// ArrayOf is the array type of element type e (0 when it has none here).
func ArrayOf(e uint32) uint32 { return arrayOf[e] }

// ElemOf is the element type of array type a (0 when a is not an array
// type in the table).
func ElemOf(a uint32) uint32 { return elemOf[a] }
