// Command scale measures how a PostgreSQL-protocol server's costs grow,
// for one server per run (bench/scale.sh runs it against PostgreSQL 15,
// raftsql 1 node and raftsql 3 nodes in turn and prints the tables of
// docs/benchmarks.md, "How cost grows"):
//
//   - memory: the proportional set size (PSS) of the server's processes
//     (and their children: PostgreSQL's backends) with no client, with
//     idle connections, and with connections that each hold a transaction
//     with an open cursor;
//   - COPY: a file in COPY text format (-gen writes it: -rows rows of an
//     int key and a 98-byte text, about 108 bytes a row) loaded with COPY
//     FROM STDIN, whole or in chunks of -copy-chunk bytes, each its own
//     COPY command (raftsql makes a COPY one log entry, so it takes no
//     more than one entry's worth);
//   - table size: point reads and single-row INSERTs against a table of
//     -small-rows rows and then against the table the COPY loaded.
//
// Keys: a table of N rows holds the even keys 2..2N; point reads pick
// loaded keys in a scattered order, INSERTs new odd keys scattered over
// the whole key range (so they land all over the B-tree, not at its right
// edge as increasing keys would).
//
// Each run appends JSON records to -out; -report prints them as markdown
// tables, one column per server, with ratios to the first server.
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/raftsql/raftsql/bench/internal/load"
)

// keyStride is prime and coprime to every table size of the form
// 10^k (or any N it does not divide), so n*keyStride mod N visits every
// residue once per N steps.
const keyStride = 1_000_003

// valueLen is the length of each row's text.
const valueLen = 98

// record is one cell of a report table.
type record struct {
	Section string  `json:"section"`
	Row     string  `json:"row"`
	Target  string  `json:"target"`
	Value   float64 `json:"value"` // compared across targets (ratio to the first); 0: no ratio
	Text    string  `json:"text"`
}

type config struct {
	target      string
	urls        []string
	pids        []int
	out         string
	phases      map[string]bool
	copyFile    string
	copyChunk   int
	copyStreams int
	afterCopy   string
	rows        int
	smallRows   int
	clients     []int
	duration    time.Duration
	warmup      time.Duration
	idle        []int
	active      []int
	memSettle   time.Duration
	recordsSeen []record
}

func main() {
	var c config
	gen := flag.String("gen", "", "write a COPY text file of -rows rows to this path and exit")
	report := flag.String("report", "", "print the records of this file as markdown tables and exit")
	target := flag.String("target", "", "name=url[,url...]: the server measured (clients use the URLs round-robin)")
	pids := flag.String("pids", "", "comma-separated PIDs of the server's processes (their children count too)")
	flag.StringVar(&c.out, "out", "", "append the records to this file (and print them)")
	phases := flag.String("phases", "memory,small,copy,big", "what to measure: memory, small, copy, big")
	flag.StringVar(&c.copyFile, "copy-file", "", "the COPY text file (from -gen)")
	flag.StringVar(&c.afterCopy, "after-copy", "", "statements (;-separated) run on every node, and timed, after the COPY, e.g. VACUUM ANALYZE bench_big;CHECKPOINT")
	flag.IntVar(&c.copyChunk, "copy-chunk", 0, "bytes per COPY command (0: the whole file in one)")
	flag.IntVar(&c.copyStreams, "copy-streams", 1, "with -copy-chunk: connections sending COPY commands at once")
	flag.IntVar(&c.rows, "rows", 10_000_000, "rows in the COPY file")
	flag.IntVar(&c.smallRows, "small-rows", 10_000, "rows in the small table")
	clients := flag.String("clients", "1,16", "client counts for point reads and INSERTs")
	flag.DurationVar(&c.duration, "duration", 10*time.Second, "measured time per cell")
	flag.DurationVar(&c.warmup, "warmup", time.Second, "unmeasured time before each cell")
	idle := flag.String("idle", "100,1000", "idle connection counts")
	active := flag.String("active", "100,250", "connection counts each holding a transaction with an open cursor")
	flag.DurationVar(&c.memSettle, "mem-settle", 5*time.Second, "at most this long waiting for memory to stop changing before a reading")
	flag.Parse()

	var err error
	switch {
	case *gen != "":
		err = genFile(*gen, c.rows)
	case *report != "":
		err = printReport(*report)
	default:
		err = c.parse(*target, *pids, *phases, *clients, *idle, *active)
		if err == nil {
			err = c.run(context.Background())
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "scale:", err)
		os.Exit(1)
	}
}

