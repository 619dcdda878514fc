// Package dns is Node's dns module: lookup (getaddrinfo in Node 0.7.4) and
// the resolve functions (c-ares queries there) answered by Go's resolver,
// each on a goroutine of its own, the callback on the loop.
package dns

import (
	"context"
	_ "embed"
	"net"

	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/jsbridge"
)

//go:embed dns.js
var source string

// Module is Node's dns module.
var Module = &jsbridge.Module{Name: "dns", JS: source, Native: native}

func native(e *jsbridge.Env, binding *goja.Object) {
	resolver := e.Host().Resolver()
	if resolver == nil {
		resolver = net.DefaultResolver
	}
	resolver = endWith(resolver)
	fns := map[string]func(goja.FunctionCall) goja.Value{
		"getaddrinfo": func(call goja.FunctionCall) goja.Value {
			host := call.Argument(0).String()
			family := int(call.Argument(1).ToInteger())
			start(e, call.Argument(2), func(ctx context.Context) (result, error) {
				return lookup(ctx, resolver, host, family)
			})
			return goja.Undefined()
		},
	}
	for name, q := range queries {
		fns[name] = queryFunc(e, resolver, q)
	}
	e.SetFuncs(binding, fns)
}

// queryFunc is the binding function of one query: (name, oncomplete)
// starts it and returns undefined, or returns the error code when the
// query cannot start (as cares_wrap returned no wrap and set errno).
func queryFunc(e *jsbridge.Env, resolver *net.Resolver, q query) func(goja.FunctionCall) goja.Value {
	return func(call goja.FunctionCall) goja.Value {
		name := call.Argument(0).String()
		if q.reverse && badAddr(name) {
			return e.VM.ToValue("EINVAL")
		}
		start(e, call.Argument(1), func(ctx context.Context) (result, error) {
			if !q.reverse && badName(name) {
				return nil, errBadName
			}
			return q.run(ctx, resolver, name)
		})
		return goja.Undefined()
	}
}

// start runs work on a goroutine of its own, under the runtime's context,
// and then oncomplete on the loop: (code) for an error, else (null,
// results...). The callback is on a later turn, always.
func start(e *jsbridge.Env, oncomplete goja.Value, work func(ctx context.Context) (result, error)) {
	ctx := e.Context()
	e.Go(func() func() {
		found, err := work(ctx)
		return func() {
			if err != nil {
				e.Call(oncomplete, goja.Undefined(), e.VM.ToValue(errorCode(err)))
				return
			}
			args := append([]goja.Value{goja.Null()}, found.values(e.VM)...)
			e.Call(oncomplete, goja.Undefined(), args...)
		}
	})
}

// lookup is dns.lookup's getaddrinfo: the first address Go's resolver
// gives (sorted as getaddrinfo sorts them, RFC 6724), and its family.
func lookup(ctx context.Context, r *net.Resolver, host string, family int) (result, error) {
	network := "ip"
	switch family {
	case 4:
		network = "ip4"
	case 6:
		network = "ip6"
	}
	addrs, err := r.LookupNetIP(ctx, network, host)
	if err != nil {
		return nil, err
	}
	if len(addrs) == 0 {
		return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
	}
	a := addrs[0]
	if family != 6 {
		// Go gives IPv4 answers as IPv4-mapped addresses at times.
		a = a.Unmap()
	}
	if a.Is4() {
		return address{a.String(), 4}, nil
	}
	return address{a.String(), 6}, nil
}
