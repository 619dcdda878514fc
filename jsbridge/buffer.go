package jsbridge

import (
	"reflect"

	"github.com/dop251/goja"
)

var typeBytes = reflect.TypeOf([]byte(nil))

// SetBufferConstructor is called once by the buffer module with its Buffer
// constructor, so that NewBuffer makes real Buffers.
func (e *Env) SetBufferConstructor(ctor *goja.Object) {
	e.bufferCtor = ctor
	c, ok := goja.AssertConstructor(e.VM.Get("Uint8Array"))
	if !ok {
		panic("Uint8Array is not a constructor")
	}
	e.uint8Array = c
}

// NewBuffer hands data to JS as a Buffer without copying: the Buffer owns
// data from now on, so the caller must not touch it again.
func (e *Env) NewBuffer(data []byte) *goja.Object {
	if e.bufferCtor == nil {
		e.Require("buffer")
	}
	obj, err := e.uint8Array(e.bufferCtor, e.VM.ToValue(e.VM.NewArrayBuffer(data)))
	if err != nil {
		panic(err)
	}
	return obj
}

// IsBuffer reports whether v is a Buffer (or any Uint8Array).
func IsBuffer(v goja.Value) bool {
	obj, ok := v.(*goja.Object)
	return ok && obj.ExportType() == typeBytes
}

// Bytes returns the bytes of a Buffer (or Uint8Array) without copying; ok is
// false for anything else. The slice aliases JS memory: copy it before a
// goroutine sees it.
func Bytes(v goja.Value) (b []byte, ok bool) {
	obj, isObj := v.(*goja.Object)
	if !isObj || obj.ExportType() != typeBytes {
		return nil, false
	}
	// goja's export of an empty array that sits at the very end of its
	// buffer (buf.slice(buf.length)) computes a pointer one past the end,
	// which the race detector's checkptr mode rejects; an empty array needs
	// no export.
	if obj.Get("length").ToInteger() == 0 {
		return []byte{}, true
	}
	b, ok = obj.Export().([]byte)
	return b, ok
}