func (c *config) parse(target, pids, phases, clients, idle, active string) error {
	name, urls, ok := strings.Cut(target, "=")
	if !ok || urls == "" {
		return fmt.Errorf("-target %q: want name=url[,url...]", target)
	}
	c.target, c.urls = name, strings.Split(urls, ",")
	var err error
	if c.pids, err = ints("-pids", pids); err != nil {
		return err
	}
	c.phases = map[string]bool{}
	for _, p := range strings.Split(phases, ",") {
		switch p {
		case "memory", "small", "copy", "big":
			c.phases[p] = true
		default:
			return fmt.Errorf("-phases: unknown phase %q", p)
		}
	}
	if c.clients, err = ints("-clients", clients); err != nil {
		return err
	}
	if c.idle, err = ints("-idle", idle); err != nil {
		return err
	}
	if c.active, err = ints("-active", active); err != nil {
		return err
	}
	if c.phases["memory"] && len(c.pids) == 0 {
		return errors.New("the memory phase needs -pids")
	}
	if c.phases["copy"] && c.copyFile == "" {
		return errors.New("the copy phase needs -copy-file")
	}
	return nil
}

func ints(name, s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		n, err := strconv.Atoi(f)
		if err != nil || n < 0 {
			return nil, fmt.Errorf("%s: bad number %q", name, f)
		}
		out = append(out, n)
	}
	return out, nil
}

