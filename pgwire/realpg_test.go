package pgwire

import (
	"os"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgproto3"
)

// TestCompareWithRealPostgres sends the same raw message scripts to this
// server (fake engine) and to a real PostgreSQL 15 whose address is in
// PGWIRE_REAL_PG (host:port, trust auth for user postgres), and compares
// the answers. Skipped without the variable.
func TestCompareWithRealPostgres(t *testing.T) {
	realAddr := os.Getenv("PGWIRE_REAL_PG")
	if realAddr == "" {
		t.Skip("PGWIRE_REAL_PG not set")
	}
	ts := startServer(t, Config{})
	gen := "SELECT * FROM generate_series(1, 5)"
	scripts := map[string][]pgproto3.FrontendMessage{
		"row-limit": {&pgproto3.Parse{Name: "s1", Query: gen}, &pgproto3.Bind{PreparedStatement: "s1"}, &pgproto3.Describe{ObjectType: 'P'},
			&pgproto3.Execute{MaxRows: 2}, &pgproto3.Execute{MaxRows: 2}, &pgproto3.Execute{MaxRows: 2}, &pgproto3.Execute{MaxRows: 2}, &pgproto3.Sync{}},
		"row-limit-exact": {&pgproto3.Parse{Query: "SELECT 1"}, &pgproto3.Bind{}, &pgproto3.Execute{MaxRows: 1}, &pgproto3.Execute{MaxRows: 1}, &pgproto3.Sync{}},
		"dup-stmt": {&pgproto3.Parse{Name: "d", Query: "SELECT 1"}, &pgproto3.Sync{}, &pgproto3.Parse{Name: "d", Query: "SELECT 1"}, &pgproto3.Bind{PreparedStatement: "d"},
			&pgproto3.Execute{}, &pgproto3.Sync{}, &pgproto3.Sync{}},
		"empty-ext":     {&pgproto3.Parse{Query: ""}, &pgproto3.Bind{}, &pgproto3.Describe{ObjectType: 'P'}, &pgproto3.Execute{}, &pgproto3.Sync{}},
		"empty-simple":  {&pgproto3.Query{String: ""}, &pgproto3.Query{String: ";"}, &pgproto3.Query{String: "-- c"}},
		"no-stmt":       {&pgproto3.Bind{PreparedStatement: "nope"}, &pgproto3.Sync{}, &pgproto3.Describe{ObjectType: 'S', Name: "nope"}, &pgproto3.Sync{}},
		"close-missing": {&pgproto3.Close{ObjectType: 'S', Name: "nope"}, &pgproto3.Close{ObjectType: 'P', Name: "nope"}, &pgproto3.Sync{}},
		"no-portal":     {&pgproto3.Execute{Portal: "nope"}, &pgproto3.Sync{}, &pgproto3.Describe{ObjectType: 'P', Name: "nope"}, &pgproto3.Sync{}},
		"param-count":   {&pgproto3.Parse{Query: "SELECT $1::int4"}, &pgproto3.Bind{}, &pgproto3.Sync{}},
		"bad-binary":    {&pgproto3.Parse{Query: "SELECT $1::int4"}, &pgproto3.Bind{ParameterFormatCodes: []int16{1}, Parameters: [][]byte{{1}}}, &pgproto3.Sync{}},
		"bad-text":      {&pgproto3.Parse{Query: "SELECT $1::int4"}, &pgproto3.Bind{Parameters: [][]byte{[]byte("x")}}, &pgproto3.Sync{}},
		"copy-outside":  {&pgproto3.CopyData{Data: []byte("x")}, &pgproto3.CopyDone{}, &pgproto3.CopyFail{Message: "x"}, &pgproto3.Query{String: "SELECT 1"}},
		"multi":         {&pgproto3.Query{String: "SELECT 1; SELECT 2"}},
		"dup-portal": {&pgproto3.Parse{Name: "p", Query: gen}, &pgproto3.Bind{DestinationPortal: "x", PreparedStatement: "p"}, &pgproto3.Bind{DestinationPortal: "x", PreparedStatement: "p"},
			&pgproto3.Sync{}},
		"named-portal-across-sync": {&pgproto3.Parse{Name: "q", Query: gen}, &pgproto3.Bind{DestinationPortal: "y", PreparedStatement: "q"}, &pgproto3.Sync{},
			&pgproto3.Execute{Portal: "y", MaxRows: 1}, &pgproto3.Sync{}},
		"formats": {&pgproto3.Parse{Query: "SELECT $1::int4 AS a, $2::text AS b"}, &pgproto3.Describe{ObjectType: 'S'},
			&pgproto3.Bind{ParameterFormatCodes: []int16{1, 0}, Parameters: [][]byte{{0, 0, 0, 7}, []byte("t")}, ResultFormatCodes: []int16{1}},
			&pgproto3.Describe{ObjectType: 'P'}, &pgproto3.Execute{}, &pgproto3.Sync{}},
		"bad-result-formats": {&pgproto3.Parse{Query: "SELECT 1"}, &pgproto3.Bind{ResultFormatCodes: []int16{0, 0}}, &pgproto3.Sync{}},
	}
	run := func(addr, user string, msgs []pgproto3.FrontendMessage) []string {
		r := dialRaw(t, addr)
		r.send(&pgproto3.StartupMessage{ProtocolVersion: pgproto3.ProtocolVersionNumber, Parameters: map[string]string{"user": user, "database": "postgres"}})
		r.readUntilReady()
		r.send(msgs...)
		r.send(&pgproto3.Query{String: "SELECT 'end-marker'"})
		var out []string
		for {
			m, err := r.fe.Receive()
			if err != nil {
				out = append(out, "EOF")
				return out
			}
			s := describeMsg(m)
			if pe, ok := m.(*pgproto3.ErrorResponse); ok {
				s += " " + pe.Message
			}
			out = append(out, s)
			if s == "DataRow(end-marker)" {
				r.readUntilReady()
				return out[:len(out)-2]
			}
		}
	}
	for name, msgs := range scripts {
		got := run(ts.addr, "postgres", msgs)
		want := run(realAddr, "postgres", msgs)
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s:\n pg:   %v\n ours: %v", name, want, got)
		}
	}
}
