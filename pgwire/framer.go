package pgwire

import (
	"bufio"
	"encoding/binary"
	"io"
)

// framer is the Backend's input. It hands the Backend's reader at most one
// protocol message per Read, so that the bytes of later messages stay in
// br, where the server can peek at them (nextType).
type framer struct {
	br     *bufio.Reader
	remain int // bytes of the current message not yet handed out
}

// framerBufSize: a pipeline up to this size is visible to nextType.
const framerBufSize = 64 << 10

func newFramer(r io.Reader) *framer {
	return &framer{br: bufio.NewReaderSize(r, framerBufSize)}
}

func (f *framer) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	if f.remain == 0 {
		hdr, err := f.br.Peek(5)
		if err != nil {
			if len(hdr) > 0 {
				// Hand out what there is; the Backend reports the error.
				n, _ := f.br.Read(p[:min(len(p), len(hdr))])
				return n, nil
			}
			return 0, err
		}
		l := int(int32(binary.BigEndian.Uint32(hdr[1:])))
		if l < 4 {
			l = 4 // invalid: the Backend rejects it
		}
		f.remain = 1 + l
	}
	if len(p) > f.remain {
		p = p[:f.remain]
	}
	n, err := f.br.Read(p)
	f.remain -= n
	return n, err
}

// nextType returns the type byte of the next message if it is already
// buffered after the current one, or 0 when that is not known.
func (f *framer) nextType() byte {
	if f == nil || f.remain != 0 || f.br.Buffered() < 1 {
		return 0
	}
	b, err := f.br.Peek(1)
	if err != nil || len(b) == 0 {
		return 0
	}
	return b[0]
}
