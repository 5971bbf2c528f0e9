package integration

import (
	"os"
	"strings"
	"syscall"
	"time"
)

// Stacks of a node that a failed test leaves running. A test that fails
// by waiting in vain (a write never applied, a read never answered) says
// little from the logs alone; the Go runtime prints every goroutine's
// stack on SIGQUIT, so the cleanup of a failed proc-cluster test asks the
// nodes still running for theirs before it stops them, and shows the
// goroutines that run raftsql's code (the rest are the runtime's and the
// libraries' idle ones).

// quitWithStacks stops p with SIGQUIT and returns its log split at the
// runtime's dump: what the node logged before, and the dump's goroutines
// that have a raftsql frame. A node that does not exit in time is killed.
func (c *procCluster) quitWithStacks(p *procNode) (logged, stacks string) {
	if p.cmd == nil || p.cmd.Process == nil {
		b, _ := os.ReadFile(p.logPath)
		return string(b), ""
	}
	select {
	case <-p.exited:
	default:
		syscall.Kill(p.cmd.Process.Pid, syscall.SIGQUIT)
		select {
		case <-p.exited:
		case <-time.After(20 * time.Second):
			syscall.Kill(p.cmd.Process.Pid, syscall.SIGKILL)
			<-p.exited
		}
	}
	p.cmd = nil
	b, _ := os.ReadFile(p.logPath)
	s := string(b)
	i := strings.LastIndex(s, "SIGQUIT: quit")
	if i < 0 {
		return s, ""
	}
	return s[:i], raftsqlGoroutines(s[i:], 300)
}

// raftsqlGoroutines keeps the goroutines of a runtime stack dump that have
// a frame in raftsql's own packages, one line per frame outside the
// runtime (function, file:line), at most maxLines lines in all.
func raftsqlGoroutines(dump string, maxLines int) string {
	var out []string
	for _, g := range strings.Split(dump, "\n\n") {
		if !strings.HasPrefix(g, "goroutine ") || !strings.Contains(g, "github.com/raftsql/raftsql") {
			continue
		}
		lines := strings.Split(g, "\n")
		keep := []string{lines[0]}
		for i := 1; i+1 < len(lines); i += 2 {
			fn, at := lines[i], strings.TrimSpace(lines[i+1])
			if strings.HasPrefix(fn, "runtime.") || strings.HasPrefix(fn, "created by runtime") {
				continue
			}
			if j := strings.Index(at, " fp="); j >= 0 {
				at = at[:j]
			}
			if j := strings.LastIndex(fn, "("); j > 0 && !strings.HasPrefix(fn, "created by") {
				fn = fn[:j]
			}
			keep = append(keep, "  "+fn+" "+at)
		}
		if len(out)+len(keep) > maxLines {
			out = append(out, "... (more goroutines left out)")
			break
		}
		out = append(out, keep...)
	}
	return strings.Join(out, "\n")
}
