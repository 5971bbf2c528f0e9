package integration

import (
	"bufio"
	"context"
	"fmt"
	"os/exec"
	"regexp"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// `raftsql demo` serves three nodes; a write through node 3 is seen at once
// through node 1; Ctrl-C (SIGINT) stops it cleanly.
func TestDemoCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a real process")
	}
	bin := raftsqlBinary(t)
	ports := freePorts(t, 6)
	// The demo takes consecutive ports; find a run of three free ones
	// starting at a free port (a collision only fails the test early).
	pgBase, raftBase := ports[0], ports[3]
	cmd := exec.Command(bin, "demo", "--nodes", "3", "--pg-port", strconv.Itoa(pgBase), "--raft-port", strconv.Itoa(raftBase), "--data-dir", t.TempDir())
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	defer func() {
		syscall.Kill(cmd.Process.Pid, syscall.SIGKILL)
	}()
	psqlLine := regexp.MustCompile(`^\s+(n\d): psql -h (\S+) -p (\d+) -U postgres raftsql$`)
	ports3 := map[string]string{}
	sc := bufio.NewScanner(stdout)
	deadline := time.After(60 * time.Second)
	lines := make(chan string)
	go func() {
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	for len(ports3) < 3 {
		select {
		case l, ok := <-lines:
			if !ok {
				t.Fatalf("demo exited early: %v", <-exited)
			}
			if m := psqlLine.FindStringSubmatch(l); m != nil {
				ports3[m[1]] = m[2] + ":" + m[3]
			}
		case <-deadline:
			t.Fatal("demo did not print three psql command lines")
		}
	}
	go func() {
		for range lines {
		}
	}()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	url := func(n string) string { return fmt.Sprintf("postgres://postgres@%s/raftsql?sslmode=disable", ports3[n]) }
	c3, err := pgx.Connect(ctx, url("n3"))
	if err != nil {
		t.Fatal(err)
	}
	defer c3.Close(ctx)
	c1, err := pgx.Connect(ctx, url("n1"))
	if err != nil {
		t.Fatal(err)
	}
	defer c1.Close(ctx)
	if _, err := c3.Exec(ctx, "CREATE TABLE demo (id INTEGER PRIMARY KEY, note TEXT)"); err != nil {
		t.Fatal(err)
	}
	if _, err := c3.Exec(ctx, "INSERT INTO demo VALUES (1, 'written on n3')"); err != nil {
		t.Fatal(err)
	}
	var note string
	if err := c1.QueryRow(ctx, "SELECT note FROM demo WHERE id = 1", pgx.QueryExecModeSimpleProtocol).Scan(&note); err != nil {
		t.Fatalf("read on n1: %v", err)
	}
	if note != "written on n3" {
		t.Fatalf("n1 read %q", note)
	}
	c1.Close(ctx)
	c3.Close(ctx)
	syscall.Kill(cmd.Process.Pid, syscall.SIGINT)
	select {
	case err := <-exited:
		if err != nil {
			t.Fatalf("demo did not exit cleanly on SIGINT: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("demo did not stop within 30s of SIGINT")
	}
}
