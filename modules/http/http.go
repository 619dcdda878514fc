// Package http is Node's http module. As Node did with http_parser under
// lib/http.js, parsing is Go and semantics are JS: a connection that
// carries HTTP is read by its reader goroutine (reader.go, a read strategy
// of modules/net), which hands the loop whole heads and body chunks;
// ServerRequest, ServerResponse, ClientRequest and Agent are JS
// prototypes over them (http.js).
package http

import (
	_ "embed"
	"strconv"
	"strings"

	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/jsbridge"
	netmod "github.com/gojatls/gojatls/modules/net"
)

//go:embed http.js
var source string

// Module is Node's http module.
var Module = &jsbridge.Module{Name: "http", JS: source, Native: native}

// callbacks are the functions of http.js that the items of a connection's
// reader call on the loop, with the socket first.
type callbacks struct {
	e       *jsbridge.Env
	values  map[string]goja.Value // common strings as JS values, made once (common)
	message *goja.Object          // IncomingMessage.prototype
	onHead  goja.Value            // (socket, message, flags, rest)
	onBody  goja.Value            // (socket, chunk, end, trailers)
	onError goja.Value            // (socket, error, atEOF)
}

// The flags of a head.
const (
	flagKeepAlive = 1 // the connection may carry another message after it
	flagComplete  = 2 // no body follows: the message ends with its head
	flagUpgrade   = 4 // the connection now carries another protocol (rest)
)

// requestReaders is a server's connection reader: each connection reads
// requests from its first byte.
type requestReaders struct{ cb *callbacks }

func (f requestReaders) NewReader() netmod.ReadStrategy { return newReader(f.cb, false) }

type readerProtoKey struct{}

func native(e *jsbridge.Env, binding *goja.Object) {
	cb := &callbacks{e: e}
	undefined := goja.Undefined()
	e.SetFuncs(binding, map[string]func(goja.FunctionCall) goja.Value{
		// setCallbacks(IncomingMessage.prototype, onHead, onBody, onError):
		// http.js's receivers of what connections read.
		"setCallbacks": func(call goja.FunctionCall) goja.Value {
			cb.message = call.Argument(0).ToObject(e.VM)
			cb.onHead, cb.onBody, cb.onError = call.Argument(1), call.Argument(2), call.Argument(3)
			return undefined
		},
		// byteLength(string) is how many bytes a socket's write(string)
		// sends (its UTF-8, as net's write makes it): the size of a chunk
		// written with its head in one write.
		"byteLength": func(call goja.FunctionCall) goja.Value {
			return e.VM.ToValue(len(jsString(call.Argument(0))))
		},
		// writeMessage(handle, head, data, [last]) writes a message's head
		// and its whole body, a string, in one write to a socket's handle,
		// as UTF-8, as socket.write(head + data) would; with last (the
		// chunked body's end, trailers and all), data goes as one chunk.
		// It returns what socket.write would.
		"writeMessage": func(call goja.FunctionCall) goja.Value {
			c := jsbridge.MustUnwrap[*netmod.Conn](e, call.Argument(0), "socket handle")
			head, data := jsString(call.Argument(1)), jsString(call.Argument(2))
			last := ""
			chunked := !goja.IsUndefined(call.Argument(3))
			if chunked {
				last = jsString(call.Argument(3))
			}
			out := make([]byte, 0, len(head)+len(data)+len(last)+10)
			out = append(out, head...)
			if chunked {
				out = strconv.AppendInt(out, int64(len(data)), 16)
				out = append(out, "\r\n"...)
			}
			out = append(out, data...)
			out = append(out, last...)
			return e.VM.ToValue(c.Write(out))
		},
		// responseReader() is a client connection's read strategy, for
		// socket._setReader; its expect(method) says what was asked.
		"responseReader": func(goja.FunctionCall) goja.Value {
			return e.NewWrapped(readerProto(e), newReader(cb, true))
		},
		// requestReader() is a server connection's read strategy, for a
		// socket that an http server did not accept itself.
		"requestReader": func(goja.FunctionCall) goja.Value {
			return e.NewWrapped(readerProto(e), newReader(cb, false))
		},
	})
	binding.Set("requestReaders", e.NewWrapped(nil, netmod.ReaderFactory(requestReaders{cb})))
}

