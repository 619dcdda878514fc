package dns

import (
	"net"

	"github.com/dop251/goja"
)

// result is what a lookup or a query found, in Go values until the loop
// turns it into the JS values the callback gets after its error.
type result interface {
	values(vm *goja.Runtime) []goja.Value
}

// address is lookup's answer: (address, family).
type address struct {
	ip     string
	family int
}

func (a address) values(vm *goja.Runtime) []goja.Value {
	return []goja.Value{vm.ToValue(a.ip), vm.ToValue(a.family)}
}

// names are addresses, host names or texts: an array of strings.
type names []string

func (n names) values(vm *goja.Runtime) []goja.Value {
	items := make([]any, len(n))
	for i, s := range n {
		items[i] = s
	}
	return []goja.Value{vm.NewArray(items...)}
}

// mxList is resolveMx's answer: [{exchange, priority}], the properties in
// the order cares_wrap set them.
type mxList []*net.MX

func (l mxList) values(vm *goja.Runtime) []goja.Value {
	items := make([]any, len(l))
	for i, mx := range l {
		obj := vm.NewObject()
		obj.Set("exchange", trimDot(mx.Host))
		obj.Set("priority", mx.Pref)
		items[i] = obj
	}
	return []goja.Value{vm.NewArray(items...)}
}

// srvList is resolveSrv's answer: [{name, port, priority, weight}], the
// properties in the order cares_wrap set them.
type srvList []*net.SRV

func (l srvList) values(vm *goja.Runtime) []goja.Value {
	items := make([]any, len(l))
	for i, srv := range l {
		obj := vm.NewObject()
		obj.Set("name", trimDot(srv.Target))
		obj.Set("port", srv.Port)
		obj.Set("priority", srv.Priority)
		obj.Set("weight", srv.Weight)
		items[i] = obj
	}
	return []goja.Value{vm.NewArray(items...)}
}
