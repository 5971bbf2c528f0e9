package membership

import "testing"

func TestMemberInfoRoundTrip(t *testing.T) {
	m := MemberInfo{ID: IncarnationID("n4", 7), Name: "n4", Incarnation: 7, RaftAddr: "127.0.0.1:7004", PGAddr: "127.0.0.1:5434", Promote: true}
	got, err := DecodeMemberInfo(EncodeMemberInfo(m))
	if err != nil || got != m {
		t.Fatalf("round trip: %+v, %v", got, err)
	}
	for _, bad := range []MemberInfo{
		{ID: 1, Name: "n4"},
		{ID: MemberID("n4"), Name: "n4", Incarnation: 7},
		{ID: MemberID(""), Name: ""},
		{ID: MemberID("n4"), Name: "n4", RaftAddr: "nohostport"},
	} {
		if _, err := DecodeMemberInfo(EncodeMemberInfo(bad)); err == nil {
			t.Errorf("DecodeMemberInfo(%+v) accepted", bad)
		}
	}
	if _, err := DecodeMemberInfo([]byte("{")); err == nil {
		t.Error("accepted bad JSON")
	}
}

func TestIncarnationID(t *testing.T) {
	if IncarnationID("n1", 0) != MemberID("n1") {
		t.Error("incarnation 0 must be the initial cluster's id")
	}
	a, b := IncarnationID("n1", 1), IncarnationID("n1", 2)
	if a == b || a == MemberID("n1") || a != IncarnationID("n1", 1) || a == 0 {
		t.Error("incarnations of one name must have stable, distinct, non-zero ids")
	}
}
