package runtime

import (
	"errors"
	"fmt"
	"strings"

	"github.com/dop251/goja"
	"github.com/dop251/goja/file"
)

// exitRequest is the interrupt process.exit() uses to unwind JS.
type exitRequest struct{}

// handleError deals with an error that escaped a top-level call into JS.
func (r *Runtime) handleError(err error) {
	var interrupted *goja.InterruptedError
	if errors.As(err, &interrupted) {
		return // process.exit() or the embedder's context: already handled
	}
	var ex *goja.Exception
	if errors.As(err, &ex) {
		r.uncaught(ex.Value(), ex.Stack())
		return
	}
	if r.exiting {
		return
	}
	r.uncaught(r.vm.NewGoError(err), nil)
}

// uncaught is Node's fatal-exception path: 'uncaughtException' listeners get
// the error; with none, it is printed and the process exits with 1.
func (r *Runtime) uncaught(val goja.Value, stack []goja.StackFrame) {
	if r.exiting {
		return
	}
	if r.process != nil && r.listenerCount("uncaughtException") > 0 {
		emit, _ := goja.AssertFunction(r.process.Get("emit"))
		r.inJS = true
		_, err := emit(r.process, r.vm.ToValue("uncaughtException"), val)
		r.inJS = false
		if err == nil {
			return
		}
		var ex *goja.Exception
		if !errors.As(err, &ex) {
			return // interrupted by process.exit()
		}
		val, stack = ex.Value(), ex.Stack()
		r.printException(val, stack)
		r.exit(7)
		return
	}
	r.printException(val, stack)
	r.exit(1)
}

func (r *Runtime) listenerCount(event string) int {
	ls, ok := goja.AssertFunction(r.process.Get("listeners"))
	if !ok {
		return 0
	}
	v, err := ls(r.process, r.vm.ToValue(event))
	if err != nil {
		return 0
	}
	if obj, ok := v.(*goja.Object); ok {
		return int(obj.Get("length").ToInteger())
	}
	return 0
}

// printException writes an uncaught exception to stderr as Node 0.7 did: the
// place it was thrown (file:line, the source line, a caret), then the stack.
func (r *Runtime) printException(val goja.Value, stack []goja.StackFrame) {
	var b strings.Builder
	if frames, ok := r.foreignFrames[val]; ok {
		stack = append(frames[:len(frames):len(frames)], stack...)
	}
	pos, ok := r.errorPositions[val]
	if !ok {
		pos, ok = firstPosition(stack)
	}
	if ok {
		line, col := pos.Line, pos.Column
		src := r.modules.sourceLine(pos.Filename, line)
		if line == 1 {
			col -= r.modules.wrapperOffset(pos.Filename)
		}
		fmt.Fprintf(&b, "\n%s:%d\n%s\n%s^\n", pos.Filename, line, src, strings.Repeat(" ", max(col-1, 0)))
	}
	b.WriteString(r.describe(val, stack))
	b.WriteString("\n")
	_, _ = r.stderr.Write([]byte(b.String()))
}

// describe is what Node prints for a thrown value: an Error's name, message
// and stack frames; anything else as a string.
func (r *Runtime) describe(val goja.Value, stack []goja.StackFrame) string {
	obj, isObj := val.(*goja.Object)
	if !isObj || !r.isError(obj) {
		if val == nil {
			return "undefined"
		}
		return val.String()
	}
	var b strings.Builder
	b.WriteString(errorHeadline(obj))
	for _, f := range stack {
		p := f.Position()
		name := f.FuncName()
		loc := ""
		if p.Filename != "" {
			col := p.Column
			if p.Line == 1 {
				col -= r.modules.wrapperOffset(p.Filename)
			}
			loc = fmt.Sprintf("%s:%d:%d", p.Filename, p.Line, col)
		} else {
			loc = "native"
		}
		if name != "" {
			fmt.Fprintf(&b, "\n    at %s (%s)", name, loc)
		} else {
			fmt.Fprintf(&b, "\n    at %s", loc)
		}
	}
	return b.String()
}

func errorHeadline(obj *goja.Object) string {
	name := "Error"
	if n := obj.Get("name"); n != nil && !goja.IsUndefined(n) {
		name = n.String()
	}
	msg := ""
	if m := obj.Get("message"); m != nil && !goja.IsUndefined(m) {
		msg = m.String()
	}
	if msg == "" {
		return name
	}
	return name + ": " + msg
}

func (r *Runtime) isError(obj *goja.Object) bool {
	errCtor := r.vm.Get("Error").ToObject(r.vm)
	proto := errCtor.Get("prototype").ToObject(r.vm)
	for p := obj.Prototype(); p != nil; p = p.Prototype() {
		if p == proto {
			return true
		}
	}
	return false
}

// firstPosition is the innermost frame that has a place in a script.
func firstPosition(stack []goja.StackFrame) (file.Position, bool) {
	for _, f := range stack {
		if p := f.Position(); p.Filename != "" && p.Line > 0 {
			return p, true
		}
	}
	return file.Position{}, false
}
