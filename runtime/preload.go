package runtime

import "github.com/dop251/goja"

// defineGlobals puts Options.Globals on the global object. They are not
// enumerable, as require is not in node, so that a script's
// `for (var k in global)` check for leaked globals still sees only Node's.
func (r *Runtime) defineGlobals() {
	global := r.vm.GlobalObject()
	for name, v := range r.opts.Globals {
		value, ok := v.(goja.Value)
		if !ok {
			value = r.vm.ToValue(v)
			if _, isFunc := goja.AssertFunction(value); isFunc {
				// goja names a Go func after its Go symbol: name it
				// as the global, for stack traces and .name.
				value.(*goja.Object).DefineDataProperty("name", r.vm.ToValue(name), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
			}
		}
		if err := global.DefineDataProperty(name, value, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
			panic(err)
		}
	}
}

// preload requires each module of Options.Preload, in order, as
// `node -r module` does: an id is resolved from the working directory
// (a relative path, a node_modules package or a built-in module), and what
// it throws is an uncaught exception of the program.
func (r *Runtime) preload() error {
	if len(r.opts.Preload) == 0 {
		return nil
	}
	m := r.modules
	return r.protectJS(func() {
		parent := m.newModule("[preload]", goja.Null())
		parent.Set("filename", r.cwd+"/[preload]")
		parent.Set("paths", r.vm.ToValue(nodeModulePaths(r.cwd)))
		for _, id := range r.opts.Preload {
			m.require(parent, r.vm.ToValue(id))
		}
	})
}
