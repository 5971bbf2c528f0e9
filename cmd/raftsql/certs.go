package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/raftsql/raftsql/devcert"
)

// certs makes a development CA (kept and reused in --dir) and certificates
// for nodes and clients, so that a TLS setup is one command away.
func certs(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("raftsql certs", flag.ContinueOnError)
	fl.SetOutput(stderr)
	dir := fl.String("dir", "raftsql-certs", "directory for ca.crt/ca.key and the certificates (created; an existing CA in it is reused)")
	nodes := fl.String("nodes", "", "comma-separated node names: NAME.crt/NAME.key for each, serving --hosts (PostgreSQL and peer TLS)")
	hosts := fl.String("hosts", "localhost,127.0.0.1,::1", "comma-separated host names and IP addresses the node certificates are valid for")
	clients := fl.String("clients", "", "comma-separated PostgreSQL user names: client certificates NAME.crt/NAME.key")
	days := fl.Int("days", 365, "validity of new certificates in days")
	if code, ok := parseFlags(fl, args, stderr, "Usage: raftsql certs [flags]\n\nMakes a development certificate authority and certificates for nodes and\nclients. For production use your own PKI: raftsql reads ordinary PEM files.\n\nFlags:\n"); !ok {
		return code
	}
	if *nodes == "" && *clients == "" {
		fmt.Fprintln(stderr, "raftsql certs: nothing to make: give --nodes and/or --clients")
		return 2
	}
	if *days <= 0 {
		fmt.Fprintf(stderr, "raftsql certs: invalid --days %d: must be positive\n", *days)
		return 2
	}
	life := time.Duration(*days) * 24 * time.Hour
	if err := makeCerts(*dir, splitList(*nodes), splitList(*hosts), splitList(*clients), life, stdout); err != nil {
		fmt.Fprintf(stderr, "raftsql certs: %v\n", err)
		return 1
	}
	return 0
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func makeCerts(dir string, nodes, hosts, clients []string, life time.Duration, stdout io.Writer) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	for _, n := range append(append([]string(nil), nodes...), clients...) {
		if n == "ca" || strings.ContainsAny(n, `/\`) || strings.HasPrefix(n, ".") {
			return fmt.Errorf("invalid name %q", n)
		}
	}
	caCert, caKey := filepath.Join(dir, "ca.crt"), filepath.Join(dir, "ca.key")
	var ca *devcert.CA
	certPEM, err1 := os.ReadFile(caCert)
	keyPEM, err2 := os.ReadFile(caKey)
	switch {
	case err1 == nil && err2 == nil:
		if ca, err1 = devcert.LoadCA(certPEM, keyPEM); err1 != nil {
			return fmt.Errorf("%s: %w", dir, err1)
		}
		fmt.Fprintf(stdout, "using the CA in %s\n", caCert)
	case errors.Is(err1, fs.ErrNotExist) && errors.Is(err2, fs.ErrNotExist):
		var err error
		if ca, err = devcert.NewCA("raftsql development CA", 10*life); err != nil {
			return err
		}
		if err := writePair(caCert, caKey, ca.CertPEM, ca.KeyPEM); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "made a CA: %s (give it to clients as sslrootcert and to nodes as --peer-tls-ca), %s (keep it secret)\n", caCert, caKey)
	default:
		return fmt.Errorf("%s: a CA needs both ca.crt and ca.key", dir)
	}
	issue := func(name string, h []string) error {
		c, k, err := ca.Issue(name, h, life)
		if err != nil {
			return err
		}
		crt, key := filepath.Join(dir, name+".crt"), filepath.Join(dir, name+".key")
		if err := writePair(crt, key, c, k); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "made %s and %s\n", crt, key)
		return nil
	}
	for _, n := range nodes {
		if err := issue(n, append([]string{n}, hosts...)); err != nil {
			return err
		}
	}
	for _, c := range clients {
		if err := issue(c, nil); err != nil {
			return err
		}
	}
	return nil
}

// writePair writes a certificate (0644) and its key (0600, as libpq
// demands of sslkey), refusing to overwrite either.
func writePair(crtPath, keyPath string, crt, key []byte) error {
	for _, p := range []struct {
		path string
		data []byte
		mode os.FileMode
	}{{crtPath, crt, 0o644}, {keyPath, key, 0o600}} {
		f, err := os.OpenFile(p.path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, p.mode)
		if err != nil {
			return err
		}
		if _, err := f.Write(p.data); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
	}
	return nil
}
