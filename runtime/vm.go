package runtime

import (
	"github.com/dop251/goja"
)

// compileScript compiles source for the vm module under filename, the
// name its stack frames and error reports give. The source is remembered
// so that an uncaught error in it prints its line; a syntax error is
// thrown as a JS SyntaxError that the uncaught-exception report places in
// the source. The program may run in any goja runtime (vm's contexts are
// runtimes of their own). Loop goroutine only.
func (r *Runtime) compileScript(filename, source string) *goja.Program {
	r.modules.addSource(filename, source, false)
	return r.mustCompile(filename, source)
}

// addErrorFrames records where err was first thrown when that was in
// another goja runtime (a vm context): the uncaught-exception report
// prints those frames, and places the error there, before the frames of
// this runtime. Loop goroutine only.
func (r *Runtime) addErrorFrames(err *goja.Object, frames []goja.StackFrame) {
	if r.foreignFrames == nil {
		r.foreignFrames = map[goja.Value][]goja.StackFrame{}
	}
	r.foreignFrames[err] = frames
}
