package crypto

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha1"
	"encoding/binary"
	"hash"
	"math"

	"github.com/dop251/goja"
)

// kMaxLength is the largest Buffer 0.7 could make (Buffer::kMaxLength).
const kMaxLength = 0x3fffffff

// randomBytes(size, [callback]) returns size random bytes in a Buffer, or
// passes (null, buffer) to callback from a goroutine's work.
func (b *hashBinding) randomBytes(call goja.FunctionCall) goja.Value {
	size, ok := uint32Value(call.Argument(0))
	if !ok {
		b.e.ThrowTypeError("Argument #1 must be number > 0")
	}
	if size > kMaxLength {
		b.e.ThrowTypeError("size > Buffer::kMaxLength")
	}
	callback := call.Argument(1)
	if _, isFunc := goja.AssertFunction(callback); !isFunc {
		data := make([]byte, size)
		rand.Read(data)
		return b.e.NewBuffer(data)
	}
	b.e.Go(func() func() {
		data := make([]byte, size)
		rand.Read(data)
		return func() {
			b.e.Call(callback, goja.Undefined(), goja.Null(), b.e.NewBuffer(data))
		}
	})
	return goja.Undefined()
}

// pbkdf2(password, salt, iterations, keylen, callback) derives keylen bytes
// with PBKDF2-HMAC-SHA1 on a goroutine and passes (undefined, key) to
// callback, the key as a 'binary' string, as 0.7 did. The argument checks
// and their TypeErrors are 0.7's.
func (b *hashBinding) pbkdf2(call goja.FunctionCall) goja.Value {
	if len(call.Arguments) != 5 {
		b.e.ThrowTypeError("Bad parameter")
	}
	password := append([]byte(nil), b.binaryArg(call.Argument(0))...)
	salt := append([]byte(nil), b.binaryArg(call.Argument(1))...)
	if !isNumber(call.Argument(2)) {
		b.e.ThrowTypeError("Iterations not a number")
	}
	iterations := toInt32(call.Argument(2))
	if iterations < 0 {
		b.e.ThrowTypeError("Bad iterations")
	}
	if !isNumber(call.Argument(3)) {
		b.e.ThrowTypeError("Key length not a number")
	}
	keyLen := toInt32(call.Argument(3))
	if keyLen < 0 || keyLen > kMaxLength {
		b.e.ThrowTypeError("Bad key length")
	}
	callback := call.Argument(4)
	if _, ok := goja.AssertFunction(callback); !ok {
		b.e.ThrowTypeError("Callback not a function")
	}
	b.e.Go(func() func() {
		key := pbkdf2Key(password, salt, int(iterations), int(keyLen), sha1.New)
		return func() {
			b.e.Call(callback, goja.Undefined(), goja.Undefined(), b.binaryString(key))
		}
	})
	return goja.Undefined()
}

// pbkdf2Key is PBKDF2 (RFC 2898) over HMAC with h. Fewer than one iteration
// counts as one, as in OpenSSL.
func pbkdf2Key(password, salt []byte, iterations, keyLen int, h func() hash.Hash) []byte {
	prf := hmac.New(h, password)
	size := prf.Size()
	out := make([]byte, 0, keyLen+size)
	var counter [4]byte
	u := make([]byte, 0, size)
	for block := uint32(1); len(out) < keyLen; block++ {
		prf.Reset()
		prf.Write(salt)
		binary.BigEndian.PutUint32(counter[:], block)
		prf.Write(counter[:])
		u = prf.Sum(u[:0])
		start := len(out)
		out = append(out, u...)
		t := out[start:]
		for i := 1; i < iterations; i++ {
			prf.Reset()
			prf.Write(u)
			u = prf.Sum(u[:0])
			for j := range t {
				t[j] ^= u[j]
			}
		}
	}
	return out[:keyLen]
}

// isNumber is V8's IsNumber: a number primitive.
func isNumber(v goja.Value) bool {
	switch v.Export().(type) {
	case int64, float64:
		_, isObj := v.(*goja.Object)
		return !isObj
	}
	return false
}

// toInt32 is ECMAScript's ToInt32 (V8's Int32Value).
func toInt32(v goja.Value) int32 {
	f := v.ToFloat()
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	return int32(uint32(int64(math.Mod(math.Trunc(f), 1<<32))))
}

// uint32Value is V8's IsUint32 and Uint32Value: ok only for a number that
// is a whole value from 0 to 2^32-1 (not -0).
func uint32Value(v goja.Value) (uint32, bool) {
	if !isNumber(v) {
		return 0, false
	}
	f := v.ToFloat()
	if f != math.Trunc(f) || f < 0 || f > math.MaxUint32 || (f == 0 && math.Signbit(f)) {
		return 0, false
	}
	return uint32(f), true
}
