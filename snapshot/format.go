package snapshot

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"

	"github.com/raftsql/raftsql/membership"
	"github.com/raftsql/raftsql/raft"
)

// Format constants. The file layout is described in the package doc.
const (
	// Magic starts every snapshot file.
	Magic = "RSQLSNAP"
	// Version is the format version this package writes and reads.
	Version = 1

	prefixLen  = 16 // magic, version, flags, body length
	chunkHdr   = 8  // chunk length, chunk CRC
	digestLen  = sha256.Size
	maxBodyLen = 1 << 20 // a header body above this is malformed

	// DefaultChunkBytes is the image chunk size: big enough that the
	// per-chunk overhead is noise, small enough that a reader holds one
	// chunk at a time.
	DefaultChunkBytes = 1 << 20
	// MaxChunkBytes bounds the chunk size a decoder accepts, and so the
	// memory a hostile or damaged header can make it allocate.
	MaxChunkBytes = 16 << 20
)

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// Header is what a snapshot file says about itself.
type Header struct {
	// Meta is the Raft metadata: the last entry the image covers and the
	// configuration in force there.
	Meta raft.SnapshotMeta
	// ImageBytes is the length of the SQLite image.
	ImageBytes int64
	// ChunkBytes is the length of every image chunk but the last.
	ChunkBytes int
}

// EncodedSize returns the length of the file Encode writes for h.
func (h Header) EncodedSize() int64 {
	n := int64(prefixLen + len(h.appendBody(nil)) + 4)
	chunks := (h.ImageBytes + int64(h.ChunkBytes) - 1) / int64(h.ChunkBytes)
	return n + h.ImageBytes + chunks*chunkHdr + digestLen
}

func (h Header) appendBody(b []byte) []byte {
	b = binary.BigEndian.AppendUint64(b, h.Meta.Index)
	b = binary.BigEndian.AppendUint64(b, h.Meta.Term)
	b = binary.BigEndian.AppendUint64(b, uint64(h.ImageBytes))
	b = binary.BigEndian.AppendUint32(b, uint32(h.ChunkBytes))
	for _, ids := range [][]uint64{h.Meta.Config.Voters, h.Meta.Config.Learners} {
		b = binary.AppendUvarint(b, uint64(len(ids)))
		for _, id := range ids {
			b = binary.AppendUvarint(b, id)
		}
	}
	return b
}

// validate checks what Encode must never write and Decode must refuse.
func (h Header) validate() error {
	if h.Meta.Index == 0 || h.Meta.Term == 0 {
		return fmt.Errorf("index %d term %d: both must be non-zero", h.Meta.Index, h.Meta.Term)
	}
	if h.ImageBytes < 0 {
		return fmt.Errorf("negative image length %d", h.ImageBytes)
	}
	if h.ChunkBytes <= 0 || h.ChunkBytes > MaxChunkBytes {
		return fmt.Errorf("chunk size %d out of range (1..%d)", h.ChunkBytes, MaxChunkBytes)
	}
	if err := h.Meta.Config.Validate(); err != nil {
		return err
	}
	return nil
}

