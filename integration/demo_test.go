package integration

import (
	"bufio"
	"context"
	"fmt"
	"math/rand"
	"net"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
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
	// The demo takes consecutive ports: pg on base..base+2, raft on
	// base+3..base+5.
	base := consecutiveFreePorts(t, 6)
	pgBase, raftBase := base, base+3
	cmd := exec.Command(bin, "demo", "--nodes", "3", "--pg-port", strconv.Itoa(pgBase), "--raft-port", strconv.Itoa(raftBase), "--data-dir", t.TempDir())
	var stderr strings.Builder
	cmd.Stderr = &stderr
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
				t.Fatalf("demo exited early: %v\n%s", <-exited, stderr.String())
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

// consecutiveFreePorts finds n consecutive free ports on 127.0.0.1 and
// returns the first.
func consecutiveFreePorts(t *testing.T, n int) int {
	t.Helper()
	for try := 0; try < 100; try++ {
		base := 20000 + rand.Intn(30000)
		var ls []net.Listener
		ok := true
		for i := 0; i < n; i++ {
			l, err := net.Listen("tcp", "127.0.0.1:"+strconv.Itoa(base+i))
			if err != nil {
				ok = false
				break
			}
			ls = append(ls, l)
		}
		for _, l := range ls {
			l.Close()
		}
		if ok {
			return base
		}
	}
	t.Fatal("no run of free ports")
	return 0
}