func (c *config) emit(section, row string, value float64, text string) error {
	r := record{Section: section, Row: row, Target: c.target, Value: value, Text: text}
	c.recordsSeen = append(c.recordsSeen, r)
	fmt.Printf("%s | %s | %s\n", section, row, text)
	if c.out == "" {
		return nil
	}
	f, err := os.OpenFile(c.out, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	defer f.Close()
	return json.NewEncoder(f).Encode(r)
}

func (c *config) connect(ctx context.Context, i int) (*pgx.Conn, error) {
	return pgx.Connect(ctx, c.urls[i%len(c.urls)])
}

func (c *config) exec(ctx context.Context, sqls ...string) error {
	conn, err := c.connect(ctx, 0)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	for _, q := range sqls {
		if _, err := conn.Exec(ctx, q); err != nil {
			return fmt.Errorf("%s: %w", q, err)
		}
	}
	return nil
}

func (c *config) run(ctx context.Context) error {
	if err := c.exec(ctx,
		"DROP TABLE IF EXISTS bench_small", "DROP TABLE IF EXISTS bench_big",
		"CREATE TABLE bench_small (id int PRIMARY KEY, v text)",
		"CREATE TABLE bench_big (id int PRIMARY KEY, v text)"); err != nil {
		return err
	}
	var small bytes.Buffer
	if err := writeRows(&small, c.smallRows); err != nil {
		return err
	}
	if _, err := c.copyCount(ctx, "bench_small", &small, 0, 1); err != nil {
		return fmt.Errorf("load bench_small: %w", err)
	}
	if c.phases["memory"] {
		if err := c.memory(ctx); err != nil {
			return fmt.Errorf("memory: %w", err)
		}
	}
	smallRes := map[string]float64{}
	if c.phases["small"] {
		if err := c.tableOps(ctx, "bench_small", c.smallRows, smallRes, nil); err != nil {
			return err
		}
	}
	if c.phases["copy"] {
		if err := c.copyPhase(ctx); err != nil {
			return fmt.Errorf("copy: %w", err)
		}
	}
	if c.phases["big"] {
		if err := c.tableOps(ctx, "bench_big", c.rows, nil, smallRes); err != nil {
			return err
		}
	}
	return nil
}

// tableOps measures point reads and INSERTs on table (of rows rows) at each
// client count. Rates are stored into save by cell name, or, with base,
// reported as a ratio to base's rate of the same cell.
func (c *config) tableOps(ctx context.Context, table string, rows int, save, base map[string]float64) error {
	var inserted atomic.Int64
	for _, op := range []string{"point read", "INSERT"} {
		for _, n := range c.clients {
			conns := make([]*pgx.Conn, n)
			for i := range conns {
				conn, err := c.connect(ctx, i)
				if err != nil {
					closeAll(ctx, conns)
					return err
				}
				conns[i] = conn
			}
			var do load.Op
			if op == "point read" {
				q := "SELECT v FROM " + table + " WHERE id = $1"
				do = func(conn *pgx.Conn, _ int, k int64) error {
					var v string
					return conn.QueryRow(ctx, q, readKey(k, rows)).Scan(&v)
				}
			} else {
				q := "INSERT INTO " + table + " (id, v) VALUES ($1, $2)"
				do = func(conn *pgx.Conn, _ int, _ int64) error {
					k := insertKey(inserted.Add(1)-1, rows)
					_, err := conn.Exec(ctx, q, k, value(k))
					return err
				}
			}
			r, err := load.Run(conns, c.warmup, c.duration, do)
			closeAll(ctx, conns)
			if err != nil {
				return fmt.Errorf("%s on %s, %d clients: %w", op, table, n, err)
			}
			cell := fmt.Sprintf("%s, %d client%s", op, n, map[bool]string{true: "s"}[n > 1])
			text := fmt.Sprintf("%s/s, p50 %s, p99 %s", load.Thousands(r.Rate), load.Ms(r.P50), load.Ms(r.P99))
			if save != nil {
				save[cell] = r.Rate
			}
			if b := base[cell]; b > 0 {
				text += fmt.Sprintf(" (%.2f× of %s rows)", r.Rate/b, load.Thousands(float64(c.smallRows)))
			}
			if err := c.emit("table size", fmt.Sprintf("%s, %s rows", cell, load.Thousands(float64(rows))), r.Rate, text); err != nil {
				return err
			}
		}
	}
	return nil
}

func closeAll(ctx context.Context, conns []*pgx.Conn) {
	for _, conn := range conns {
		if conn != nil {
			conn.Close(ctx)
		}
	}
}

// readKey is the n-th key read from a table of rows rows (keys 2..2*rows).
func readKey(n int64, rows int) int64 {
	return 2 * (1 + n*keyStride%int64(rows))
}

// insertKey is the k-th key inserted into a table of rows rows: odd, so
// never a loaded key, scattered over the loaded range for the first rows
// inserts and then above it.
func insertKey(k int64, rows int) int64 {
	r := int64(rows)
	return 2*(k*keyStride%r) + 1 + 2*r*(k/r)
}

// value is the text stored with key k.
func value(k int64) string {
	s := strconv.FormatUint(uint64(k)*2654435761, 16)
	var b strings.Builder
	for b.Len() < valueLen {
		b.WriteString(s)
		b.WriteByte('-')
	}
	return b.String()[:valueLen]
}

// writeRows writes rows rows of COPY text (keys 2, 4, ... 2*rows).
func writeRows(w io.Writer, rows int) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	for i := 1; i <= rows; i++ {
		k := int64(2 * i)
		bw.WriteString(strconv.FormatInt(k, 10))
		bw.WriteByte('\t')
		bw.WriteString(value(k))
		if err := bw.WriteByte('\n'); err != nil {
			return err
		}
	}
	return bw.Flush()
}

