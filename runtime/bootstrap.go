package runtime

import (
	_ "embed"
	"sync"

	"github.com/dop251/goja"
	"github.com/dop251/goja/file"

	"github.com/gojatls/gojatls/jsbridge"
)

//go:embed bootstrap.js
var bootstrapSource string

var (
	bootstrapOnce sync.Once
	bootstrapProg *goja.Program
	bootstrapErr  error
)

// bootstrap makes the VM, the process object and the globals.
func (r *Runtime) bootstrap() error {
	bootstrapOnce.Do(func() {
		bootstrapProg, bootstrapErr = goja.Compile("node.js", bootstrapSource, true)
	})
	if bootstrapErr != nil {
		return bootstrapErr
	}
	r.vm = goja.New()
	r.errorPositions = map[goja.Value]file.Position{}
	r.env = jsbridge.NewEnv(r.vm, (*host)(r))
	builtins := map[string]*jsbridge.Module{}
	for _, m := range builtinModules {
		builtins[m.Name] = m
	}
	for _, m := range r.opts.Modules {
		builtins[m.Name] = m
	}
	r.modules = newModuleSystem(r, builtins)
	var binding *goja.Object
	r.process, binding = r.newProcess()

	return r.protectJS(func() {
		fn, err := r.vm.RunProgram(bootstrapProg)
		if err != nil {
			panic(err)
		}
		start, _ := goja.AssertFunction(fn)
		require := r.env.NamedFunc("require", func(call goja.FunctionCall) goja.Value {
			return r.modules.requireBuiltin(call.Argument(0).String())
		})
		res, err := start(goja.Undefined(), r.process, binding, r.vm.GlobalObject(), require)
		if err != nil {
			panic(err)
		}
		obj := res.ToObject(r.vm)
		r.invoke, _ = goja.AssertFunction(obj.Get("invoke"))
		r.tickPass, _ = goja.AssertFunction(obj.Get("runTicks"))
		r.defineGlobals()
	})
}
