// Package buffer is Node's buffer module.
//
// A Buffer is a goja Uint8Array whose prototype is Buffer.prototype, so Go
// code reads its bytes with jsbridge.Bytes and makes new ones with
// Env.NewBuffer, neither copying. The JS part (buffer.js) holds Node 0.7's
// argument handling; this file holds the string encodings, which are the
// part worth doing in Go.
package buffer

import (
	"bytes"
	_ "embed"

	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/jsbridge"
)

//go:embed buffer.js
var source string

// Module is Node's buffer module.
var Module = &jsbridge.Module{Name: "buffer", JS: source, Native: native}

// native fills the binding that buffer.js uses. Encoding names reach it
// already normalised by buffer.js: utf8, ascii, binary, ucs2, base64, hex.
func native(e *jsbridge.Env, binding *goja.Object) {
	b := &binder{e: e, vm: e.VM}
	e.SetFuncs(binding, map[string]func(goja.FunctionCall) goja.Value{
		"setup":      b.setup,
		"byteLength": b.byteLength,
		"fromString": b.fromString,
		"write":      b.write,
		"toString":   b.toString,
		"copy":       b.copy,
		"equals":     b.equals,
	})
}

// equals(a, b) compares the bytes of two Buffers.
func (b *binder) equals(call goja.FunctionCall) goja.Value {
	return b.vm.ToValue(bytes.Equal(b.bytesArg(call, 0), b.bytesArg(call, 1)))
}

// binder holds the per-runtime state of the binding.
type binder struct {
	e    *jsbridge.Env
	vm   *goja.Runtime
	ctor *goja.Object // Buffer, where _charsWritten is kept
}

// setup(Buffer) registers the JS Buffer constructor with the Env, so that
// Env.NewBuffer makes real Buffers.
func (b *binder) setup(call goja.FunctionCall) goja.Value {
	ctor, ok := call.Argument(0).(*goja.Object)
	if !ok {
		b.e.ThrowTypeError("setup needs the Buffer constructor")
	}
	b.ctor = ctor
	b.e.SetBufferConstructor(ctor)
	return goja.Undefined()
}

// bytesArg returns the bytes of the Buffer in argument i.
func (b *binder) bytesArg(call goja.FunctionCall, i int) []byte {
	data, ok := jsbridge.Bytes(call.Argument(i))
	if !ok {
		b.e.ThrowTypeError("Argument must be a Buffer")
	}
	return data
}

// stringArg returns the JS string in argument i, or throws 0.7's TypeError.
func (b *binder) stringArg(call goja.FunctionCall, i int) goja.String {
	s, ok := call.Argument(i).(goja.String)
	if !ok {
		b.e.ThrowTypeError("Argument must be a string")
	}
	return s
}

// intArg returns argument i as an integer, clamped to the int range.
func intArg(call goja.FunctionCall, i int) int {
	n := call.Argument(i).ToInteger()
	const limit = 1 << 53
	if n > limit {
		n = limit
	} else if n < -limit {
		n = -limit
	}
	return int(n)
}

// byteLength(string, encoding) is the number of bytes string encodes to.
func (b *binder) byteLength(call goja.FunctionCall) goja.Value {
	s := newText(b.stringArg(call, 0))
	return b.vm.ToValue(byteLength(s, call.Argument(1).String()))
}

// fromString(string, encoding) returns a new Buffer holding string encoded,
// and sets Buffer._charsWritten as 0.7's constructor did through write().
func (b *binder) fromString(call goja.FunctionCall) goja.Value {
	s := newText(b.stringArg(call, 0))
	enc := call.Argument(1).String()
	data := make([]byte, byteLength(s, enc))
	n, chars, err := encodeInto(data, s, enc)
	if err != "" {
		b.e.ThrowTypeError("%s", err)
	}
	b.setCharsWritten(chars)
	return b.e.NewBuffer(data[:n])
}

// write(buf, string, offset, maxLength, encoding) writes string into buf at
// offset, never past maxLength bytes nor a partial character, as 0.7's
// SlowBuffer write methods did. It returns the number of bytes written.
func (b *binder) write(call goja.FunctionCall) goja.Value {
	buf := b.bytesArg(call, 0)
	js := b.stringArg(call, 1)
	offset := intArg(call, 2)
	maxLength := intArg(call, 3)
	enc := call.Argument(4).String()

	if js.Length() == 0 {
		b.setCharsWritten(0)
		return b.vm.ToValue(0)
	}
	if enc == "hex" {
		// 0.7 wrote hex in JS, which had no offset check: nothing fits.
		if offset < 0 || offset >= len(buf) {
			offset, maxLength = len(buf), 0
		}
	} else if offset < 0 || offset >= len(buf) {
		b.e.ThrowTypeError("Offset is out of bounds")
	}
	room := len(buf) - offset
	if enc == "base64" {
		// 0.7 ignored maxLength for base64 and refused to truncate.
		maxLength = room
	}
	if maxLength < 0 || maxLength > room {
		maxLength = room
	}
	s := newText(js)
	if enc == "base64" && byteLength(s, enc) > room {
		b.e.ThrowTypeError("Buffer too small")
	}
	n, chars, err := encodeInto(buf[offset:offset+maxLength], s, enc)
	if err != "" {
		b.e.ThrowTypeError("%s", err)
	}
	b.setCharsWritten(chars)
	return b.vm.ToValue(n)
}

func (b *binder) setCharsWritten(n int) {
	if b.ctor != nil {
		b.ctor.Set("_charsWritten", n)
	}
}

// toString(buf, encoding, start, end) decodes buf[start:end]; buffer.js has
// already clamped start and end.
func (b *binder) toString(call goja.FunctionCall) goja.Value {
	buf := b.bytesArg(call, 0)
	enc := call.Argument(1).String()
	start, end := intArg(call, 2), intArg(call, 3)
	if start < 0 || end > len(buf) || start >= end {
		return b.vm.ToValue("")
	}
	return decode(b.vm, buf[start:end], enc)
}

// copy(source, target, targetStart, sourceStart, sourceEnd) copies bytes,
// overlapping or not, as memmove does, and returns how many it copied.
// buffer.js has already checked the bounds.
func (b *binder) copy(call goja.FunctionCall) goja.Value {
	src := b.bytesArg(call, 0)
	dst := b.bytesArg(call, 1)
	ts, ss, se := intArg(call, 2), intArg(call, 3), intArg(call, 4)
	ts = max(0, min(ts, len(dst)))
	se = max(0, min(se, len(src)))
	ss = max(0, min(ss, se))
	return b.vm.ToValue(copy(dst[ts:], src[ss:se]))
}
