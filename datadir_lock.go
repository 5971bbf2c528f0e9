//go:build unix

package raftsql

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// One process owns a data directory. Pebble locks its own directory too,
// but its refusal ("resource temporarily unavailable") names neither the
// directory nor the owner; this lock, taken before anything in the
// directory is read, does both. The lock is an flock on DataDir/LOCK, held
// for the node's life and released by the kernel when the process dies, so
// a crash leaves no stale lock behind; the file holds the owner's pid for
// the message only.

// lockFile is the lock's file in the data directory.
const lockFile = "LOCK"

// lockDataDir takes the data directory's lock; release gives it back.
func lockDataDir(dir string) (release func(), err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("raftsql: data dir: %w", err)
	}
	path := filepath.Join(dir, lockFile)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("raftsql: lock the data directory: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			owner := "unknown"
			if b, rerr := os.ReadFile(path); rerr == nil && strings.TrimSpace(string(b)) != "" {
				owner = strings.TrimSpace(string(b))
			}
			return nil, fmt.Errorf("raftsql: data directory %s is in use by another raftsql process (pid %s): stop it first, or give this node its own --data-dir", dir, owner)
		}
		return nil, fmt.Errorf("raftsql: lock the data directory %s: %w", dir, err)
	}
	// The pid is a hint for the message above; failing to record it
	// does not weaken the lock.
	if err := f.Truncate(0); err == nil {
		f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	return func() { f.Close() }, nil
}
