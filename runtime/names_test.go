package runtime

import (
	"errors"
	"strings"
	"testing"
)

// TestNativeNamesInStacks: an uncaught error thrown by a native function
// prints the function's JS name as node prints its frames (`at require
// (...)`), never a Go symbol: a missing module, an error thrown by a
// binding, a function given as Options.Globals.
func TestNativeNamesInStacks(t *testing.T) {
	for _, tc := range []struct{ src, frame string }{
		{"require('nope');", "    at require (native)\n"},
		{"process.chdir(42);", "    at chdir (native)\n"},
		{"require('fs').readFileSync('/nonexistent/file');", "    at readFile (native)\n"},
		{"fail();", "    at fail (native)\n"},
	} {
		opts := Options{Dir: t.TempDir(), Globals: map[string]any{"fail": func() error { return errors.New("no") }}}
		code, _, errb := runWith(t, opts, tc.src)
		if code != 1 || !strings.Contains(errb, tc.frame) || strings.Contains(errb, "github.com") {
			t.Errorf("%s: exit %d, stderr %q; want 1 and the frame %q", tc.src, code, errb, tc.frame)
		}
	}
}
