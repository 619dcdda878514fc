package jsbridge

import (
	"sync"

	"github.com/dop251/goja"
)

// Module is a built-in Node module: a Go part, a JS part, or both.
//
// The Go part (Native) fills a binding object. The JS part is CommonJS source
// run as Node runs lib/*.js: wrapped in
// function (exports, require, module, __filename, __dirname, binding), where
// binding is what Native filled. A module without JS exports its binding.
// The JS part is compiled once per process and shared by every runtime.
type Module struct {
	// Name is what scripts pass to require().
	Name string
	// JS is the module's JavaScript source, or "".
	JS string
	// Native fills binding with the module's Go functions, or is nil.
	Native func(e *Env, binding *goja.Object)

	once sync.Once
	prog *goja.Program
	err  error
}

// ModuleWrapperParams are the parameters of the function a built-in module's
// JS source is wrapped in.
const ModuleWrapperParams = "exports, require, module, __filename, __dirname, binding"

// Program returns the module's compiled JS part, compiling it on first use.
func (m *Module) Program() (*goja.Program, error) {
	m.once.Do(func() {
		src := "(function (" + ModuleWrapperParams + ") {" + m.JS + "\n})"
		m.prog, m.err = goja.Compile(m.Name+".js", src, true)
	})
	return m.prog, m.err
}
