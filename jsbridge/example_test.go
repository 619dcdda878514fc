package jsbridge_test

import (
	"context"
	"fmt"
	"os"

	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/jsbridge"
	"github.com/gojatls/gojatls/runtime"
)

// A native module whose goroutine feeds a JS EventEmitter, the shape of
// every I/O module here. Its JS part is a Counter class (an EventEmitter,
// so scripts can subclass it and listen as usual) over the Go binding.
//
// count shows the long-lived case: a Handle keeps the program alive while
// the goroutine works; the goroutine never touches a goja value, it hands
// each result to the loop with Post, and the loop emits it with Emit.
// sum shows the one-off case, a Node "request": Go runs the work off the
// loop, keeps the program alive meanwhile, and runs the returned function
// on the loop, which calls the script back.
func Example_nativeModule() {
	counter := &jsbridge.Module{
		Name: "counter",
		JS: `
			var EventEmitter = require('events').EventEmitter;
			var util = require('util');
			function Counter() { EventEmitter.call(this); }
			util.inherits(Counter, EventEmitter);
			Counter.prototype.start = function (n) { binding.count(this, n); return this; };
			exports.Counter = Counter;
			exports.sum = binding.sum;
		`,
		Native: func(e *jsbridge.Env, binding *goja.Object) {
			e.SetFuncs(binding, map[string]func(goja.FunctionCall) goja.Value{
				// count(emitter, n): 'tick' 1..n from a goroutine, then 'end'.
				"count": func(call goja.FunctionCall) goja.Value {
					emitter := call.Argument(0).ToObject(e.VM)
					n := int(call.Argument(1).ToInteger())
					h := e.NewHandle() // on the loop: the program lives while counting
					go func() {
						for i := 1; i <= n; i++ {
							e.Post(func() { e.Emit(emitter, "tick", e.VM.ToValue(i)) })
						}
						e.Post(func() {
							h.Close()
							e.Emit(emitter, "end")
						})
					}()
					return goja.Undefined()
				},
				// sum(numbers, callback(err, total)): adds off the loop.
				"sum": func(call goja.FunctionCall) goja.Value {
					var nums []int
					if err := e.VM.ExportTo(call.Argument(0), &nums); err != nil {
						e.ThrowTypeError("numbers must be an array of numbers")
					}
					cb := call.Argument(1)
					e.Go(func() func() {
						total := 0
						for _, n := range nums {
							total += n
						}
						return func() { e.Call(cb, goja.Undefined(), goja.Null(), e.VM.ToValue(total)) }
					})
					return goja.Undefined()
				},
			})
		},
	}
	rt := runtime.New(runtime.Options{Stdout: os.Stdout, Modules: []*jsbridge.Module{counter}})
	code, err := rt.RunString(context.Background(), "main.js", `
		var counter = require('counter');
		new counter.Counter().on('tick', function (i) {
			console.log('tick', i);
		}).on('end', function () {
			console.log('end');
			counter.sum([1, 2, 3, 4], function (err, total) {
				console.log('sum', total);
			});
		}).start(3);
	`)
	fmt.Println(code, err)
	// Output:
	// tick 1
	// tick 2
	// tick 3
	// end
	// sum 10
	// 0 <nil>
}
