package integration

// The network address types through pgx (issue 11): Go applications keep
// client addresses in inet columns as netip.Prefix, netip.Addr or
// *net.IPNet and MAC addresses as net.HardwareAddr; pgx sends and reads
// them in the binary format (the text format in the simple protocol; a
// net.HardwareAddr parameter of unknown type would go as bytea, in
// PostgreSQL too, so MAC parameters are sent as text).
// Like the rest of pgx_test.go this runs against PostgreSQL too
// (RAFTSQL_REFERENCE_URL), which keeps the expectations PostgreSQL's.

import (
	"context"
	"errors"
	"net"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// TestPgxNetworkTypes writes inet, cidr, macaddr and macaddr8 parameters
// in every QueryExecMode, reads them back on another node, finds rows by
// parameter (equality and containment) and copies rows in with binary COPY.
func TestPgxNetworkTypes(t *testing.T) {
	urls := e2eURLs(t)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	w := connect(t, urls[1])
	r := connect(t, urls[2])
	mustExec(t, w, "CREATE TABLE netp (id bigint PRIMARY KEY, addr inet UNIQUE, net cidr, mac macaddr, mac8 macaddr8)")

	_, ipnet, err := net.ParseCIDR("192.168.0.0/16")
	if err != nil {
		t.Fatal(err)
	}
	mac, err := net.ParseMAC("08:00:2b:01:02:03")
	if err != nil {
		t.Fatal(err)
	}
	mac8, err := net.ParseMAC("08:00:2b:01:02:03:04:05")
	if err != nil {
		t.Fatal(err)
	}
	modes := []pgx.QueryExecMode{pgx.QueryExecModeCacheStatement, pgx.QueryExecModeCacheDescribe,
		pgx.QueryExecModeDescribeExec, pgx.QueryExecModeExec, pgx.QueryExecModeSimpleProtocol}
	for i, mode := range modes {
		id := int64(i + 1)
		// one address per mode: an IPv4 host, a network with host bits, IPv6
		addrs := []netip.Prefix{netip.MustParsePrefix("10.0.0.1/32"), netip.MustParsePrefix("10.1.2.3/8"),
			netip.MustParsePrefix("2001:db8::1/64"), netip.MustParsePrefix("::ffff:1.2.3.4/128"), netip.MustParsePrefix("172.16.5.4/12")}
		addr := addrs[i]
		if _, err := w.Exec(ctx, "INSERT INTO netp VALUES ($1, $2, $3, $4, $5)", mode, id, addr, ipnet, mac.String(), mac8.String()); err != nil {
			t.Fatalf("mode %v: insert: %v", mode, err)
		}
		var gotAddr netip.Prefix
		var gotNet *net.IPNet
		var gotMac, gotMac8 net.HardwareAddr
		var text string
		err := r.QueryRow(ctx, "SELECT addr, net, mac, mac8, addr::text FROM netp WHERE id = $1", mode, id).
			Scan(&gotAddr, &gotNet, &gotMac, &gotMac8, &text)
		if err != nil {
			t.Fatalf("mode %v: select: %v", mode, err)
		}
		if gotAddr != addr || gotNet.String() != ipnet.String() || gotMac.String() != mac.String() || gotMac8.String() != mac8.String() {
			t.Errorf("mode %v: got %v %v %v %v, want %v %v %v %v", mode, gotAddr, gotNet, gotMac, gotMac8, addr, ipnet, mac, mac8)
		}
		if text != addr.String() {
			t.Errorf("mode %v: addr::text = %q, want %q", mode, text, addr.String())
		}
		// found by the column's type and by containment
		var n int64
		if err := r.QueryRow(ctx, "SELECT id FROM netp WHERE addr = $1", mode, addr).Scan(&n); err != nil || n != id {
			t.Errorf("mode %v: WHERE addr = $1: %d, %v", mode, n, err)
		}
		var inside bool
		all := netip.MustParsePrefix("::/0")
		if addr.Addr().Is4() {
			all = netip.MustParsePrefix("0.0.0.0/0")
		}
		if err := r.QueryRow(ctx, "SELECT $1::inet << $2::cidr", mode, addr, all).Scan(&inside); err != nil || !inside {
			t.Errorf("mode %v: $1::inet << $2::cidr: %v, %v", mode, inside, err)
		}
		var a netip.Addr
		if err := r.QueryRow(ctx, "SELECT host(addr)::inet FROM netp WHERE id = $1", mode, id).Scan(&a); err != nil || a != addr.Addr() {
			t.Errorf("mode %v: host(addr)::inet = %v, %v; want %v", mode, a, err, addr.Addr())
		}
	}
	var ids []int64
	rows, err := r.Query(ctx, "SELECT id FROM netp WHERE addr << $1 ORDER BY addr", netip.MustParsePrefix("10.0.0.0/8"))
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	if rows.Err() != nil || len(ids) != 1 || ids[0] != 1 {
		t.Errorf("addr << 10.0.0.0/8: %v, %v (want [1]: 10.1.2.3/8 is not strictly inside)", ids, rows.Err())
	}

	// binary COPY of the types, and a refused one
	src := pgx.CopyFromRows([][]any{
		{int64(10), netip.MustParsePrefix("10.9.9.9/32"), netip.MustParsePrefix("10.9.0.0/16"), mac, mac8},
		{int64(11), netip.MustParsePrefix("fe80::1/10"), netip.MustParsePrefix("fe80::/10"), nil, nil},
	})
	if n, err := w.CopyFrom(ctx, pgx.Identifier{"netp"}, []string{"id", "addr", "net", "mac", "mac8"}, src); err != nil || n != 2 {
		t.Fatalf("CopyFrom: %d, %v", n, err)
	}
	var got netip.Prefix
	if err := r.QueryRow(ctx, "SELECT net FROM netp WHERE id = 10").Scan(&got); err != nil || got != netip.MustParsePrefix("10.9.0.0/16") {
		t.Errorf("copied net: %v, %v", got, err)
	}
	// text COPY: other spellings in, the types' output out
	if _, err := w.PgConn().CopyFrom(ctx, strings.NewReader("20\t10.9.9.8\t10.9/16\t0800.2b01.0299\t08002b0102030499\n"),
		"COPY netp (id, addr, net, mac, mac8) FROM STDIN"); err != nil {
		t.Fatalf("COPY FROM STDIN: %v", err)
	}
	var buf strings.Builder
	if _, err := r.PgConn().CopyTo(ctx, &buf, "COPY (SELECT addr, net, mac, mac8 FROM netp WHERE id = 20) TO STDOUT"); err != nil ||
		buf.String() != "10.9.9.8\t10.9.0.0/16\t08:00:2b:01:02:99\t08:00:2b:01:02:03:04:99\n" {
		t.Errorf("COPY TO STDOUT: %q, %v", buf.String(), err)
	}
	bad := pgx.CopyFromRows([][]any{{int64(12), nil, netip.MustParsePrefix("10.9.9.9/16"), nil, nil}})
	_, err = w.CopyFrom(ctx, pgx.Identifier{"netp"}, []string{"id", "addr", "net", "mac", "mac8"}, bad)
	var pgErr *pgconn.PgError
	if !errors.As(err, &pgErr) || pgErr.Code != "22P03" {
		t.Errorf("COPY of a cidr with host bits: %v, want 22P03", err)
	}
}
