package sqlexec

// One pwrite per WAL frame. SQLite writes each frame of its WAL as two
// calls, the 24-byte frame header and then the page at the next offset
// (wal.c, walWriteOneFrame), so a one-row INSERT's ~5.5 pages cost ~11
// pwrite system calls (docs/benchmarks.md, rounds 11 and 12). The apply
// and read connections' VFS (registerClockVFS) opens WAL files with the
// unix VFS's methods wrapped: a 24-byte write is held back, and the next
// write, when it continues it, goes out with it as one pwrite. Only a
// header that continues this handle's previous write is held (a frame
// appended to the log); a header rewritten in place (wal.c,
// walRewriteChecksums, with no page after it) is written at once. Anything
// else done with the file first (a read, sync, truncate, size, file
// control, mapping, close) writes the held header out first. So a held
// header lives only between walWriteOneFrame's two calls: before SQLite
// publishes a commit in the wal-index, every byte of its frames has been
// handed to the kernel, as before.

import (
	"sync"
	"unsafe"

	"modernc.org/libc"
	lib "modernc.org/sqlite/lib"
)

// walFrameHeader is the size of a WAL frame header (wal.c WAL_FRAME_HDRSIZE).
const walFrameHeader = 24

// walFile is the state kept after the unix VFS's own file struct (the
// VFS's szOsFile grows by its size), in SQLite's memory.
type walFile struct {
	base    uintptr // the unix VFS's io methods for this file
	held    int32   // 1: hdr waits to be written at heldOff
	heldOff int64
	hdr     [walFrameHeader]byte
	buf     uintptr // libc memory for a header and its page, written as one
	bufCap  int64
	end     int64 // where this handle's last write ended
}

var (
	walMethodsMu sync.Mutex
	// walMethods maps the unix VFS's io methods to the wrapped copy.
	walMethods = map[uintptr]uintptr{}
	// walBaseOpen is the unix VFS's xOpen; walFileAt is the offset of a
	// file's walFile (the unix VFS's szOsFile, 8-aligned).
	walBaseOpen uintptr
	walFileAt   int32
)

// wrapWALOpen makes v (a copy of the unix VFS) open WAL files through
// walFile's methods.
func wrapWALOpen(v *lib.Tsqlite3_vfs) {
	walMethodsMu.Lock()
	if walBaseOpen == 0 {
		walBaseOpen = v.FxOpen
		walFileAt = (v.FszOsFile + 7) &^ 7
	}
	walMethodsMu.Unlock()
	v.FszOsFile = walFileAt + int32(unsafe.Sizeof(walFile{}))
	v.FxOpen = cFuncPointer(walOpen)
}

func walStateOf(f uintptr) *walFile { return (*walFile)(cptr(f + uintptr(walFileAt))) }

func walOpen(tls *libc.TLS, pVfs, zName, f uintptr, flags int32, pOutFlags uintptr) int32 {
	s := walStateOf(f)
	*s = walFile{}
	rc := (*(*func(*libc.TLS, uintptr, uintptr, uintptr, int32, uintptr) int32)(unsafe.Pointer(&struct{ uintptr }{walBaseOpen})))(tls, pVfs, zName, f, flags, pOutFlags)
	file := (*lib.Tsqlite3_file)(cptr(f))
	if rc != lib.SQLITE_OK || flags&lib.SQLITE_OPEN_WAL == 0 || file.FpMethods == 0 {
		return rc
	}
	s.base = file.FpMethods
	file.FpMethods = walMethodsFor(tls, s.base)
	return rc
}

// walMethodsFor returns the wrapped copy of base (made once, never freed:
// files refer to it for as long as the process runs).
func walMethodsFor(tls *libc.TLS, base uintptr) uintptr {
	walMethodsMu.Lock()
	defer walMethodsMu.Unlock()
	if m, ok := walMethods[base]; ok {
		return m
	}
	p := libc.Xmalloc(tls, uint64(unsafe.Sizeof(lib.Tsqlite3_io_methods{})))
	m := (*lib.Tsqlite3_io_methods)(cptr(p))
	*m = *(*lib.Tsqlite3_io_methods)(cptr(base))
	m.FxClose = cFuncPointer(walClose)
	m.FxRead = cFuncPointer(walRead)
	m.FxWrite = cFuncPointer(walWrite)
	m.FxTruncate = cFuncPointer(walTruncate)
	m.FxSync = cFuncPointer(walSync)
	m.FxFileSize = cFuncPointer(walFileSize)
	m.FxFileControl = cFuncPointer(walFileControl)
	if m.FxFetch != 0 {
		m.FxFetch = cFuncPointer(walFetch)
	}
	walMethods[base] = p
	return p
}

func (s *walFile) methods() *lib.Tsqlite3_io_methods {
	return (*lib.Tsqlite3_io_methods)(cptr(s.base))
}

func callWrite(fp uintptr, tls *libc.TLS, f, p uintptr, n int32, off int64) int32 {
	return (*(*func(*libc.TLS, uintptr, uintptr, int32, int64) int32)(unsafe.Pointer(&struct{ uintptr }{fp})))(tls, f, p, n, off)
}

