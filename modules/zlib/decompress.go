package zlib

import (
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
)

// errStopped ends a decompressor whose stream was destroyed.
var errStopped = errors.New("zlib stream destroyed")

// source feeds a decompressor the requests' input. When the input of a
// request is used up and more is wanted, the decompressor has handed over
// everything it could decode from it (Go's readers only read more when
// they have nothing left to return), so that is when the request is
// answered with the output gathered so far.
type source struct {
	g       *engine
	cur     []byte
	finish  bool // the current request is the last (Z_FINISH)
	started bool
	out     []byte
	tail    []byte // the last bytes Read gave: a gzip trailer at the end
}

// more answers the current request and takes the next one; io.EOF after
// the last one.
func (s *source) more() error {
	if s.finish {
		return io.EOF
	}
	if s.started {
		s.g.answer(s.out, nil)
		s.out = nil
	}
	req, ok := s.g.next()
	if !ok {
		return errStopped
	}
	s.started = true
	s.cur = req.in
	s.finish = req.flush == zFinish
	return nil
}

func (s *source) Read(p []byte) (int, error) {
	for len(s.cur) == 0 {
		if err := s.more(); err != nil {
			return 0, err
		}
	}
	n := copy(p, s.cur)
	s.cur = s.cur[n:]
	s.tail = append(s.tail, p[:n]...)
	if len(s.tail) > 8 {
		s.tail = append(s.tail[:0], s.tail[len(s.tail)-8:]...)
	}
	return n, nil
}

// ReadByte makes source a flate.Reader, so that Go's readers take bytes
// as they need them instead of buffering ahead.
func (s *source) ReadByte() (byte, error) {
	for len(s.cur) == 0 {
		if err := s.more(); err != nil {
			return 0, err
		}
	}
	b := s.cur[0]
	s.cur = s.cur[1:]
	return b, nil
}

// peek returns the next byte without taking it.
func (s *source) peek() (byte, error) {
	for len(s.cur) == 0 {
		if err := s.more(); err != nil {
			return 0, err
		}
	}
	return s.cur[0], nil
}

// gzipMagic checks the first two bytes as zlib does, one at a time, so
// that a short stream of the wrong kind is a wrong header (Go's reader
// reads all ten header bytes first), and puts them back.
func gzipMagic(src *source) error {
	for i, want := range []byte{0x1f, 0x8b} {
		b, err := src.ReadByte()
		if err != nil {
			return err
		}
		if b != want {
			return gzip.ErrHeader
		}
		if i == 1 {
			src.cur = append([]byte{0x1f, 0x8b}, src.cur...)
		}
	}
	return nil
}

// newDecompressor opens the reader of one decompressing mode; it reads
// the header, if any. Unzip looks at the first byte as zlib does with
// windowBits+32: 0x1f starts a gzip member, anything else a zlib stream.
func newDecompressor(mode int, src *source, dict []byte) (io.Reader, error) {
	if mode == modeUnzip {
		b, err := src.peek()
		if err != nil {
			return nil, err
		}
		mode = modeInflate
		if b == 0x1f {
			mode = modeGunzip
		}
	}
	switch mode {
	case modeGunzip:
		if err := gzipMagic(src); err != nil {
			return nil, err
		}
		r, err := gzip.NewReader(src)
		if err != nil {
			return nil, err
		}
		// zlib stops at the end of the first member, as 0.7.4 did.
		r.Multistream(false)
		return r, nil
	case modeInflate:
		return zlib.NewReaderDict(src, dict)
	default:
		return flate.NewReaderDict(src, dict), nil
	}
}

// decompress is the engine's work for Inflate, Gunzip, InflateRaw and
// Unzip. After the end of the compressed stream, further input is
// ignored, as zlib ignores it.
func decompress(g *engine, mode int, dict []byte) {
	src := &source{g: g}
	r, err := newDecompressor(mode, src, dict)
	if err == io.EOF {
		// The input ended before the header did.
		err = io.ErrUnexpectedEOF
	}
	// Reading goes through buf: the answer's slice may be handed over to
	// JS in the middle of a Read (when the reader asks for more input).
	buf := make([]byte, 32*1024)
	var sum gzipSum
	for err == nil {
		var n int
		n, err = r.Read(buf)
		src.out = append(src.out, buf[:n]...)
		sum.add(buf[:n])
	}
	if errors.Is(err, errStopped) {
		return
	}
	if err != io.EOF {
		zerr := toZlibError(err, dict != nil)
		if errors.Is(err, gzip.ErrChecksum) && sum.lengthOnly(src.tail) {
			zerr = &zlibError{"incorrect length check", -3}
		}
		g.answer(src.out, zerr)
		return
	}
	g.answer(src.out, nil)
	for !src.finish {
		req, ok := g.next()
		if !ok {
			return
		}
		src.finish = req.flush == zFinish
		g.answer(nil, nil)
	}
}

// gzipSum is the CRC-32 and length of the output: Go's gzip reader says
// ErrChecksum for a bad CRC and a bad length alike, zlib says "incorrect
// data check" for the first and "incorrect length check" for the second.
type gzipSum struct {
	crc  uint32
	size uint32
}

func (s *gzipSum) add(p []byte) {
	s.crc = crc32.Update(s.crc, crc32.IEEETable, p)
	s.size += uint32(len(p))
}

// lengthOnly reports whether the trailer's CRC is right and its length
// wrong.
func (s *gzipSum) lengthOnly(trailer []byte) bool {
	return len(trailer) == 8 &&
		binary.LittleEndian.Uint32(trailer) == s.crc &&
		binary.LittleEndian.Uint32(trailer[4:]) != s.size
}
