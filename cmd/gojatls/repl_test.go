package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// screen is a gojatls REPL in a tmux pane: a real pseudo-terminal, typed
// into with send-keys and read back with capture-pane, as a person sees it.
type screen struct {
	t    *testing.T
	sock string
}

// newScreen starts `gojatls` (no script) in a detached tmux session of its
// own; when gojatls ends, the pane shows "RC=<exit code>".
func newScreen(t *testing.T, args ...string) *screen {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: the REPL's pseudo-terminal test is skipped (.ci/run installs it)")
	}
	s := &screen{t: t, sock: filepath.Join(t.TempDir(), "tmux.sock")}
	// Ctrl-C in the REPL's running line is SIGINT to the terminal's
	// foreground process group, which holds the shell too: the trap keeps
	// the shell alive to report the exit code (the child starts with the
	// default action again).
	cmdline := `trap : INT; ` + binary + " " + strings.Join(args, " ") + `; echo "RC=$?"; sleep 600`
	s.tmux("new-session", "-d", "-x", "120", "-y", "50", "sh", "-c", cmdline)
	t.Cleanup(func() { _ = exec.Command("tmux", "-S", s.sock, "kill-server").Run() })
	return s
}

func (s *screen) tmux(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-S", s.sock}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// keys types keys (tmux key names: "Enter", "Tab", "Up", "C-c", "C-d";
// anything else is typed as text).
func (s *screen) keys(keys ...string) {
	s.t.Helper()
	s.tmux(append([]string{"send-keys", "-t", "0"}, keys...)...)
}

// text is what the pane shows, with its history (tmux drops the spaces at
// the end of a line: a prompt shows as ">").
func (s *screen) text() string {
	return s.tmux("capture-pane", "-p", "-S", "-200", "-t", "0")
}

// waitFor waits until the pane shows want n times (the REPL's answer to
// what was typed), failing after a generous bound.
func (s *screen) waitFor(want string, n int) {
	s.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		text := s.text()
		if strings.Count(text, want) >= n {
			return
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("the screen never showed %q (%d times):\n%s", want, n, text)
		}
		time.Sleep(20 * time.Millisecond) // polling the screen, not timing the REPL
	}
}

// TestREPLTerminal types into the REPL as a person would: results, a
// multi-line function on '...' lines, _, .break, .help, a syntax error
// that is printed before the REPL goes on, Ctrl-C breaking a running
// line, history with the up arrow, Tab completing a global and a
// property, Ctrl-C on an empty line saying how to leave, Ctrl-D leaving
// with 0.
func TestREPLTerminal(t *testing.T) {
	s := newScreen(t)
	s.waitFor("options.\n>", 1)

	s.keys("1000 + 1", "Enter")
	s.waitFor("\n1001\n", 1)

	s.keys("function add(a, b) {", "Enter")
	s.waitFor("\n...", 1)
	s.keys("return a + b", "Enter", "}", "Enter", "add(40, 2)", "Enter")
	s.waitFor("\n42\n", 1)
	s.keys("_ + 1", "Enter")
	s.waitFor("\n43\n", 1)

	s.keys("if (true) {", "Enter", ".break", "Enter", "6 * 7 + 100", "Enter")
	s.waitFor("\n142\n", 1)

	s.keys(".help", "Enter")
	s.waitFor("Sometimes you get stuck, this gets you out", 1)
	s.waitFor("Save all evaluated commands in this REPL session to a file", 1)

	s.keys("x y", "Enter")
	s.waitFor("SyntaxError: Unexpected identifier", 1)
	s.keys("2000 + 2", "Enter")
	s.waitFor("\n2002\n", 1)

	// "spinning" shows that the line runs; Ctrl-C then interrupts it.
	s.keys("console.log('spin' + 'ning'); while (true) {}", "Enter")
	s.waitFor("\nspinning\n", 1)
	s.keys("C-c")
	s.waitFor("Script execution was interrupted by `SIGINT`", 1)
	s.keys("3000 + 3", "Enter")
	s.waitFor("\n3003\n", 1)

	// The up arrow brings back the last line.
	s.keys("Up", "Enter")
	s.waitFor("\n3003\n", 2)

	// Tab completes a global, then a property; with two candidates it
	// lists both and completes their common part.
	s.keys("var myUniqueGlobal = { alpha: 1, alphabet: 2, beta: 3 }", "Enter")
	s.waitFor("\nundefined\n", 1)
	s.keys("myUniq", "Tab", ".be", "Tab", "Enter")
	s.waitFor("> myUniqueGlobal.beta\n3\n", 1)
	s.keys("myUniqueGlobal.al", "Tab")
	s.waitFor("myUniqueGlobal.alpha     myUniqueGlobal.alphabet", 1)
	s.keys("Enter")
	s.waitFor("> myUniqueGlobal.alpha\n1\n", 1)

	s.keys("C-c")
	s.waitFor("(To exit, press Ctrl+C again or Ctrl+D or type .exit)", 1)
	s.keys("C-d")
	s.waitFor("RC=0", 1)
}

// TestREPLExits checks the other ways out: Ctrl-C twice on an empty line,
// and .exit.
func TestREPLExits(t *testing.T) {
	s := newScreen(t)
	s.waitFor("options.\n>", 1)
	s.keys("C-c")
	s.waitFor("(To exit, press Ctrl+C again or Ctrl+D or type .exit)", 1)
	s.keys("C-c")
	s.waitFor("RC=0", 1)

	s = newScreen(t)
	s.waitFor("options.\n>", 1)
	s.keys(".exit", "Enter")
	s.waitFor("RC=0", 1)
}

// TestREPLNotATerminal checks -i on a stdin that is not a terminal: lines
// are evaluated as they come, no line editing, and the end of stdin ends
// the REPL with 0.
func TestREPLNotATerminal(t *testing.T) {
	r := gojatls(t, t.TempDir(), "1 + 1\nfunction f() {\nreturn 5\n}\nf()\nx y\n_ + 1\n", "-i")
	want := "Type '.help' for options.\n> 2\n> ... ... undefined\n> 5\n> SyntaxError: Unexpected identifier\n> 6\n> "
	if r.code != 0 || r.stdout != want {
		t.Fatalf("code %d, stdout %q, want %q; stderr %q", r.code, r.stdout, want, r.stderr)
	}
}
