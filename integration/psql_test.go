package integration

// psql 15 against a 3-node cluster: meta-commands compared with the output
// of a real PostgreSQL 15 server for the same schema, and `psql -f` of a
// script with transactions and \copy in and out.
//
// The expected files in testdata/psql/ are the unmodified output of psql 15
// against PostgreSQL 15.18 (initdb -U postgres --locale=C.UTF-8 -E UTF8, a
// database "raftsql", testdata/psql/schema.sql loaded), made with
//
//	psql -X -h 127.0.0.1 -p PORT -U postgres -c '\d users' raftsql > d_users.out 2>&1
//	psql -X -h 127.0.0.1 -p PORT -U postgres -f script.sql raftsql > script.stdout.out 2> script.stderr.out
//
// (run in testdata/psql, right after schema.sql). Normalizations, applied
// to the expected and the actual output alike (everything else must match
// byte for byte):
//   - \conninfo: the port number becomes PORT (the test's ports are random).
//   - \l: only the header cells and the cells of the row "raftsql" are
//     compared, with the Collate and Ctype cells blanked. A PostgreSQL
//     server also lists its own databases postgres, template0 and
//     template1 (which change the column widths psql computes), and the
//     locale is a choice made at initdb time.
//   - script.sql sets VERBOSITY sqlstate, so psql prints errors as
//     "ERROR:  <SQLSTATE>" and not SQLite's or PostgreSQL's wording.

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

type psqlRunner struct {
	t    *testing.T
	bin  string
	dir  string
	host string
	port string
}

func (p psqlRunner) run(args ...string) (stdout, stderr string, err error) {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	full := append([]string{"-X", "-h", p.host, "-p", p.port, "-U", "postgres"}, args...)
	full = append(full, "raftsql")
	cmd := exec.CommandContext(ctx, p.bin, full...)
	cmd.Dir = p.dir
	var env []string
	for _, e := range os.Environ() {
		if !strings.HasPrefix(e, "PG") && !strings.HasPrefix(e, "PSQL") {
			env = append(env, e)
		}
	}
	cmd.Env = append(env, "PGCONNECT_TIMEOUT=10", "PAGER=", "COLUMNS=200")
	var o, e bytes.Buffer
	cmd.Stdout = &o
	cmd.Stderr = &e
	err = cmd.Run()
	return o.String(), e.String(), err
}

func psqlSetup(t *testing.T) (psqlRunner, *memCluster) {
	t.Helper()
	bin := needTool(t, "psql")
	dir, err := filepath.Abs(filepath.Join("testdata", "psql"))
	if err != nil {
		t.Fatal(err)
	}
	c := startMemCluster(t, 3)
	c.waitLeader(10 * time.Second)
	host, port := hostPort(c.pgAddrs[1])
	p := psqlRunner{t: t, bin: bin, dir: dir, host: host, port: port}
	// psql -f loads the schema (ON_ERROR_STOP: any failure is fatal).
	if out, errOut, err := p.run("-q", "-v", "ON_ERROR_STOP=1", "-f", "schema.sql"); err != nil || errOut != "" {
		t.Fatalf("psql -f schema.sql: %v\nstdout:\n%s\nstderr:\n%s", err, out, errOut)
	}
	return p, c
}

func (p psqlRunner) on(c *memCluster, i int) psqlRunner {
	p.host, p.port = hostPort(c.pgAddrs[i])
	return p
}

var portRE = regexp.MustCompile(`at port "\d+"`)

func normalizePsql(name, out string) string {
	switch name {
	case "conninfo":
		return portRE.ReplaceAllString(out, `at port "PORT"`)
	case "l":
		return normalizeDatabaseList(out)
	}
	return out
}

