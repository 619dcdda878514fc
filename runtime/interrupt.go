package runtime

import (
	"sync"
	"weak"

	"github.com/dop251/goja"
)

// A program's JS runs in the loop's goja runtime and in any other it made
// (vm's contexts, NewRuntime), always on the loop goroutine and nested in a
// call of the loop's runtime. process.exit() and the embedder's context
// stop whichever of them runs at the moment by interrupting them all; an
// interrupt that reaches the loop's outermost catch is over, and is
// cleared in all of them (guard.go).

// runtimes are the other goja runtimes of the program, held weakly so that
// a context the script dropped can be collected.
type runtimes struct {
	mu   sync.Mutex // interrupt is called from the context's goroutine
	list []weak.Pointer[goja.Runtime]
}

// newVMRuntime implements jsbridge.Host's NewRuntime.
func (r *Runtime) newVMRuntime() *goja.Runtime {
	vm := goja.New()
	r.others.mu.Lock()
	defer r.others.mu.Unlock()
	live := r.others.list[:0]
	for _, p := range r.others.list {
		if p.Value() != nil {
			live = append(live, p)
		}
	}
	r.others.list = append(live, weak.Make(vm))
	return vm
}

// interrupt interrupts the JS running in any of the program's runtimes
// with v. Safe from any goroutine.
func (r *Runtime) interrupt(v any) {
	r.vm.Interrupt(v)
	r.others.each(func(vm *goja.Runtime) { vm.Interrupt(v) })
}

// clearInterrupts clears an interrupt that has ended what it stopped.
func (r *Runtime) clearInterrupts() {
	r.vm.ClearInterrupt()
	r.others.each(func(vm *goja.Runtime) { vm.ClearInterrupt() })
}

func (s *runtimes) each(fn func(vm *goja.Runtime)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, p := range s.list {
		if vm := p.Value(); vm != nil {
			fn(vm)
		}
	}
}
