// Package timers is Node's timers module: setTimeout, setInterval and
// setImmediate over the event loop's one timer heap.
package timers

import (
	_ "embed"
	"time"

	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/jsbridge"
)

//go:embed timers.js
var source string

// Module is Node's timers module.
var Module = &jsbridge.Module{Name: "timers", JS: source, Native: native}

// timer is the Go side of one Timeout or Immediate object.
type timer struct {
	handle *jsbridge.Handle
	cancel func()
}

func native(e *jsbridge.Env, binding *goja.Object) {
	active := map[*goja.Object]*timer{}

	stop := func(obj *goja.Object) {
		if t, ok := active[obj]; ok {
			if t.cancel != nil {
				t.cancel()
			}
			t.handle.Close()
			delete(active, obj)
		}
	}

	var arm func(obj *goja.Object, t *timer, ms int64, repeat bool)
	arm = func(obj *goja.Object, t *timer, ms int64, repeat bool) {
		t.cancel = e.Host().AfterFunc(time.Duration(ms)*time.Millisecond, func() {
			t.cancel = nil
			if !repeat {
				stop(obj)
			}
			e.Call(obj.Get("_onTimeout"), obj)
			// An interval is re-armed after its callback, unless the
			// callback cleared it.
			if repeat && active[obj] == t && t.cancel == nil {
				arm(obj, t, ms, repeat)
			}
		})
	}

	e.SetFuncs(binding, map[string]func(goja.FunctionCall) goja.Value{
		// start(timeout, ms, repeat) arms a Timeout object.
		"start": func(call goja.FunctionCall) goja.Value {
			obj := call.Argument(0).ToObject(e.VM)
			stop(obj)
			t := &timer{handle: e.NewHandle()}
			active[obj] = t
			arm(obj, t, call.Argument(1).ToInteger(), call.Argument(2).ToBoolean())
			return goja.Undefined()
		},
		// immediate(obj) runs obj._onImmediate after the I/O already queued.
		"immediate": func(call goja.FunctionCall) goja.Value {
			obj := call.Argument(0).ToObject(e.VM)
			t := &timer{handle: e.NewHandle()}
			active[obj] = t
			e.Post(func() {
				if active[obj] != t {
					return
				}
				stop(obj)
				e.Call(obj.Get("_onImmediate"), obj)
			})
			return goja.Undefined()
		},
		"stop": func(call goja.FunctionCall) goja.Value {
			if obj, ok := call.Argument(0).(*goja.Object); ok {
				stop(obj)
			}
			return goja.Undefined()
		},
		"ref": func(call goja.FunctionCall) goja.Value {
			if t, ok := active[call.Argument(0).ToObject(e.VM)]; ok {
				t.handle.Ref()
			}
			return goja.Undefined()
		},
		"unref": func(call goja.FunctionCall) goja.Value {
			if t, ok := active[call.Argument(0).ToObject(e.VM)]; ok {
				t.handle.Unref()
			}
			return goja.Undefined()
		},
		"hasRef": func(call goja.FunctionCall) goja.Value {
			t, ok := active[call.Argument(0).ToObject(e.VM)]
			return e.VM.ToValue(ok && t.handle.HasRef())
		},
	})
}
