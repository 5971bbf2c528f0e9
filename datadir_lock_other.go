//go:build !unix

package raftsql

// lockDataDir: without flock, the log store's own lock is the only guard
// (see datadir_lock.go).
func lockDataDir(dir string) (release func(), err error) { return func() {}, nil }
