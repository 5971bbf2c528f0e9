package pgdialect

import (
	"errors"
	"testing"
)

func TestAlterCluster(t *testing.T) {
	for _, tc := range []struct {
		sql  string
		want ClusterCommand
		code string // SQLSTATE of the error, "" for none
	}{
		{"ALTER CLUSTER ADD MEMBER 'n4' ADDRESS '127.0.0.1:7004'", ClusterCommand{ClusterAddMember, "n4", "127.0.0.1:7004"}, ""},
		{"alter cluster add learner n5 address '10.0.0.5:7005';", ClusterCommand{ClusterAddLearner, "n5", "10.0.0.5:7005"}, ""},
		{"ALTER CLUSTER PROMOTE MEMBER 'n5'", ClusterCommand{ClusterPromoteMember, "n5", ""}, ""},
		{"ALTER CLUSTER REMOVE MEMBER \"N2\"", ClusterCommand{ClusterRemoveMember, "N2", ""}, ""},
		{"ALTER CLUSTER TRANSFER LEADERSHIP TO 'n3'", ClusterCommand{ClusterTransferLeader, "n3", ""}, ""},
		{"ALTER CLUSTER REMOVE MEMBER 'it''s'", ClusterCommand{ClusterRemoveMember, "it's", ""}, ""},
		{"ALTER CLUSTER", ClusterCommand{}, "42601"},
		{"ALTER CLUSTER DANCE", ClusterCommand{}, "42601"},
		{"ALTER CLUSTER ADD MEMBER 'n4'", ClusterCommand{}, "42601"},
		{"ALTER CLUSTER ADD MEMBER 'n4' ADDRESS", ClusterCommand{}, "42601"},
		{"ALTER CLUSTER ADD MEMBER 'n4' ADDRESS ''", ClusterCommand{}, "42601"},
		{"ALTER CLUSTER REMOVE MEMBER", ClusterCommand{}, "42601"},
		{"ALTER CLUSTER REMOVE MEMBER ''", ClusterCommand{}, "42601"},
		{"ALTER CLUSTER REMOVE MEMBER 'n2' NOW", ClusterCommand{}, "42601"},
		{"ALTER CLUSTER TRANSFER LEADERSHIP 'n3'", ClusterCommand{}, "42601"},
	} {
		st, err := Translate(tc.sql)
		if tc.code != "" {
			var e *Error
			if !errors.As(err, &e) || e.Code != tc.code {
				t.Errorf("%s: %v, want SQLSTATE %s", tc.sql, err, tc.code)
			}
			continue
		}
		if err != nil || st.Kind != KindAlterCluster || st.Cluster == nil || *st.Cluster != tc.want || st.Tag != "ALTER CLUSTER" {
			t.Errorf("%s: %+v, %v; want %+v", tc.sql, st, err, tc.want)
		}
	}
}
