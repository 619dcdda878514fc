package runtime

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/jsbridge"
)

// The runtime's one lifetime (Host.Context, Host.AfterEnd): its context
// ends when the run ends, registered functions run then unless stopped,
// and Run returns only once they are done; a panic in one does not crash
// the program; one registered after the end runs at once.
func TestAfterEnd(t *testing.T) {
	var env *jsbridge.Env
	var ran, stopped, slow atomic.Int32
	var stopReported bool
	mod := &jsbridge.Module{Name: "life", Native: func(e *jsbridge.Env, b *goja.Object) {
		env = e
		e.SetFuncs(b, map[string]func(goja.FunctionCall) goja.Value{
			"register": func(goja.FunctionCall) goja.Value {
				e.AfterEnd(func() { ran.Add(1) })
				stop := e.AfterEnd(func() { stopped.Add(1) })
				stopReported = stop()
				e.AfterEnd(func() {
					time.Sleep(50 * time.Millisecond) // Run must wait for this
					slow.Add(1)
				})
				e.AfterEnd(func() { panic("a broken release") })
				if e.Context().Err() != nil {
					t.Error("the runtime's context ended while the program runs")
				}
				return goja.Undefined()
			},
		})
	}}
	rt := New(Options{Modules: []*jsbridge.Module{mod}, Dir: t.TempDir()})
	code, err := rt.RunString(context.Background(), "main.js", `require('life').register();`)
	if code != 0 || err != nil {
		t.Fatalf("code %d, err %v", code, err)
	}
	if env.Context().Err() == nil {
		t.Error("the runtime's context did not end with the run")
	}
	if ran.Load() != 1 || slow.Load() != 1 {
		t.Errorf("ran %d, slow %d: Run returned before its AfterEnd functions were done", ran.Load(), slow.Load())
	}
	if stopped.Load() != 0 || !stopReported {
		t.Errorf("a stopped function ran (%d) or stop said it did not stop it (%v)", stopped.Load(), stopReported)
	}
	late := make(chan struct{})
	if env.AfterEnd(func() { close(late) })() {
		t.Error("stop of a function registered after the end reported stopping it")
	}
	select {
	case <-late:
	default:
		t.Error("a function registered after the end did not run at once")
	}
}
