package zlib

// constants are zlib.h's values, as Node 0.7.4's binding exports them (the
// lib copies every Z* key of the binding onto the module).
var constants = map[string]int{
	"Z_NO_FLUSH":      0,
	"Z_PARTIAL_FLUSH": 1,
	"Z_SYNC_FLUSH":    2,
	"Z_FULL_FLUSH":    3,
	"Z_FINISH":        4,
	"Z_BLOCK":         5,
	"Z_TREES":         6,

	"Z_OK":            0,
	"Z_STREAM_END":    1,
	"Z_NEED_DICT":     2,
	"Z_ERRNO":         -1,
	"Z_STREAM_ERROR":  -2,
	"Z_DATA_ERROR":    -3,
	"Z_MEM_ERROR":     -4,
	"Z_BUF_ERROR":     -5,
	"Z_VERSION_ERROR": -6,

	"Z_NO_COMPRESSION":      0,
	"Z_BEST_SPEED":          1,
	"Z_BEST_COMPRESSION":    9,
	"Z_DEFAULT_COMPRESSION": -1,

	"Z_FILTERED":         1,
	"Z_HUFFMAN_ONLY":     2,
	"Z_RLE":              3,
	"Z_FIXED":            4,
	"Z_DEFAULT_STRATEGY": 0,

	"Z_BINARY":  0,
	"Z_TEXT":    1,
	"Z_ASCII":   1,
	"Z_UNKNOWN": 2,

	"Z_DEFLATED": 8,
	"Z_NULL":     0,
}

// The stream kinds, numbered as node_zlib.cc's modes.
const (
	modeDeflate    = 1
	modeInflate    = 2
	modeGzip       = 3
	modeGunzip     = 4
	modeDeflateRaw = 5
	modeInflateRaw = 6
	modeUnzip      = 7
)

// The flush values a write carries (zlib.h).
const (
	zNoFlush   = 0
	zSyncFlush = 2
	zFullFlush = 3
	zFinish    = 4
)

// The strategy Go's flate can honour: Huffman coding only.
const zHuffmanOnly = 2
