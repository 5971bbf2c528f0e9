package membership

import "testing"

func TestParseInitialCluster(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
		ok   bool
	}{
		{"n1=127.0.0.1:7001", 1, true},
		{"n1=127.0.0.1:7001,n2=127.0.0.1:7002, n3=127.0.0.1:7003", 3, true},
		{"", 0, false},
		{"n1", 0, false},
		{"=127.0.0.1:7001", 0, false},
		{"n1=nohostport", 0, false},
	} {
		ms, err := ParseInitialCluster(tc.in)
		if (err == nil) != tc.ok || len(ms) != tc.want {
			t.Errorf("ParseInitialCluster(%q) = %v, %v", tc.in, ms, err)
		}
	}
}

func TestMemberIDStableAndDistinct(t *testing.T) {
	first, again := MemberID("n1"), MemberID("n1")
	if first != again || first == MemberID("n2") || MemberID("") == 0 {
		t.Fatal("member ids must be stable, distinct and non-zero")
	}
}

func TestClusterIDIgnoresOrder(t *testing.T) {
	a := []Member{{"n1", "h:1"}, {"n2", "h:2"}}
	b := []Member{{"n2", "h:2"}, {"n1", "h:1"}}
	if ClusterID(a) != ClusterID(b) || ClusterID(a) == ClusterID(a[:1]) {
		t.Fatal("cluster ids must depend on the member names only, not their order")
	}
}

func TestCheckMembers(t *testing.T) {
	for _, tc := range []struct {
		ms []Member
		ok bool
	}{
		{[]Member{{"n1", "h:1"}, {"n2", "h:2"}}, true},
		{[]Member{{"n1", "h:1"}, {"n1", "h:2"}}, false},
		{[]Member{{"", "h:1"}}, false},
		{[]Member{{"n1", ""}}, false},
	} {
		if err := CheckMembers(tc.ms); (err == nil) != tc.ok {
			t.Errorf("CheckMembers(%v) = %v", tc.ms, err)
		}
	}
}
