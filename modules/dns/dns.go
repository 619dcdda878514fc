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
			oncomplete := call.Argument(2)
			ctx := e.Context()
			e.Go(func() func() {
				address, fam, err := lookup(ctx, resolver, host, family)
				return func() {
					if err != nil {
						e.Call(oncomplete, goja.Undefined(), e.VM.ToValue(errorCode(err)))
						return
					}
					e.Call(oncomplete, goja.Undefined(), goja.Null(), e.VM.ToValue(address), e.VM.ToValue(fam))
				}
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
		oncomplete := call.Argument(1)
		if q.reverse && badAddr(name) {
			return e.VM.ToValue("EINVAL")
		}
		ctx := e.Context()
		e.Go(func() func() {
			var result result
			err := errBadName
			if q.reverse || !badName(name) {
				result, err = q.run(ctx, resolver, name)
			}
			return func() {
				if err != nil {
					e.Call(oncomplete, goja.Undefined(), e.VM.ToValue(errorCode(err)))
					return
				}
				e.Call(oncomplete, goja.Undefined(), goja.Null(), result.value(e.VM))
			}
		})
		return goja.Undefined()
	}
}

// lookup is dns.lookup's getaddrinfo: the first address Go's resolver
// gives (sorted as getaddrinfo sorts them, RFC 6724), and its family.
func lookup(ctx context.Context, r *net.Resolver, host string, family int) (string, int, error) {
	network := "ip"
	switch family {
	case 4:
		network = "ip4"
	case 6:
		network = "ip6"
	}
	addrs, err := r.LookupNetIP(ctx, network, host)
	if err != nil {
		return "", 0, err
	}
	if len(addrs) == 0 {
		return "", 0, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
	}
	a := addrs[0]
	if family != 6 {
		// Go gives IPv4 answers as IPv4-mapped addresses at times.
		a = a.Unmap()
	}
	if a.Is4() {
		return a.String(), 4, nil
	}
	return a.String(), 6, nil
}
