package integration

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"time"

	"github.com/jackc/pgx/v5"
)

// Faults that go through the cluster's own admin SQL: leadership
// transfers, snapshots on demand (CHECKPOINT, with small
// --snapshot-entries/--log-tail-entries so that a restarted node often
// catches up by snapshot), and replacing a member: removed through SQL,
// its data directory wiped, started again empty with --join. The joiner
// keeps its name and ports, so the proxies toward it and every node's
// --peer-dial for its name still apply; its --join names the proxy of
// its link to the member it joins through.

// adminTimeout bounds one admin statement of the nemesis.
const adminTimeout = 5 * time.Second

// execOn runs one statement on node i.
func (fc *faultCluster) execOn(i int, sql string) error {
	ctx, cancel := context.WithTimeout(context.Background(), adminTimeout)
	defer cancel()
	conn, err := pgx.Connect(ctx, fc.nodes[i].url())
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	_, err = conn.Exec(ctx, sql, pgx.QueryExecModeSimpleProtocol)
	return err
}

// running reports whether node i is up and not stopped.
func (fc *faultCluster) running(i int) bool {
	return !fc.down[i] && !fc.paused[i] && !fc.replaced[i]
}

// transferLeader asks the leader to hand leadership to node to.
func (fc *faultCluster) transferLeader(lead, to int) {
	err := fc.execOn(lead, "ALTER CLUSTER TRANSFER LEADERSHIP TO '"+fc.nodes[to].name+"'")
	fc.logf("transfer leadership %s -> %s: %v", fc.nodes[lead].name, fc.nodes[to].name, errOrOK(err))
}

// checkpoint has node i snapshot its database and compact its log.
func (fc *faultCluster) checkpoint(i int) {
	err := fc.execOn(i, "CHECKPOINT")
	fc.logf("CHECKPOINT on %s: %v", fc.nodes[i].name, errOrOK(err))
}

// replace removes member i through node via, then kills it and wipes its
// data directory; healing starts it again with --join. A removal that
// fails is followed for a few seconds: if the member leaves the
// configuration meanwhile (the outcome was only unknown), it is replaced
// all the same; otherwise it keeps running. (A removal that commits
// later still would make the member exit on its own, which the suite
// reports: the nemesis only removes through the leader, with every
// member up, to make that rare.)
func (fc *faultCluster) replace(i, via int) {
	err := fc.execOn(via, "ALTER CLUSTER REMOVE MEMBER '"+fc.nodes[i].name+"'")
	fc.logf("remove member %s through %s: %v", fc.nodes[i].name, fc.nodes[via].name, errOrOK(err))
	if err != nil && !fc.awaitRemoved(i, via, 5*time.Second) {
		fc.removing[i] = true // healing looks again (replaceIfRemoved)
		return
	}
	fc.kill(fc.nodes[i]) // it may have exited already, told of its removal
	fc.down[i], fc.paused[i], fc.replaced[i] = true, false, true
	fc.logf("wipe the data directory of %s", fc.nodes[i].name)
	if err := os.RemoveAll(fc.nodes[i].dataDir); err != nil {
		fc.t.Fatal(err)
	}
}

// replaceIfRemoved replaces member i if a removal of it whose outcome was
// unknown took effect since (its process stopped, told of its removal).
func (fc *faultCluster) replaceIfRemoved(i int) {
	p := fc.nodes[i]
	if !fc.removing[i] || p.cmd == nil {
		return
	}
	select {
	case <-p.exited:
	default:
		return // still running: a member, or not told yet
	}
	if b, _ := os.ReadFile(p.logPath); !bytes.Contains(b, []byte("was removed from the cluster")) {
		return // exited for another reason: the suite reports it
	}
	fc.logf("%s stopped, removed after all", p.name)
	fc.removing[i] = false
	fc.kill(p)
	fc.down[i], fc.paused[i], fc.replaced[i] = true, false, true
	fc.logf("wipe the data directory of %s", p.name)
	if err := os.RemoveAll(p.dataDir); err != nil {
		fc.t.Fatal(err)
	}
}

// awaitRemoved waits until node via's SHOW CLUSTER no longer lists
// member i, and logs what it saw.
func (fc *faultCluster) awaitRemoved(i, via int, timeout time.Duration) bool {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		rows, err := showCluster(ctx, fc.nodes[via].url(), pgx.QueryExecModeSimpleProtocol)
		cancel()
		if err == nil {
			listed := false
			for _, r := range rows {
				listed = listed || r.name == fc.nodes[i].name
			}
			if !listed {
				fc.logf("%s left the configuration after all", fc.nodes[i].name)
				return true
			}
		}
		time.Sleep(100 * time.Millisecond) // polling a condition
	}
	fc.logf("%s is still a member after %v: left running", fc.nodes[i].name, timeout)
	return false
}

// rejoin starts the replaced member i, empty, with --join through the
// proxy of its link to a running member.
func (fc *faultCluster) rejoin(i int) {
	via := fc.currentLeader()
	if via < 0 || via == i {
		for j := range fc.size() {
			if j != i && fc.running(j) {
				via = j
				break
			}
		}
	}
	p := fc.nodes[i]
	// A joining node presents the cluster's join token.
	ctx, cancel := context.WithTimeout(context.Background(), adminTimeout)
	token, err := showSetting(ctx, fc.nodes[via].url(), "raftsql.join_token")
	cancel()
	if err != nil || token == "" {
		fc.t.Fatalf("SHOW raftsql.join_token on %s: %q, %v", fc.nodes[via].name, token, err)
	}
	tokenFile := filepath.Join(fc.dir, "join-token")
	if err := os.WriteFile(tokenFile, []byte(token+"\n"), 0o600); err != nil {
		fc.t.Fatal(err)
	}
	var args []string
	for k := 0; k < len(p.args); k++ {
		if p.args[k] == "--initial-cluster" || p.args[k] == "--join" || p.args[k] == "--join-token-file" {
			k++ // its value
			continue
		}
		args = append(args, p.args[k])
	}
	p.args = append(args, "--join", fc.proxies[i][via].addr(), "--join-token-file", tokenFile)
	fc.logf("rejoin %s empty through %s", p.name, fc.nodes[via].name)
	fc.procCluster.start(p)
	fc.down[i], fc.replaced[i] = false, false
}

func errOrOK(err error) any {
	if err == nil {
		return "ok"
	}
	return err
}
