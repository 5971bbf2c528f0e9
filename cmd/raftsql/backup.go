package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/raftsql/raftsql/sqlexec"
)

// backup writes a consistent copy of the database of the node at --host
// and --port to a local SQLite file, over the PostgreSQL protocol (BACKUP
// TO STDOUT, sqlexec/backup.go): streamed to a temporary file beside the
// output, fsynced, checked (PRAGMA integrity_check) and only then renamed
// to the output; a side file OUTPUT.json records the cluster id, the
// applied index, the size and the SHA-256 of the file.
func backup(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("raftsql backup", flag.ContinueOnError)
	fs.SetOutput(stderr)
	host := fs.String("host", "127.0.0.1", "the node's PostgreSQL host")
	port := fs.Int("port", 5432, "the node's PostgreSQL port")
	user := fs.String("user", "postgres", "a superuser's name (password: PGPASSWORD or ~/.pgpass)")
	sslmode := fs.String("sslmode", "prefer", "disable, prefer, require, verify-ca or verify-full (as libpq)")
	out := fs.String("o", "", "the SQLite file to write (required; replaced atomically if it exists)")
	stale := fs.Bool("stale", false, "copy what the node has applied, without first confirming with the leader that it is up to date (works without a quorum)")
	timeout := fs.Duration("timeout", time.Hour, "give up after this long")
	quiet := fs.Bool("q", false, "no progress on stderr")
	if code, ok := parseFlags(fs, args, stderr, "Usage: raftsql backup -o FILE [flags]\n\nWrites a consistent online copy of the cluster's database, as the node at\n--host/--port holds it, to FILE: a plain SQLite database (the sqlite3 tool\nopens it) that `raftsql restore` turns into a new cluster. FILE.json\nrecords the cluster id and the applied index it holds.\n\nFlags:\n"); !ok {
		return code
	}
	if *out == "" {
		fmt.Fprintln(stderr, "raftsql backup: -o FILE is required")
		return 2
	}
	if *port <= 0 || *port > 65535 {
		fmt.Fprintf(stderr, "raftsql backup: invalid --port %d\n", *port)
		return 2
	}
	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()
	u := url.URL{Scheme: "postgres", User: url.User(*user), Host: net.JoinHostPort(*host, strconv.Itoa(*port)), Path: "/raftsql",
		RawQuery: url.Values{"sslmode": {*sslmode}}.Encode()}
	var progress io.Writer = stderr
	if *quiet {
		progress = io.Discard
	}
	meta, err := runBackup(ctx, u.String(), *out, *stale, progress)
	if err != nil {
		msg := strings.Join(strings.Fields(strings.ReplaceAll(err.Error(), "\n", "; ")), " ")
		fmt.Fprintf(stderr, "raftsql backup: %s\n", msg)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s: %d bytes, applied index %d of cluster %s (%s.json)\n", *out, meta.Bytes, meta.AppliedIndex, meta.ClusterID, *out)
	return 0
}

// backupMeta is the side file OUTPUT.json.
type backupMeta struct {
	ClusterID    string `json:"cluster_id"`
	AppliedIndex uint64 `json:"applied_index"`
	Bytes        int64  `json:"bytes"`
	SHA256       string `json:"sha256"`
	Source       string `json:"source"`
}

// runBackup streams BACKUP TO STDOUT from the node at connString into out.
func runBackup(ctx context.Context, connString, out string, stale bool, progress io.Writer) (backupMeta, error) {
	cfg, err := pgx.ParseConfig(connString)
	if err != nil {
		return backupMeta{}, err
	}
	var meta backupMeta
	var total int64
	cfg.OnNotice = func(_ *pgconn.PgConn, n *pgconn.Notice) {
		if !strings.HasPrefix(n.Message, "backup: ") {
			return
		}
		for _, f := range strings.Fields(strings.TrimPrefix(n.Message, "backup: ")) {
			k, v, _ := strings.Cut(f, "=")
			switch k {
			case "applied_index":
				meta.AppliedIndex, _ = strconv.ParseUint(v, 10, 64)
			case "cluster_id":
				meta.ClusterID = v
			case "bytes":
				total, _ = strconv.ParseInt(v, 10, 64)
			}
		}
	}
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return backupMeta{}, err
	}
	defer conn.Close(context.Background())
	if stale {
		if _, err := conn.Exec(ctx, "SET raftsql.read_consistency = 'stale'", pgx.QueryExecModeSimpleProtocol); err != nil {
			return backupMeta{}, err
		}
	}
	meta.Source = cfg.Host + ":" + strconv.Itoa(int(cfg.Port))

	// The temporary file is beside the output, so the rename is atomic.
	dir := filepath.Dir(out)
	f, err := os.CreateTemp(dir, "."+filepath.Base(out)+".tmp-*")
	if err != nil {
		return backupMeta{}, err
	}
	tmp := f.Name()
	done := false
	defer func() {
		if !done {
			f.Close()
			os.Remove(tmp)
		}
	}()
	h := sha256.New()
	pw := &progressWriter{w: io.MultiWriter(f, h), out: progress, total: &total, start: time.Now()}
	if _, err := conn.PgConn().CopyTo(ctx, pw, "BACKUP TO STDOUT"); err != nil {
		return backupMeta{}, err
	}
	pw.finish()
	if err := f.Sync(); err != nil {
		return backupMeta{}, err
	}
	if err := f.Close(); err != nil {
		return backupMeta{}, err
	}
	if total != 0 && pw.n != total {
		return backupMeta{}, fmt.Errorf("received %d bytes of %d", pw.n, total)
	}
	// The file must be a whole, sound database before it replaces out.
	rep, err := sqlexec.CheckFile(ctx, tmp)
	if err != nil {
		return backupMeta{}, fmt.Errorf("the copy received does not check out: %w", err)
	}
	if rep.AppliedIndex != meta.AppliedIndex {
		return backupMeta{}, fmt.Errorf("the copy holds applied index %d, the server announced %d", rep.AppliedIndex, meta.AppliedIndex)
	}
	meta.Bytes = pw.n
	meta.SHA256 = hex.EncodeToString(h.Sum(nil))
	if err := os.Rename(tmp, out); err != nil {
		return backupMeta{}, err
	}
	done = true
	if err := syncDir(dir); err != nil {
		return backupMeta{}, err
	}
	b, _ := json.MarshalIndent(meta, "", "  ")
	if err := writeFileSynced(out+".json", append(b, '\n')); err != nil {
		return backupMeta{}, fmt.Errorf("the backup is in %s, but its side file: %w", out, err)
	}
	return meta, nil
}

// progressWriter counts bytes and reports them on out every 5% of a
// total of 16 MiB or more (small backups say nothing until done).
type progressWriter struct {
	w     io.Writer
	out   io.Writer
	total *int64
	n     int64
	shown int64
	start time.Time
}

func (p *progressWriter) Write(b []byte) (int, error) {
	n, err := p.w.Write(b)
	p.n += int64(n)
	if t := *p.total; t >= 16<<20 && p.n-p.shown >= t/20 {
		p.shown = p.n
		fmt.Fprintf(p.out, "backup: %s of %s (%d%%)\n", mib(p.n), mib(t), p.n*100/t)
	}
	return n, err
}

func (p *progressWriter) finish() {
	if *p.total >= 16<<20 {
		fmt.Fprintf(p.out, "backup: %s received in %s\n", mib(p.n), time.Since(p.start).Round(time.Millisecond))
	}
}

func mib(n int64) string { return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20)) }

// writeFileSynced writes path (mode 0600) through a temporary file,
// fsynced and renamed.
func writeFileSynced(path string, data []byte) error {
	tmp := path + ".tmp"
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return err
	}
	return syncDir(filepath.Dir(path))
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, os.ErrInvalid) {
		return err
	}
	return nil
}
