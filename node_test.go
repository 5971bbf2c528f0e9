package raftsql

import (
	"context"
	"errors"
	"testing"
)

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

func TestConfigValidation(t *testing.T) {
	for _, tc := range []struct {
		name string
		cfg  Config
	}{
		{"no data dir", Config{Name: "n1"}},
		{"self missing", Config{Name: "n9", DataDir: "d", InitialCluster: []Member{{Name: "n1", RaftAddr: "127.0.0.1:1"}}}},
		{"duplicate", Config{Name: "n1", DataDir: "d", InitialCluster: []Member{{Name: "n1", RaftAddr: "127.0.0.1:1"}, {Name: "n1", RaftAddr: "127.0.0.1:2"}}}},
	} {
		if _, err := Start(context.Background(), tc.cfg); err == nil {
			t.Errorf("%s: Start accepted %+v", tc.name, tc.cfg)
		}
	}
}

func TestMemberIDStableAndDistinct(t *testing.T) {
	if MemberID("n1") != MemberID("n1") || MemberID("n1") == MemberID("n2") || MemberID("") == 0 {
		t.Fatal("member ids must be stable, distinct and non-zero")
	}
}

func TestNodeShowRecognisesOnlyNodeSettings(t *testing.T) {
	for in, want := range map[string]string{
		"SHOW raftsql.leader":           "raftsql.leader",
		"  show RAFTSQL.Checksum;":      "raftsql.checksum",
		"SHOW raftsql.read_consistency": "",
		"SELECT 1":                      "",
		"SHOW raftsql.leader; SELECT 1": "",
	} {
		got, ok := nodeShow(in)
		if (want != "") != ok || (ok && got != want) {
			t.Errorf("nodeShow(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

func TestNodeErrorKeepsItsCode(t *testing.T) {
	err := error(&NodeError{Code: "40003", Msg: "outcome unknown", Err: context.DeadlineExceeded})
	if errors.Is(err, context.DeadlineExceeded) {
		t.Fatal("a NodeError must not unwrap to its cause: sqlexec would report a statement timeout instead of 40003")
	}
	var se interface{ SQLState() string }
	if !errors.As(err, &se) || se.SQLState() != "40003" {
		t.Fatal("NodeError must carry its SQLSTATE")
	}
}
