package jsbridge

import "strings"

// LookupEnv is os.LookupEnv over the runtime's environment: the one the
// program started with (an embedder's Options.Env), not process.env as the
// script changes it, since Node reads its NODE_* variables at start. As in
// process.env and os/exec, the last of duplicate entries wins.
func (e *Env) LookupEnv(key string) (value string, ok bool) {
	for _, kv := range e.host.Environ() {
		if k, v, found := strings.Cut(kv, "="); found && k == key {
			value, ok = v, true
		}
	}
	return value, ok
}