func genFile(path string, rows int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := writeRows(f, rows); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// copyCount sends src to table with COPY FROM STDIN: in one COPY when
// chunk is 0, else in COPY commands of about chunk bytes each (whole
// lines), on streams connections at once, each taking the next chunk when
// its COPY is done. It returns the number of COPY commands.
func (c *config) copyCount(ctx context.Context, table string, src io.Reader, chunk, streams int) (int, error) {
	q := "COPY " + table + " (id, v) FROM STDIN"
	if chunk == 0 {
		conn, err := c.connect(ctx, 0)
		if err != nil {
			return 0, err
		}
		defer conn.Close(ctx)
		_, err = conn.PgConn().CopyFrom(ctx, src, q)
		return 1, err
	}
	var mu sync.Mutex // guards br, n, done
	br := bufio.NewReaderSize(src, 1<<20)
	n, done := 0, false
	// next reads the next chunk into buf (whole lines; empty at the end).
	next := func(buf []byte) ([]byte, error) {
		mu.Lock()
		defer mu.Unlock()
		buf = buf[:0]
		for !done && len(buf) < chunk {
			line, err := br.ReadSlice('\n')
			buf = append(buf, line...)
			switch {
			case err == io.EOF:
				done = true
			case err != nil && !errors.Is(err, bufio.ErrBufferFull):
				return nil, err
			}
		}
		if len(buf) > 0 {
			n++
		}
		return buf, nil
	}
	errs := make([]error, max(streams, 1))
	var wg sync.WaitGroup
	for w := range errs {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			conn, err := c.connect(ctx, w)
			if err != nil {
				errs[w] = err
				return
			}
			defer conn.Close(ctx)
			buf := make([]byte, 0, chunk+4096)
			for {
				if buf, err = next(buf); err != nil || len(buf) == 0 {
					errs[w] = err
					return
				}
				if _, err := conn.PgConn().CopyFrom(ctx, bytes.NewReader(buf), q); err != nil {
					errs[w] = fmt.Errorf("COPY of %d bytes: %w", len(buf), err)
					return
				}
			}
		}(w)
	}
	wg.Wait()
	return n, errors.Join(errs...)
}

func (c *config) copyPhase(ctx context.Context) error {
	f, err := os.Open(c.copyFile)
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	start := time.Now()
	n, err := c.copyCount(ctx, "bench_big", f, c.copyChunk, c.copyStreams)
	if err != nil {
		return err
	}
	secs := time.Since(start).Seconds()
	how := "one COPY"
	if c.copyChunk > 0 {
		how = fmt.Sprintf("%d COPY commands of %d MiB", n, c.copyChunk>>20)
		if c.copyStreams > 1 {
			how += fmt.Sprintf(", %d connections at once", c.copyStreams)
		}
	}
	row := fmt.Sprintf("COPY FROM STDIN, %s rows, %.2f GiB", load.Thousands(float64(c.rows)), float64(st.Size())/(1<<30))
	text := fmt.Sprintf("%s rows/s, %.1f MB/s (%.1f s, %s)", load.Thousands(float64(c.rows)/secs),
		float64(st.Size())/1e6/secs, secs, how)
	if err := c.emit("COPY", row, float64(c.rows)/secs, text); err != nil {
		return err
	}
	if c.afterCopy == "" {
		return nil
	}
	// On every node: CHECKPOINT is local to a node on raftsql (it makes
	// that node's snapshot), so the measurements after start with no
	// node still writing the load out.
	start = time.Now()
	for i := range c.urls {
		conn, err := c.connect(ctx, i)
		if err != nil {
			return err
		}
		for _, q := range strings.Split(c.afterCopy, ";") {
			if _, err := conn.Exec(ctx, q); err != nil {
				conn.Close(ctx)
				return fmt.Errorf("%s: %w", q, err)
			}
		}
		conn.Close(ctx)
	}
	return c.emit("COPY", "then, on every node", 0, fmt.Sprintf("%s: %.1f s", c.afterCopy, time.Since(start).Seconds()))
}

// memory reads the server's PSS with no client connection, then with
// idle connections (connected, one SELECT run), then with connections
// that each hold a transaction with a cursor open over the small table.
func (c *config) memory(ctx context.Context) error {
	base, err := c.settledPSS()
	if err != nil {
		return err
	}
	if err := c.emit("memory", "no client connection", 0, fmt.Sprintf("%.1f MiB", mib(base))); err != nil {
		return err
	}
	for _, levels := range []struct {
		counts []int
		what   string
		setup  []string
	}{
		{c.idle, "idle connections", []string{"SELECT 1"}},
		{c.active, "connections, each in a transaction that has read one row",
			[]string{"BEGIN", "SELECT v FROM bench_small WHERE id = 2"}},
		{c.active, fmt.Sprintf("connections, each in a transaction with a cursor open (10 of %s rows fetched)", load.Thousands(float64(c.smallRows))),
			[]string{"BEGIN", "DECLARE c CURSOR FOR SELECT id, v FROM bench_small", "FETCH 10 FROM c"}},
	} {
		var conns []*pgx.Conn
		for _, n := range levels.counts {
			more, err := c.openConns(ctx, len(conns), n-len(conns), levels.setup)
			conns = append(conns, more...)
			if err != nil {
				closeAll(ctx, conns)
				return err
			}
			pss, err := c.settledPSS()
			if err != nil {
				closeAll(ctx, conns)
				return err
			}
			per := (pss - base) / float64(n)
			text := fmt.Sprintf("%.1f MiB, %s KiB per connection", mib(pss), load.Thousands(per/1024))
			if err := c.emit("memory", fmt.Sprintf("%s %s", load.Thousands(float64(n)), levels.what), per/1024, text); err != nil {
				closeAll(ctx, conns)
				return err
			}
		}
		closeAll(ctx, conns)
	}
	return nil
}