// Encode writes a snapshot file for h to w, reading h.ImageBytes bytes of
// image from image, one chunk at a time. An image shorter or longer than
// h.ImageBytes is an error (the copy changed under us).
func Encode(w io.Writer, h Header, image io.Reader) (int64, error) {
	if err := h.validate(); err != nil {
		return 0, fmt.Errorf("snapshot: encode: %w", err)
	}
	d := sha256.New()
	cw := &countWriter{w: io.MultiWriter(d, w)} // hash first: a writer may scribble on p
	body := h.appendBody(nil)
	b := make([]byte, 0, prefixLen+len(body)+4)
	b = append(b, Magic...)
	b = binary.BigEndian.AppendUint16(b, Version)
	b = binary.BigEndian.AppendUint16(b, 0) // flags: none defined
	b = binary.BigEndian.AppendUint32(b, uint32(len(body)))
	b = append(b, body...)
	b = binary.BigEndian.AppendUint32(b, crc32.Checksum(b, crcTable))
	if _, err := cw.Write(b); err != nil {
		return cw.n, fmt.Errorf("snapshot: encode: write header: %w", err)
	}
	buf := make([]byte, chunkHdr+h.ChunkBytes)
	for left := h.ImageBytes; left > 0; {
		n := int(min(left, int64(h.ChunkBytes)))
		if _, err := io.ReadFull(image, buf[chunkHdr:chunkHdr+n]); err != nil {
			if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
				return cw.n, fmt.Errorf("snapshot: encode: image ended %d bytes early", left)
			}
			return cw.n, fmt.Errorf("snapshot: encode: read image: %w", err)
		}
		binary.BigEndian.PutUint32(buf, uint32(n))
		binary.BigEndian.PutUint32(buf[4:], crc32.Checksum(buf[chunkHdr:chunkHdr+n], crcTable))
		if _, err := cw.Write(buf[:chunkHdr+n]); err != nil {
			return cw.n, fmt.Errorf("snapshot: encode: write chunk: %w", err)
		}
		left -= int64(n)
	}
	if n, _ := image.Read(buf[:1]); n > 0 {
		return cw.n, fmt.Errorf("snapshot: encode: image is longer than %d bytes", h.ImageBytes)
	}
	if _, err := w.Write(d.Sum(nil)); err != nil {
		return cw.n, fmt.Errorf("snapshot: encode: write digest: %w", err)
	}
	return cw.n + digestLen, nil
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// decoder reads and verifies a snapshot file or stream. It reads exactly
// the bytes of one snapshot and never past its trailer, so that a TeeReader
// in front of it copies exactly one snapshot.
type decoder struct {
	r      io.Reader
	source string
	off    int64
	d      hash.Hash
}

func (dc *decoder) fail(kind error, format string, args ...any) *FormatError {
	return &FormatError{Source: dc.source, Offset: dc.off, Kind: kind, Reason: fmt.Sprintf(format, args...)}
}

// read fills p, hashing it unless it is the trailer.
func (dc *decoder) read(p []byte, what string, hashIt bool) error {
	n, err := io.ReadFull(dc.r, p)
	if hashIt {
		dc.d.Write(p[:n])
	}
	dc.off += int64(n)
	if err != nil {
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return dc.fail(ErrTruncated, "ended in the %s", what)
		}
		return fmt.Errorf("snapshot: read %s of %s at byte %d: %w", what, dc.source, dc.off, err)
	}
	return nil
}

// header reads and verifies the header.
func (dc *decoder) header() (Header, error) {
	var pre [prefixLen]byte
	if err := dc.read(pre[:], "header", true); err != nil {
		return Header{}, err
	}
	if string(pre[:8]) != Magic {
		dc.off = 0
		return Header{}, dc.fail(ErrMalformed, "bad magic %q: not a raftsql snapshot", pre[:8])
	}
	if v := binary.BigEndian.Uint16(pre[8:]); v != Version {
		dc.off = 8
		return Header{}, dc.fail(ErrVersion, "format version %d, this binary reads version %d", v, Version)
	}
	if f := binary.BigEndian.Uint16(pre[10:]); f != 0 {
		dc.off = 10
		return Header{}, dc.fail(ErrMalformed, "unknown flags %#x", f)
	}
	bodyLen := binary.BigEndian.Uint32(pre[12:])
	if bodyLen > maxBodyLen {
		return Header{}, dc.fail(ErrMalformed, "header body of %d bytes exceeds %d", bodyLen, maxBodyLen)
	}
	buf := make([]byte, prefixLen+int(bodyLen)+4)
	copy(buf, pre[:])
	if err := dc.read(buf[prefixLen:], "header", true); err != nil {
		return Header{}, err
	}
	end := len(buf) - 4
	if got, want := crc32.Checksum(buf[:end], crcTable), binary.BigEndian.Uint32(buf[end:]); got != want {
		return Header{}, dc.fail(ErrChecksum, "header crc %08x, stored %08x", got, want)
	}
	h, err := parseBody(buf[prefixLen:end])
	if err != nil {
		return Header{}, dc.fail(ErrMalformed, "header: %v", err)
	}
	return h, nil
}

