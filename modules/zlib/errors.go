package zlib

import (
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"io"
)

// zlibError is an error as zlib reports it: strm.msg and the return code,
// which the JS side turns into Error(message) with errno and code (as Node
// builds it from the binding's onerror).
type zlibError struct {
	message string
	errno   int
}

func (e *zlibError) Error() string { return e.message }

// toZlibError maps Go's decompression errors to zlib's messages and codes:
//
//	gzip.ErrHeader, zlib.ErrHeader  -> "incorrect header check", Z_DATA_ERROR
//	gzip.ErrChecksum, bad CRC       -> "incorrect data check", Z_DATA_ERROR
//	gzip.ErrChecksum, bad length    -> "incorrect length check", Z_DATA_ERROR
//	                                   (told apart in decompress.go)
//	zlib.ErrChecksum (Adler-32)     -> "incorrect data check", Z_DATA_ERROR
//	zlib.ErrDictionary, no dict     -> "Missing dictionary", Z_NEED_DICT
//	zlib.ErrDictionary, a dict      -> "Bad dictionary", Z_NEED_DICT
//	flate.CorruptInputError         -> "invalid stored block lengths", Z_DATA_ERROR
//	io.ErrUnexpectedEOF, io.EOF     -> "unexpected end of file", Z_BUF_ERROR
//	anything else                   -> its text, Z_DATA_ERROR
//
// zlib names each kind of corrupt deflate data ("invalid block type",
// "invalid distance too far back", ...); Go's flate reports only an offset,
// so every corrupt block gets the one message above.
func toZlibError(err error, hasDict bool) *zlibError {
	var corrupt flate.CorruptInputError
	switch {
	case errors.Is(err, gzip.ErrHeader), errors.Is(err, zlib.ErrHeader):
		return &zlibError{"incorrect header check", -3}
	case errors.Is(err, gzip.ErrChecksum), errors.Is(err, zlib.ErrChecksum):
		return &zlibError{"incorrect data check", -3}
	case errors.Is(err, zlib.ErrDictionary) && hasDict:
		return &zlibError{"Bad dictionary", 2}
	case errors.Is(err, zlib.ErrDictionary):
		return &zlibError{"Missing dictionary", 2}
	case errors.As(err, &corrupt):
		return &zlibError{"invalid stored block lengths", -3}
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return &zlibError{"unexpected end of file", -5}
	}
	return &zlibError{err.Error(), -3}
}
