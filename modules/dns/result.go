package dns

import (
	"net"

	"github.com/dop251/goja"
)

// result is what a query found, in Go values until the loop turns it into
// the JS value the callback gets.
type result interface {
	value(vm *goja.Runtime) goja.Value
}

// names are addresses, host names or texts: an array of strings.
type names []string

func (n names) value(vm *goja.Runtime) goja.Value {
	items := make([]any, len(n))
	for i, s := range n {
		items[i] = s
	}
	return vm.NewArray(items...)
}

// mxList is resolveMx's answer: [{exchange, priority}], the properties in
// the order cares_wrap set them.
type mxList []*net.MX

func (l mxList) value(vm *goja.Runtime) goja.Value {
	items := make([]any, len(l))
	for i, mx := range l {
		obj := vm.NewObject()
		obj.Set("exchange", trimDot(mx.Host))
		obj.Set("priority", mx.Pref)
		items[i] = obj
	}
	return vm.NewArray(items...)
}

// srvList is resolveSrv's answer: [{name, port, priority, weight}], the
// properties in the order cares_wrap set them.
type srvList []*net.SRV

func (l srvList) value(vm *goja.Runtime) goja.Value {
	items := make([]any, len(l))
	for i, srv := range l {
		obj := vm.NewObject()
		obj.Set("name", trimDot(srv.Target))
		obj.Set("port", srv.Port)
		obj.Set("priority", srv.Priority)
		obj.Set("weight", srv.Weight)
		items[i] = obj
	}
	return vm.NewArray(items...)
}