// openConns opens n connections (numbered from first, for the round-robin
// over URLs), running setup on each, eight at a time.
func (c *config) openConns(ctx context.Context, first, n int, setup []string) ([]*pgx.Conn, error) {
	conns := make([]*pgx.Conn, n)
	errs := make([]error, n)
	sem := make(chan struct{}, 8)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		sem <- struct{}{}
		go func(i int) {
			defer wg.Done()
			defer func() { <-sem }()
			conn, err := c.connect(ctx, first+i)
			if err != nil {
				errs[i] = err
				return
			}
			conns[i] = conn
			for _, q := range setup {
				if _, err := conn.Exec(ctx, q); err != nil {
					errs[i] = fmt.Errorf("%s: %w", q, err)
					return
				}
			}
		}(i)
	}
	wg.Wait()
	var out []*pgx.Conn
	for _, conn := range conns {
		if conn != nil {
			out = append(out, conn)
		}
	}
	return out, errors.Join(errs...)
}

func mib(b float64) float64 { return b / (1 << 20) }

// settledPSS reads the processes' PSS until two readings half a second
// apart differ by less than 1% (a server may still be growing or freeing
// memory after the clients' last step), for at most c.memSettle.
func (c *config) settledPSS() (float64, error) {
	prev, err := pss(c.pids)
	if err != nil {
		return 0, err
	}
	for deadline := time.Now().Add(c.memSettle); time.Now().Before(deadline); {
		time.Sleep(500 * time.Millisecond)
		cur, err := pss(c.pids)
		if err != nil {
			return 0, err
		}
		if d := cur - prev; d < prev/100 && -d < prev/100 {
			return cur, nil
		}
		prev = cur
	}
	return prev, nil
}

// pss is the summed PSS in bytes of pids and all their descendants.
func pss(pids []int) (float64, error) {
	children := map[int][]int{}
	ents, err := os.ReadDir("/proc")
	if err != nil {
		return 0, err
	}
	for _, e := range ents {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		stat, err := os.ReadFile("/proc/" + e.Name() + "/stat")
		if err != nil {
			continue // exited meanwhile
		}
		// The fields after the command name (which may hold spaces and
		// parentheses) start after its last ')': state, then ppid.
		i := bytes.LastIndexByte(stat, ')')
		f := strings.Fields(string(stat[i+1:]))
		if len(f) < 2 {
			continue
		}
		ppid, _ := strconv.Atoi(f[1])
		children[ppid] = append(children[ppid], pid)
	}
	var total float64
	seen := map[int]bool{}
	var walk func(pid int) error
	walk = func(pid int) error {
		if seen[pid] {
			return nil
		}
		seen[pid] = true
		kb, err := rollupPSS(pid)
		if err != nil {
			return err
		}
		total += kb * 1024
		for _, ch := range children[pid] {
			if err := walk(ch); err != nil && !errors.Is(err, os.ErrNotExist) {
				return err
			}
		}
		return nil
	}
	for _, p := range pids {
		if err := walk(p); err != nil {
			return 0, fmt.Errorf("pid %d: %w", p, err)
		}
	}
	return total, nil
}

func rollupPSS(pid int) (float64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/smaps_rollup", pid))
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "Pss:"); ok {
			return strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
		}
	}
	return 0, fmt.Errorf("no Pss in /proc/%d/smaps_rollup", pid)
}
