package runtime_test

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/jsbridge"
	"github.com/gojatls/gojatls/runtime"
)

// A Go program runs a script to completion and gets its exit code.
func ExampleRuntime_RunString() {
	rt := runtime.New(runtime.Options{Stdout: os.Stdout, Args: []string{"world"}})
	code, err := rt.RunString(context.Background(), "hello.js", `
		setTimeout(function () {
			console.log('hello, ' + process.argv[2]);
			process.exitCode = 3;
		}, 1);
	`)
	fmt.Println(code, err)
	// Output:
	// hello, world
	// 3 <nil>
}

// A Go native module is registered for require(); its functions run on the
// loop and may call back into JS.
func ExampleOptions_modules() {
	greeter := &jsbridge.Module{
		Name: "greeter",
		Native: func(e *jsbridge.Env, exports *goja.Object) {
			e.SetFuncs(exports, map[string]func(goja.FunctionCall) goja.Value{
				"greet": func(call goja.FunctionCall) goja.Value {
					return e.VM.ToValue("hello, " + strings.ToUpper(call.Argument(0).String()))
				},
			})
		},
	}
	rt := runtime.New(runtime.Options{Stdout: os.Stdout, Modules: []*jsbridge.Module{greeter}})
	code, _ := rt.RunString(context.Background(), "main.js", `console.log(require('greeter').greet('go'))`)
	fmt.Println(code)
	// Output:
	// hello, GO
	// 0
}

// A context stops a program that would otherwise run for ever.
func ExampleRuntime_RunFile_cancel() {
	ctx, cancel := context.WithCancel(context.Background())
	rt := runtime.New(runtime.Options{Stdout: os.Stdout, Modules: []*jsbridge.Module{{
		Name: "stopper",
		Native: func(e *jsbridge.Env, exports *goja.Object) {
			e.SetFuncs(exports, map[string]func(goja.FunctionCall) goja.Value{
				"stop": func(goja.FunctionCall) goja.Value { cancel(); return goja.Undefined() },
			})
		},
	}}})
	_, err := rt.RunString(ctx, "forever.js", `
		console.log('running');
		setInterval(function () {}, 1000);
		require('stopper').stop();
	`)
	fmt.Println(err)
	// Output:
	// running
	// context canceled
}
