package integration

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestServeJoinAndRemove: `raftsql serve --join` grows a cluster of real
// processes; the member removed through SQL exits and says why.
func TestServeJoinAndRemove(t *testing.T) {
	c := startProcCluster(t, 3)
	lead := c.leader(20 * time.Second)
	var n1Raft string
	for i, a := range c.nodes[0].args {
		if a == "--raft-listen" {
			n1Raft = c.nodes[0].args[i+1]
		}
	}
	ports := freePorts(t, 2)
	dir := filepath.Dir(c.nodes[0].dataDir)
	p := &procNode{
		name:    "n4",
		pgAddr:  "127.0.0.1:" + itoa(ports[0]),
		dataDir: filepath.Join(dir, "n4"),
		logPath: filepath.Join(dir, "n4.log"),
	}
	token, err := showSetting(context.Background(), c.nodes[0].url(), "raftsql.join_token")
	if err != nil || token == "" {
		t.Fatalf("SHOW raftsql.join_token: %q, %v", token, err)
	}
	tokenFile := filepath.Join(dir, "join-token")
	if err := os.WriteFile(tokenFile, []byte(token+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	p.args = []string{"serve", "--id", "n4", "--data-dir", p.dataDir, "--pg-listen", p.pgAddr,
		"--raft-listen", "127.0.0.1:" + itoa(ports[1]), "--join", n1Raft, "--join-token-file", tokenFile, "--log-level", "info"}
	c.nodes = append(c.nodes, p)
	c.start(p)
	awaitCluster(t, lead.url(), "n4 a voter", func(rows []clusterRow) bool { return roles(rows)["n4"] == "voter" && len(rows) == 4 })
	conn := connect(t, p.url())
	mustExec(t, conn, "CREATE TABLE j (k int)")
	mustExec(t, conn, "INSERT INTO j VALUES (1)")

	alterCluster(t, c.nodes[1].url(), "ALTER CLUSTER REMOVE MEMBER 'n4'")
	select {
	case <-p.exited:
	case <-time.After(30 * time.Second):
		t.Fatal("the removed member's process did not exit")
	}
	p.cmd = nil
	b, _ := os.ReadFile(p.logPath)
	if !strings.Contains(string(b), `member "n4" was removed from the cluster`) || !strings.Contains(string(b), "--join") {
		t.Fatalf("the removed member did not say why:\n%s", tail(string(b), 20))
	}
	awaitCluster(t, lead.url(), "three members", func(rows []clusterRow) bool { return len(rows) == 3 })
}

func itoa(i int) string { return strconv.Itoa(i) }
