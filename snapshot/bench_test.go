package snapshot

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cockroachdb/pebble/v2/vfs"
)

// BenchmarkMakeShipInstall measures the three phases of a snapshot on the
// real file system with a generated image (a fake Source: no SQLite), the
// stream going over a loopback TCP connection:
//
//	go test ./snapshot -run '^$' -bench MakeShipInstall -benchtime 3x
//
// Reported per operation: make_ms (Source writes the image, Encode,
// fsync, rename), ship_ms (Sender stream -> TCP -> Receive, verified and
// fsynced), install_ms (extract with verification, fsync, rename over the
// live file), heap_peak_MiB (live heap sampled every 8 MiB sent, above the
// level before the operation), alloc_MiB (bytes allocated per operation)
// and vmhwm_MiB (the process's peak RSS so far, from /proc/self/status).
// Results and conditions: docs/benchmarks-snapshot.md.
func BenchmarkMakeShipInstall(b *testing.B) {
	for _, mib := range []int64{10, 100} {
		b.Run(fmt.Sprintf("%dMiB", mib), func(b *testing.B) {
			size := mib << 20
			dir := b.TempDir()
			fs := vfs.Default
			a := openStore(b, fs, dir+"/a/snapshots", Options{Keep: 1})
			r := openStore(b, fs, dir+"/b/snapshots", Options{Keep: 1})
			snd := NewSender(a, SenderOptions{})
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				b.Fatal(err)
			}
			defer ln.Close()
			var makeT, shipT, instT time.Duration
			var peak, alloc uint64
			b.SetBytes(size)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				meta := testMeta(uint64(i) + 1)
				base := heapInuse()
				alloc0 := totalAlloc()
				t0 := time.Now()
				if _, err := a.Make(context.Background(), &fakeSource{fs: fs, meta: meta, seed: uint64(i), size: size}); err != nil {
					b.Fatal(err)
				}
				t1 := time.Now()
				sent := make(chan error, 1)
				go func() {
					c, err := net.Dial("tcp", ln.Addr().String())
					if err != nil {
						sent <- err
						return
					}
					defer c.Close()
					rc, _, err := snd.Stream(context.Background(), meta.Index, 2)
					if err != nil {
						sent <- err
						return
					}
					defer rc.Close()
					_, err = io.Copy(c, rc)
					sent <- err
				}()
				c, err := ln.Accept()
				if err != nil {
					b.Fatal(err)
				}
				w := &heapWatch{r: c, every: 8 << 20}
				if _, err := r.Receive(context.Background(), w, meta); err != nil {
					b.Fatal(err)
				}
				c.Close()
				if err := <-sent; err != nil {
					b.Fatal(err)
				}
				t2 := time.Now()
				if _, err := r.Install(context.Background(), meta.Index, &fakeInstaller{fs: fs, live: dir + "/b/db.sqlite"}); err != nil {
					b.Fatal(err)
				}
				t3 := time.Now()
				makeT += t1.Sub(t0)
				shipT += t2.Sub(t1)
				instT += t3.Sub(t2)
				peak = max(peak, w.peak-min(w.peak, base))
				alloc += totalAlloc() - alloc0
			}
			n := float64(b.N)
			b.ReportMetric(float64(makeT.Milliseconds())/n, "make_ms")
			b.ReportMetric(float64(shipT.Milliseconds())/n, "ship_ms")
			b.ReportMetric(float64(instT.Milliseconds())/n, "install_ms")
			b.ReportMetric(float64(peak)/(1<<20), "heap_peak_MiB")
			b.ReportMetric(float64(alloc)/n/(1<<20), "alloc_MiB")
			b.ReportMetric(float64(vmHWM())/(1<<20), "vmhwm_MiB")
		})
	}
}

// vmHWM returns the process's peak resident set size (Linux), or 0.
func vmHWM() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}