func parseBody(b []byte) (Header, error) {
	if len(b) < 28 {
		return Header{}, fmt.Errorf("body of %d bytes is too short", len(b))
	}
	var h Header
	h.Meta.Index = binary.BigEndian.Uint64(b)
	h.Meta.Term = binary.BigEndian.Uint64(b[8:])
	il := binary.BigEndian.Uint64(b[16:])
	if il > 1<<62 {
		return Header{}, fmt.Errorf("image length %d out of range", il)
	}
	h.ImageBytes = int64(il)
	h.ChunkBytes = int(binary.BigEndian.Uint32(b[24:]))
	b = b[28:]
	var lists [2][]uint64
	for i := range lists {
		n, k := binary.Uvarint(b)
		if k <= 0 || n > uint64(len(b)) {
			return Header{}, errors.New("bad configuration list length")
		}
		b = b[k:]
		for range n {
			id, k := binary.Uvarint(b)
			if k <= 0 {
				return Header{}, errors.New("bad configuration member id")
			}
			b = b[k:]
			lists[i] = append(lists[i], id)
		}
	}
	if len(b) != 0 {
		return Header{}, fmt.Errorf("%d trailing bytes in the header body", len(b))
	}
	h.Meta.Config = membership.Config{Voters: lists[0], Learners: lists[1]}
	if err := h.validate(); err != nil {
		return Header{}, err
	}
	return h, nil
}

// image copies the verified image to w, one chunk at a time, then checks
// the digest. Every chunk is verified before it is written to w.
func (dc *decoder) image(h Header, w io.Writer) error {
	buf := make([]byte, chunkHdr+h.ChunkBytes)
	for left := h.ImageBytes; left > 0; {
		want := int(min(left, int64(h.ChunkBytes)))
		if err := dc.read(buf[:chunkHdr], "chunk header", true); err != nil {
			return err
		}
		n := binary.BigEndian.Uint32(buf)
		if int64(n) != int64(want) {
			dc.off -= chunkHdr
			return dc.fail(ErrMalformed, "chunk of %d bytes where %d were due", n, want)
		}
		sum := binary.BigEndian.Uint32(buf[4:])
		start := dc.off
		if err := dc.read(buf[chunkHdr:chunkHdr+want], "chunk", true); err != nil {
			return err
		}
		if got := crc32.Checksum(buf[chunkHdr:chunkHdr+want], crcTable); got != sum {
			dc.off = start
			return dc.fail(ErrChecksum, "chunk crc %08x, stored %08x", got, sum)
		}
		if _, err := w.Write(buf[chunkHdr : chunkHdr+want]); err != nil {
			return fmt.Errorf("snapshot: write image: %w", err)
		}
		left -= int64(want)
	}
	got := dc.d.Sum(nil)
	var stored [digestLen]byte
	if err := dc.read(stored[:], "digest", false); err != nil {
		return err
	}
	if string(got) != string(stored[:]) {
		dc.off -= digestLen
		return dc.fail(ErrDigest, "sha256 %x, stored %x", got, stored)
	}
	return nil
}

// Decode reads one snapshot from r, verifying the header, every chunk and
// the digest, and writes the image to image (io.Discard to only verify).
// Bytes reach image only after their chunk verified, but a later chunk may
// still fail: the caller must discard what it wrote unless Decode returns
// nil. source names r in errors. Memory: one chunk.
func Decode(r io.Reader, source string, image io.Writer) (Header, error) {
	dc := &decoder{r: r, source: source, d: newDigest()}
	h, err := dc.header()
	if err != nil {
		return Header{}, err
	}
	if err := dc.image(h, image); err != nil {
		return Header{}, err
	}
	return h, nil
}

// DecodeHeader reads and verifies only the header.
func DecodeHeader(r io.Reader, source string) (Header, error) {
	dc := &decoder{r: r, source: source, d: newDigest()}
	return dc.header()
}

func newDigest() hash.Hash { return sha256.New() }