func readerProto(e *jsbridge.Env) *goja.Object {
	return e.Local(readerProtoKey{}, func() any {
		proto := e.VM.NewObject()
		e.SetFuncs(proto, map[string]func(goja.FunctionCall) goja.Value{
			// expect(method): a request with this method was written.
			"expect": func(call goja.FunctionCall) goja.Value {
				r := jsbridge.MustUnwrap[*reader](e, call.This, "response reader")
				r.expect(call.Argument(0).String())
				return goja.Undefined()
			},
		})
		return proto
	}).(*goja.Object)
}

// jsString is a JS string's UTF-8, as a socket writes it (no Export:
// it boxes a copy).
func jsString(v goja.Value) string {
	if s, ok := v.(goja.String); ok {
		return s.String()
	}
	return v.String()
}

// headItem is a request or response head.
type headItem struct {
	cb    *callbacks
	h     *head
	flags int
	rest  []byte // after an upgrade: the bytes read past the head
}

// Deliver makes the message (an http.ServerRequest or an
// http.ClientResponse) here rather than in JS: a request costs the loop
// one call into JS, with the fewest arguments and properties.
func (it *headItem) Deliver(c *netmod.Conn) {
	cb, e, h := it.cb, it.cb.e, it.h
	owner := c.Owner()
	vm := e.VM
	msg := vm.CreateObject(cb.message)
	// IncomingMessage's own properties, as its constructor and the
	// parser's head callback (parserOnHeadersComplete) set them in 0.7.
	_ = msg.Set("socket", owner)
	_ = msg.Set("readable", true)
	_ = msg.Set("httpVersionMajor", h.major)
	_ = msg.Set("httpVersionMinor", h.minor)
	// headers is an accessor on the prototype (a message gets its own
	// object when first asked): this one is its own at once.
	_ = msg.DefineDataProperty("headers", cb.fields(owner, h.fields), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
	if h.method != "" {
		_ = msg.Set("method", cb.common(h.method))
		_ = msg.Set("url", cb.common(h.url))
	} else {
		_ = msg.Set("statusCode", h.status)
	}
	rest := goja.Undefined()
	if it.flags&flagUpgrade != 0 {
		_ = msg.Set("upgrade", true)
		if it.rest == nil {
			it.rest = []byte{}
		}
		rest = e.NewBuffer(it.rest)
	}
	e.Call(cb.onHead, goja.Undefined(), owner, msg, vm.ToValue(it.flags), rest)
}

// bodyItem is a chunk of a body; end marks the message's last one, with
// the trailers of a chunked body.
type bodyItem struct {
	cb       *callbacks
	data     []byte
	end      bool
	trailers []string
}

func (it *bodyItem) Deliver(c *netmod.Conn) {
	cb, e := it.cb, it.cb.e
	owner := c.Owner()
	chunk, trailers := goja.Undefined(), goja.Undefined()
	if len(it.data) > 0 {
		chunk = e.NewBuffer(it.data)
	}
	if len(it.trailers) > 0 {
		trailers = cb.fields(owner, it.trailers)
	}
	e.Call(cb.onBody, goja.Undefined(), owner, chunk, e.VM.ToValue(it.end), trailers)
}

// errorItem is a parse error: Node's Error('Parse Error') with
// http_parser's name of the error as its code.
type errorItem struct {
	cb    *callbacks
	code  string
	atEOF bool // the connection ended in the middle of a message
}

func (it *errorItem) Deliver(c *netmod.Conn) {
	e := it.cb.e
	err := e.NewError("Parse Error")
	err.Set("code", it.code)
	e.Call(it.cb.onError, goja.Undefined(), c.Owner(), err, e.VM.ToValue(it.atEOF))
}

// common returns s as a JS string, the same value each time for the
// methods and the URL most requests carry (a JS string made from a Go
// string is an allocation).
func (cb *callbacks) common(s string) goja.Value {
	if v, ok := cb.values[s]; ok {
		return v
	}
	v := cb.e.VM.ToValue(s)
	if methods[s] || s == "/" {
		if cb.values == nil {
			cb.values = make(map[string]goja.Value)
		}
		cb.values[s] = v
	}
	return v
}

// fields builds a headers (or trailers) object from name, value pairs in
// arrival order, with Node 0.7's rules for a repeated name
// (IncomingMessage._addHeaderLine): set-cookie collects an array; the
// list-valued headers below and x-* join their values with ", "; any
// other keeps its first value. Names are lower-cased. At most
// socket.parser.maxHeaderPairs / 2 headers are taken (server.maxHeadersCount,
// 1000 by default; 0 takes all).
func (cb *callbacks) fields(socket *goja.Object, fields []string) *goja.Object {
	vm := cb.e.VM
	limit := len(fields)
	if parser, ok := socket.Get("parser").(*goja.Object); ok {
		if v := parser.Get("maxHeaderPairs"); v != nil {
			if max := int(v.ToInteger()); max > 0 && max < limit {
				limit = max &^ 1
			}
		}
	}
	type entry struct {
		name   string
		value  string
		values []string // set-cookie
	}
	var few [16]entry // most heads: no slice to allocate
	entries := few[:0]
	var index map[string]int // for many headers; a few are looked up in entries
	if limit > 32 {
		index = make(map[string]int, limit/2)
	}
	for i := 0; i+1 < limit; i += 2 {
		name, value := lowerName(fields[i]), fields[i+1]
		j, seen := -1, false
		if index != nil {
			j, seen = index[name]
		} else {
			for k := range entries {
				if entries[k].name == name {
					j, seen = k, true
					break
				}
			}
		}
		switch {
		case !seen:
			if index != nil {
				index[name] = len(entries)
			}
			en := entry{name: name, value: value}
			if name == "set-cookie" {
				en.values = []string{value}
			}
			entries = append(entries, en)
		case name == "set-cookie":
			entries[j].values = append(entries[j].values, value)
		case joined(name):
			entries[j].value += ", " + value
		}
	}
	obj := vm.NewObject()
	for _, en := range entries {
		if en.values != nil {
			list := make([]any, len(en.values))
			for k, v := range en.values {
				list[k] = v
			}
			obj.Set(en.name, vm.NewArray(list...))
			continue
		}
		obj.Set(en.name, en.value)
	}
	return obj
}

// commonNames are the lower-case names of headers most requests and
// responses carry, by the spelling peers send: lowerName finds them
// without making a string.
var commonNames = map[string]string{}

func init() {
	for _, n := range []string{"Host", "User-Agent", "Accept", "Accept-Encoding", "Accept-Language",
		"Accept-Charset", "Connection", "Content-Length", "Content-Type", "Cookie", "Set-Cookie",
		"Cache-Control", "Pragma", "Referer", "Origin", "Authorization", "Date", "Server",
		"Transfer-Encoding", "Keep-Alive", "Upgrade", "Expect", "If-Modified-Since", "If-None-Match",
		"Last-Modified", "ETag", "Location", "Vary", "Content-Encoding", "Upgrade-Insecure-Requests"} {
		lower := strings.ToLower(n)
		commonNames[n] = lower
		commonNames[lower] = lower
	}
}

// lowerName is a header name in lower case, as Node gives it.
func lowerName(name string) string {
	if lower, ok := commonNames[name]; ok {
		return lower
	}
	return strings.ToLower(name)
}

// joined reports whether Node 0.7 joined repeated values of a header with
// ", " rather than keeping the first.
func joined(name string) bool {
	switch name {
	case "accept", "accept-charset", "accept-encoding", "accept-language",
		"connection", "cookie", "pragma", "link":
		return true
	}
	return strings.HasPrefix(name, "x-")
}