// flush writes a held header out.
func (s *walFile) flush(tls *libc.TLS, f uintptr) int32 {
	if s.held == 0 {
		return lib.SQLITE_OK
	}
	s.held = 0
	return s.write(tls, f, uintptr(unsafe.Pointer(&s.hdr[0])), walFrameHeader, s.heldOff)
}

func (s *walFile) write(tls *libc.TLS, f, p uintptr, n int32, off int64) int32 {
	s.end = off + int64(n)
	return callWrite(s.methods().FxWrite, tls, f, p, n, off)
}

func walWrite(tls *libc.TLS, f, p uintptr, n int32, off int64) int32 {
	s := walStateOf(f)
	if s.held != 0 && off == s.heldOff+walFrameHeader {
		// The page after its header: one write of both.
		need := int64(walFrameHeader) + int64(n)
		if s.bufCap < need {
			if s.buf != 0 {
				libc.Xfree(tls, s.buf)
			}
			s.buf = libc.Xmalloc(tls, uint64(need))
			if s.buf == 0 {
				s.bufCap = 0
				if rc := s.flush(tls, f); rc != lib.SQLITE_OK {
					return rc
				}
				return s.write(tls, f, p, n, off)
			}
			s.bufCap = need
		}
		dst := unsafe.Slice((*byte)(cptr(s.buf)), need)
		copyBytes(dst, s.hdr[:])
		copyBytes(dst[walFrameHeader:], unsafe.Slice((*byte)(cptr(p)), n))
		s.held = 0
		return s.write(tls, f, s.buf, int32(need), s.heldOff)
	}
	if rc := s.flush(tls, f); rc != lib.SQLITE_OK {
		return rc
	}
	if n == walFrameHeader && off == s.end {
		copyBytes(s.hdr[:], unsafe.Slice((*byte)(cptr(p)), n))
		s.held, s.heldOff = 1, off
		return lib.SQLITE_OK
	}
	return s.write(tls, f, p, n, off)
}

func walClose(tls *libc.TLS, f uintptr) int32 {
	s := walStateOf(f)
	rc := s.flush(tls, f)
	if s.buf != 0 {
		libc.Xfree(tls, s.buf)
		s.buf, s.bufCap = 0, 0
	}
	rc2 := (*(*func(*libc.TLS, uintptr) int32)(unsafe.Pointer(&struct{ uintptr }{s.methods().FxClose})))(tls, f)
	if rc != lib.SQLITE_OK {
		return rc
	}
	return rc2
}

func walRead(tls *libc.TLS, f, p uintptr, n int32, off int64) int32 {
	s := walStateOf(f)
	if rc := s.flush(tls, f); rc != lib.SQLITE_OK {
		return rc
	}
	return (*(*func(*libc.TLS, uintptr, uintptr, int32, int64) int32)(unsafe.Pointer(&struct{ uintptr }{s.methods().FxRead})))(tls, f, p, n, off)
}

func walTruncate(tls *libc.TLS, f uintptr, size int64) int32 {
	s := walStateOf(f)
	if rc := s.flush(tls, f); rc != lib.SQLITE_OK {
		return rc
	}
	return (*(*func(*libc.TLS, uintptr, int64) int32)(unsafe.Pointer(&struct{ uintptr }{s.methods().FxTruncate})))(tls, f, size)
}

func walSync(tls *libc.TLS, f uintptr, flags int32) int32 {
	s := walStateOf(f)
	if rc := s.flush(tls, f); rc != lib.SQLITE_OK {
		return rc
	}
	return (*(*func(*libc.TLS, uintptr, int32) int32)(unsafe.Pointer(&struct{ uintptr }{s.methods().FxSync})))(tls, f, flags)
}

func walFileSize(tls *libc.TLS, f, pSize uintptr) int32 {
	s := walStateOf(f)
	if rc := s.flush(tls, f); rc != lib.SQLITE_OK {
		return rc
	}
	return (*(*func(*libc.TLS, uintptr, uintptr) int32)(unsafe.Pointer(&struct{ uintptr }{s.methods().FxFileSize})))(tls, f, pSize)
}

func walFileControl(tls *libc.TLS, f uintptr, op int32, pArg uintptr) int32 {
	s := walStateOf(f)
	if rc := s.flush(tls, f); rc != lib.SQLITE_OK {
		return rc
	}
	return (*(*func(*libc.TLS, uintptr, int32, uintptr) int32)(unsafe.Pointer(&struct{ uintptr }{s.methods().FxFileControl})))(tls, f, op, pArg)
}

func walFetch(tls *libc.TLS, f uintptr, off int64, n int32, pp uintptr) int32 {
	s := walStateOf(f)
	if rc := s.flush(tls, f); rc != lib.SQLITE_OK {
		return rc
	}
	return (*(*func(*libc.TLS, uintptr, int64, int32, uintptr) int32)(unsafe.Pointer(&struct{ uintptr }{s.methods().FxFetch})))(tls, f, off, n, pp)
}

// copyBytes is copy, kept out of line: go1.26.8's compiler fails
// ("disjointTypes: one of arguments is not a pointer") when it inlines a
// 24-byte copy between a walFile field and memory named by a uintptr.
//
//go:noinline
func copyBytes(dst, src []byte) { copy(dst, src) }
