package pgdialect

import (
	"testing"
)

// The network types' readers must never panic, and what they accept must
// print as text they read back to the same value (the stored form is the
// output: a column's CHECK re-reads it). The answers themselves are
// PostgreSQL's recorded ones (integration/testdata/diff/25_inet_network).

var netSeeds = []string{"10.1.2.3", "10.1.2.3/8", "10/8", "10.1", "10", "224", "0x0a", "1.2.3.4.", "::", "::1",
	"FE80::1/64", "::ffff:1.2.3.4", "::1.2.3.4", "::0.0.0.2", "1:2:3:4:5:6:7::", "::1.2/64", "1::2::3", "1.2.3.4/33",
	"2001:db8::/32", "1:2:3:4:5:6:1.2.3.4", "0.0.0.0/0", "::/0", "", "/", "1.2.3.4/", "::1/0128", "0x", "0x1g"}

func FuzzParseNet(f *testing.F) {
	for _, s := range netSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, cidr := range []bool{false, true} {
			n, err := parseNet(s, cidr)
			if err != nil {
				continue
			}
			out := n.String()
			if cidr {
				out = n.cidrText()
			}
			back, err := parseNet(out, cidr)
			if err != nil || compareNet(back, n) != 0 || back.bits != n.bits || back.v6 != n.v6 {
				t.Fatalf("%q (cidr %v) printed %q, read back %+v, %v", s, cidr, out, back, err)
			}
			if cidr {
				_ = n.abbrevCIDR()
			}
		}
	})
}

func FuzzParseMac(f *testing.F) {
	for _, s := range []string{"08:00:2b:01:02:03", "08-00-2b-01-02-03", "08002b:010203", "0800.2b01.0203", "08002b010203",
		" 8:0:2b:1:2:3 ", "08:00:2b:01:02:03:04:05", "0800.2b01.0203.0405", "08:00:2b:01:02:100", "-1:0:0:0:0:0", "0x8:0:0:0:0:0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if m, err := parseMacaddr(s); err == nil {
			if back, err := parseMacaddr(macText(m[:])); err != nil || back != m {
				t.Fatalf("macaddr %q printed %q, read back %v, %v", s, macText(m[:]), back, err)
			}
		}
		if m, err := parseMacaddr8(s); err == nil {
			if back, err := parseMacaddr8(macText(m[:])); err != nil || back != m {
				t.Fatalf("macaddr8 %q printed %q, read back %v, %v", s, macText(m[:]), back, err)
			}
		}
	})
}

// TestCompareNetOrder checks that the pg_inet collation is a total order
// over the seeds (antisymmetric and transitive), as SQLite's sort and
// indexes need.
func TestCompareNetOrder(t *testing.T) {
	var vals []string
	for _, s := range netSeeds {
		if n, err := parseNet(s, false); err == nil {
			vals = append(vals, n.String())
		}
		if n, err := parseNet(s, true); err == nil {
			vals = append(vals, n.cidrText())
		}
	}
	vals = append(vals, "not an address", "zzz")
	for _, a := range vals {
		for _, b := range vals {
			if sign(compareNetText(a, b)) != -sign(compareNetText(b, a)) {
				t.Fatalf("compare(%q, %q) = %d but compare(%q, %q) = %d", a, b, compareNetText(a, b), b, a, compareNetText(b, a))
			}
			for _, c := range vals {
				if compareNetText(a, b) < 0 && compareNetText(b, c) < 0 && compareNetText(a, c) >= 0 {
					t.Fatalf("not transitive: %q < %q < %q but not %q < %q", a, b, c, a, c)
				}
			}
		}
	}
}