// normalizeDatabaseList keeps the header cells and the cells of the raftsql
// row of \l output, Collate and Ctype blanked.
func normalizeDatabaseList(out string) string {
	lines := strings.Split(out, "\n")
	var keep []string
	var header []string
	for i, l := range lines {
		cells := strings.Split(l, "|")
		for j := range cells {
			cells[j] = strings.TrimSpace(cells[j])
		}
		if i > 0 && header == nil && len(cells) > 3 {
			header = cells
			keep = append(keep, "header: "+strings.Join(cells, "|"))
			continue
		}
		if header != nil && len(cells) == len(header) && cells[0] == "raftsql" {
			for j, h := range header {
				if h == "Collate" || h == "Ctype" {
					cells[j] = "*"
				}
			}
			keep = append(keep, "row: "+strings.Join(cells, "|"))
		}
	}
	if len(lines) > 0 {
		keep = append([]string{"title: " + strings.TrimSpace(lines[0])}, keep...)
	}
	return strings.Join(keep, "\n") + "\n"
}

func readExpected(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestPsqlMetaCommands: \l, \dt, \d, \d TABLE, \d VIEW, \di, \dn, \du, \dv,
// \conninfo print what PostgreSQL 15 prints for the same schema, on every
// node.
func TestPsqlMetaCommands(t *testing.T) {
	p, c := psqlSetup(t)
	cmds := []struct {
		name string
		args []string
		exit int // psql's exit status with PostgreSQL
	}{
		{"l", []string{"-c", `\l`}, 0},
		{"dt", []string{"-c", `\dt`}, 0},
		{"d", []string{"-c", `\d`}, 0},
		{"d_users", []string{"-c", `\d users`}, 0},
		{"d_active_users", []string{"-c", `\d active_users`}, 0},
		{"di", []string{"-c", `\di`}, 0},
		{"dn", []string{"-c", `\dn`}, 0},
		{"du", []string{"-c", `\du`}, 0},
		{"dv", []string{"-c", `\dv`}, 0},
		{"conninfo", []string{"-c", `\conninfo`}, 0},
		{"d_nosuchtable", []string{"-c", `\d nosuchtable`}, 1},
		{"err_nosuchtable", []string{"-c", "SELECT * FROM nosuchtable"}, 1},
		{"select", []string{"-c", "SELECT id, email FROM users WHERE id = 1", "-c", "SELECT 1 AS a, 'x' AS b, NULL AS c, true AS d, 1.5::numeric AS e"}, 0},
	}
	for i, m := range cmds {
		t.Run(m.name, func(t *testing.T) {
			node := i % 3
			out, errOut, err := p.on(c, node).run(m.args...)
			exit := 0
			if ee, ok := err.(*exec.ExitError); ok {
				exit = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			got := normalizePsql(m.name, out+errOut)
			want := normalizePsql(m.name, readExpected(t, p.dir, m.name+".out"))
			if exit != m.exit || got != want {
				t.Errorf("psql %q on node %d: exit status %d (want %d)\n--- got\n%s--- want (PostgreSQL 15)\n%s", m.args, node, exit, m.exit, got, want)
			}
		})
	}
}

// TestPsqlScript: psql -f of a script with a committed transaction, a
// transaction that fails (25P02, COMMIT answers ROLLBACK), a rolled back
// one, savepoints, \copy from a CSV file and from inline stdin data,
// several statements on one line, \copy to stdout; then the result is read
// through another node.
func TestPsqlScript(t *testing.T) {
	p, c := psqlSetup(t)
	out, errOut, err := p.run("-f", "script.sql")
	if err != nil {
		t.Errorf("psql -f script.sql: %v", err)
	}
	if want := readExpected(t, p.dir, "script.stdout.out"); out != want {
		t.Errorf("psql -f script.sql stdout\n--- got\n%s--- want (PostgreSQL 15)\n%s", out, want)
	}
	if want := readExpected(t, p.dir, "script.stderr.out"); errOut != want {
		t.Errorf("psql -f script.sql stderr\n--- got\n%s--- want (PostgreSQL 15)\n%s", errOut, want)
	}
	out, errOut, err = p.on(c, 2).run("-c", "SELECT count(*), sum(score) FROM users", "-c", "SELECT name FROM users WHERE id = 21")
	if want := readExpected(t, p.dir, "script.after.out"); err != nil || out+errOut != want {
		t.Errorf("read after the script on another node (exit: %v)\n--- got\n%s--- want (PostgreSQL 15)\n%s", err, out+errOut, want)
	}
}
