package cluster

import (
	"errors"
	"net"
	"os"

	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/jsbridge"
	netmod "github.com/gojatls/gojatls/modules/net"
)

func native(e *jsbridge.Env, binding *goja.Object) {
	e.SetFuncs(binding, map[string]func(goja.FunctionCall) goja.Value{
		// listen(network, address, callback(err, handle)) is the master's
		// side of a worker's listen(): see listen.
		"listen": func(call goja.FunctionCall) goja.Value {
			if _, ok := goja.AssertFunction(call.Argument(2)); !ok {
				e.ThrowTypeError("callback must be a function")
			}
			listen(e, call.Argument(0).String(), call.Argument(1).String(), call.Argument(2))
			return goja.Undefined()
		},
	})
}

// listen binds and listens on a goroutine (a host name may need a lookup)
// and calls cb(err) or cb(null, handle) on the loop. handle is a server
// handle of the listening socket, as a forked child receives one
// (modules/net ReceivedServer): it does not accept, so the master takes no
// connection from its workers, and it does not hold the program open, as
// the workers do; child.send(message, handle) sends it to a worker, whose
// server.listen(handle) accepts on it. The socket stays open in the master
// until the runtime ends, so that workers forked later (a worker restarted
// on 'death') share it too and no connection is refused meanwhile.
func listen(e *jsbridge.Env, network, address string, cb goja.Value) {
	e.GoOr(func() (func(), func()) {
		l, f, err := listenFile(network, address)
		if err != nil {
			return func() { e.Call(cb, goja.Undefined(), listenError(e, err)) }, nil
		}
		return func() {
			h, err := netmod.ReceivedServer(e, f)
			if err != nil {
				_ = l.Close()
				e.Call(cb, goja.Undefined(), listenError(e, err))
				return
			}
			closeAtExit(e, l)
			e.Call(cb, goja.Undefined(), goja.Null(), h)
		}, func() { _ = f.Close(); _ = l.Close() }
	})
}

// listenFile listens and returns the listener with a duplicate of its
// descriptor. The listener itself is kept only to be closed when the
// runtime ends, which for a Unix socket also removes its file, as a Node
// server's close() did.
func listenFile(network, address string) (net.Listener, *os.File, error) {
	l, err := net.Listen(network, address)
	if err != nil {
		return nil, nil, err
	}
	fl, ok := l.(interface{ File() (*os.File, error) })
	if !ok {
		_ = l.Close()
		return nil, nil, errors.New("the listener has no descriptor")
	}
	f, err := fl.File()
	if err != nil {
		_ = l.Close()
		return nil, nil, err
	}
	return l, f, nil
}

// listenError is the error a worker's server emits: Node's 'listen' error
// ('getaddrinfo' for a host name that does not resolve).
func listenError(e *jsbridge.Env, err error) *goja.Object {
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return e.SysError(err, "getaddrinfo")
	}
	return e.SysError(err, "listen")
}

// closeAtExit closes l when the runtime ends.
func closeAtExit(e *jsbridge.Env, l net.Listener) {
	e.AfterEnd(func() { _ = l.Close() })
}
