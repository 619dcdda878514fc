package zlib

import (
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"io"
)

// sink collects what a compressor writes; take hands the bytes over and
// starts a fresh slice, so no output is copied twice.
type sink struct{ b []byte }

func (s *sink) Write(p []byte) (int, error) {
	s.b = append(s.b, p...)
	return len(p), nil
}

func (s *sink) take() []byte {
	b := s.b
	s.b = nil
	return b
}

// flushWriter is what Go's three compressors have in common.
type flushWriter interface {
	io.WriteCloser
	Flush() error
}

// goLevel is the flate level for zlib's level and strategy: Z_HUFFMAN_ONLY
// is flate's HuffmanOnly level; the other strategies have no Go
// counterpart and compress as the default strategy does.
func goLevel(level, strategy int) int {
	if strategy == zHuffmanOnly {
		return flate.HuffmanOnly
	}
	return level
}

// newCompressor makes the writer of one compressing mode.
func newCompressor(mode int, w io.Writer, level int, dict []byte) (flushWriter, error) {
	switch mode {
	case modeGzip:
		return gzip.NewWriterLevel(w, level)
	case modeDeflate:
		return zlib.NewWriterLevelDict(w, level, dict)
	default:
		return flate.NewWriterDict(w, level, dict)
	}
}

// compress is the engine's work for Deflate, Gzip and DeflateRaw: each
// request's input goes through the writer; a sync or full flush flushes
// it, Z_FINISH closes it, and whatever the writer produced is the answer.
func compress(g *engine, mode, level int, dict []byte) {
	var out sink
	w, err := newCompressor(mode, &out, level, dict)
	for {
		req, ok := g.next()
		if !ok {
			return
		}
		if err != nil {
			g.answer(nil, &zlibError{err.Error(), -2})
			return
		}
		_, _ = w.Write(req.in) // a sink never fails
		switch req.flush {
		case zSyncFlush, zFullFlush:
			_ = w.Flush()
		case zFinish:
			_ = w.Close()
		}
		g.answer(out.take(), nil)
		if req.flush == zFinish {
			return
		}
	}
}
