package runtime

import (
	"errors"
	"fmt"
	"io"

	"github.com/dop251/goja"
)

// Go code of the loop reaches JS in two ways: through a call into JS (a
// callback, an emit), which goja protects, and on its own, wherever it
// touches a JS value: a getter behind Get("emit"), a toString behind
// String(), a Proxy trap behind Export. What JS does in the second case (an
// exception, an interrupt from process.exit() or from the embedder's
// context) unwinds as a Go panic through the module's Go code. The loop
// therefore runs every timer and posted function, the main script and the
// exit hooks inside catch, which turns such a panic back into an error: one
// mechanism, so no module has to protect each Get.

// guard runs fn, Go code of the loop, and reports what escapes it as Node
// reports an exception thrown by a callback.
func (r *Runtime) guard(fn func()) {
	if err := r.catch(func() error { fn(); return nil }); err != nil {
		r.report(err)
	}
}

// catch runs fn inside goja's exception frame and returns what escaped it:
// an error fn returned, a *goja.Exception thrown by JS it reached, an
// uncatchable goja error (*goja.InterruptedError, *goja.StackOverflowError),
// or a Go panic as an "internal error". goja restores its stacks to where
// catch started, so the VM stays usable. An interrupt that reaches the
// outermost catch is cleared (in every runtime of the program, see
// interrupt.go), as goja does when one ends a call into JS, so that
// process.exit()'s unwinding does not stop the JS that runs after it
// ('exit' listeners, exit hooks).
func (r *Runtime) catch(fn func() error) (err error) {
	r.guardDepth++
	defer func() {
		r.guardDepth--
		if x := recover(); x != nil {
			err = panicError(x)
		}
		if r.guardDepth == 0 && err != nil && isInterrupt(err) {
			r.clearInterrupts()
		}
	}()
	var fnErr error
	if ex := r.vm.Try(func() { fnErr = fn() }); ex != nil {
		return ex
	}
	return fnErr
}

// panicError is the error a recovered panic value stands for.
func panicError(x any) error {
	if err, ok := x.(error); ok {
		var interrupted *goja.InterruptedError
		var overflow *goja.StackOverflowError
		if errors.As(err, &interrupted) || errors.As(err, &overflow) {
			return err
		}
	}
	return fmt.Errorf("internal error: %v", x)
}

func isInterrupt(err error) bool {
	var interrupted *goja.InterruptedError
	return errors.As(err, &interrupted)
}

// report takes an error that escaped a call into JS to the
// uncaught-exception path (handleError). Reporting reads the error's name,
// message and stack, and may call the script's 'uncaughtException'
// listeners, so it may run JS that throws too: then the program ends with 1
// and a message that says so, without touching JS again.
func (r *Runtime) report(err error) {
	failed := r.catch(func() error { r.handleError(err); return nil })
	if failed == nil || isInterrupt(failed) || r.exiting {
		return
	}
	_, _ = io.WriteString(r.stderr, "\nUncaught exception that could not be printed: describing it threw another\n")
	_ = r.catch(func() error { r.exit(1); return nil })
}
