package tls

import (
	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/jsbridge"
)

// protocolList reads NPNProtocols or ALPNProtocols: an array of strings or
// Buffers, or one Buffer in the wire format (each name after its length
// byte, as tls.markdown shows: 0x05hello0x05world).
func protocolList(e *jsbridge.Env, v goja.Value, name string) []string {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return nil
	}
	if b, ok := jsbridge.Bytes(v); ok {
		var out []string
		for len(b) > 0 {
			n := int(b[0])
			if n == 0 || n+1 > len(b) {
				e.ThrowTypeError("options.%s: malformed protocol list", name)
			}
			out = append(out, string(b[1:n+1]))
			b = b[n+1:]
		}
		return out
	}
	items, isArray := e.ArrayItems(v, "options."+name)
	if !isArray {
		e.ThrowTypeError("options.%s must be an array or a Buffer", name)
	}
	out := make([]string, 0, len(items))
	for i, item := range items {
		var p string
		if b, ok := jsbridge.Bytes(item); ok {
			p = string(b)
		} else if s, ok := item.Export().(string); ok {
			p = s
		} else {
			e.ThrowTypeError("options.%s[%d] must be a string or a Buffer", name, i)
		}
		if len(p) == 0 || len(p) > 255 {
			e.ThrowTypeError("options.%s[%d]: a protocol name is 1 to 255 bytes", name, i)
		}
		out = append(out, p)
	}
	return out
}

// selectProtocol applies NPN's rule on the server: the first protocol of
// the server's list that the client offers. With no overlap the server
// records the client's first protocol as its npnProtocol and answers
// nothing (README: Compatibility), so the handshake never fails over it.
func selectProtocol(server, client []string) (selected string, agreed bool) {
	for _, s := range server {
		for _, c := range client {
			if s == c {
				return s, true
			}
		}
	}
	if len(client) > 0 {
		return client[0], false
	}
	return "", false
}
