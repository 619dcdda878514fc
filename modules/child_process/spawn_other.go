//go:build !unix

package childprocess

import (
	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/jsbridge"
)

// native outside Unix: the module loads, and spawning (or taking an IPC
// channel) throws.
func native(e *jsbridge.Env, binding *goja.Object) {
	e.SetFuncs(binding, map[string]func(goja.FunctionCall) goja.Value{
		"spawn": func(goja.FunctionCall) goja.Value {
			e.ThrowError("child_process is not supported on this platform")
			return nil
		},
		"openChannel": func(goja.FunctionCall) goja.Value {
			e.ThrowError("the IPC channel (NODE_CHANNEL_FD) is not supported on this platform")
			return nil
		},
	})
	signals := e.VM.NewObject()
	signals.Set("SIGTERM", 15)
	signals.Set("SIGKILL", 9)
	signals.Set("SIGINT", 2)
	binding.Set("signals", signals)
}
