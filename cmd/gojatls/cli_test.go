package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// binary is the gojatls command built once for these tests.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "gojatls-cli")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "gojatls")
	args := []string{"build", "-o", binary}
	if raceEnabled {
		args = append(args, "-race")
	}
	build := exec.Command("go", append(args, ".")...)
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type result struct {
	stdout, stderr string
	code           int
}

// gojatls runs the built command with args in dir, feeding it stdin.
func gojatls(t *testing.T, dir, stdin string, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{out.String(), errb.String(), code}
}

// script writes a script into a temporary directory and returns its path.
func script(t *testing.T, name, src string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestMissingScript(t *testing.T) {
	dir := t.TempDir()
	r := gojatls(t, dir, "", "nope.js")
	want := "Error: Cannot find module '" + filepath.Join(dir, "nope.js") + "'"
	if r.code != 1 || !strings.Contains(r.stderr, want) {
		t.Fatalf("code %d, stderr %q; want 1 and %q", r.code, r.stderr, want)
	}
}

func TestSyntaxError(t *testing.T) {
	p := script(t, "bad.js", "var ok = 1;\nvar = 5;\n")
	r := gojatls(t, filepath.Dir(p), "", p)
	want := p + ":2\nvar = 5;\n    ^\nSyntaxError: Unexpected token"
	if r.code != 1 || !strings.Contains(r.stderr, want) {
		t.Fatalf("code %d, stderr:\n%s\nwant 1 and:\n%s", r.code, r.stderr, want)
	}
}

func TestUncaughtException(t *testing.T) {
	p := script(t, "throw.js", "process.on('exit', function (c) { console.log('exit', c); });\n"+
		"function boom() {\n  throw new Error('boom');\n}\nboom();\n")
	r := gojatls(t, filepath.Dir(p), "", p)
	if r.code != 1 {
		t.Fatalf("exit code %d, want 1; stderr:\n%s", r.code, r.stderr)
	}
	if r.stdout != "exit 1\n" {
		t.Fatalf("stdout %q, want the 'exit' event with 1", r.stdout)
	}
	for _, want := range []string{
		p + ":3\n  throw new Error('boom');\n", "^\nError: boom\n", "    at boom (" + p + ":3:",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Fatalf("stderr:\n%s\nlacks %q", r.stderr, want)
		}
	}
}

func TestUncaughtNonError(t *testing.T) {
	p := script(t, "throw.js", "throw 'just a string';\n")
	r := gojatls(t, filepath.Dir(p), "", p)
	if r.code != 1 || !strings.Contains(r.stderr, "just a string") {
		t.Fatalf("code %d, stderr %q", r.code, r.stderr)
	}
}

func TestProcessExitCode(t *testing.T) {
	p := script(t, "exit.js", "setTimeout(function () { process.exit(42); }, 1);\nsetInterval(function () {}, 1000);\n")
	if r := gojatls(t, filepath.Dir(p), "", p); r.code != 42 {
		t.Fatalf("exit code %d, want 42", r.code)
	}
}

func TestArgv(t *testing.T) {
	p := script(t, "argv.js", "console.log(JSON.stringify(process.argv.slice(1)));\n")
	r := gojatls(t, filepath.Dir(p), "", "--no-warnings", p, "a", "-e", "b c")
	want := `["` + p + `","a","-e","b c"]` + "\n"
	if r.code != 0 || r.stdout != want {
		t.Fatalf("code %d, stdout %q, want %q", r.code, r.stdout, want)
	}
}

func TestRelativeScriptPath(t *testing.T) {
	p := script(t, "rel.js", "console.log(__filename === process.argv[1], require.main === module);\n")
	r := gojatls(t, filepath.Dir(p), "", "rel")
	if r.code != 0 || r.stdout != "true true\n" {
		t.Fatalf("code %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
}

func TestEvalAndPrint(t *testing.T) {
	r := gojatls(t, t.TempDir(), "", "-e", "console.log(require('path').join('a', 'b'))")
	if r.code != 0 || r.stdout != "a/b\n" {
		t.Fatalf("-e: code %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	r = gojatls(t, t.TempDir(), "", "-p", "[1, 2].length + 40")
	if r.code != 0 || r.stdout != "42\n" {
		t.Fatalf("-p: code %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	r = gojatls(t, t.TempDir(), "", "-e", "throw new Error('in eval')")
	if r.code != 1 || !strings.Contains(r.stderr, "Error: in eval") {
		t.Fatalf("-e throw: code %d, stderr %q", r.code, r.stderr)
	}
}

func TestVersionAndHelp(t *testing.T) {
	// --version names the build, the Node API and Go; scripts keep
	// process.version 'v0.7.4' and find the build in process.versions.
	r := gojatls(t, t.TempDir(), "", "--version")
	m := regexp.MustCompile(`^gojatls (\S+) \(Node API v0\.7\.4, go[0-9][^)]*\)\n$`).FindStringSubmatch(r.stdout)
	if r.code != 0 || m == nil {
		t.Fatalf("--version: %+v", r)
	}
	if r2 := gojatls(t, t.TempDir(), "", "-v"); r2 != r {
		t.Fatalf("-v %+v differs from --version %+v", r2, r)
	}
	r = gojatls(t, t.TempDir(), "", "-p", "process.version + ' ' + process.versions.gojatls")
	if want := "v0.7.4 " + strings.TrimPrefix(m[1], "v") + "\n"; r.code != 0 || r.stdout != want {
		t.Fatalf("process.version(s): %+v, want %q", r, want)
	}
	if r := gojatls(t, t.TempDir(), "", "--help"); r.code != 0 || !strings.Contains(r.stdout, "Usage: gojatls") {
		t.Fatalf("--help: %+v", r)
	}
	if r := gojatls(t, t.TempDir(), "", "--bogus"); r.code != 9 || !strings.Contains(r.stderr, "bad option: --bogus") ||
		!strings.Contains(r.stderr, "Usage: gojatls") {
		t.Fatalf("--bogus: %+v", r)
	}
}

// TestEvalArgv checks process.argv under -e and -p: node gives
// [execPath, arguments...], with no script entry.
func TestEvalArgv(t *testing.T) {
	for _, flag := range []string{"-e", "-p"} {
		src := "JSON.stringify(process.argv.slice(1)) + ' ' + process.argv.length + ' ' + (process.argv[0] === process.execPath)"
		if flag == "-e" {
			src = "console.log(" + src + ")"
		}
		r := gojatls(t, t.TempDir(), "", flag, src, "a", "b c")
		if want := `["a","b c"] 3 true` + "\n"; r.code != 0 || r.stdout != want {
			t.Fatalf("%s: %+v, want stdout %q", flag, r, want)
		}
	}
}

// TestStdinProgram checks that without a script, and with the script "-",
// a stdin that is not a terminal is the program, run as node runs it:
// named [stdin], argv without a script entry ("-" stays).
func TestStdinProgram(t *testing.T) {
	src := "console.log(__filename, JSON.stringify(process.argv.slice(1)), require('path').join('x', 'y'));\n" +
		"setTimeout(function () { console.log('later'); }, 1);\n"
	r := gojatls(t, t.TempDir(), src)
	if want := "[stdin] [] x/y\nlater\n"; r.code != 0 || r.stdout != want {
		t.Fatalf("no script: %+v, want stdout %q", r, want)
	}
	r = gojatls(t, t.TempDir(), src, "-", "a", "b")
	if want := `[stdin] ["-","a","b"] x/y` + "\nlater\n"; r.code != 0 || r.stdout != want {
		t.Fatalf("-: %+v, want stdout %q", r, want)
	}
	r = gojatls(t, t.TempDir(), "var o = null;\no.f();\n")
	if r.code != 1 || !strings.Contains(r.stderr, "[stdin]:2") || !strings.Contains(r.stderr, "TypeError") {
		t.Fatalf("throwing stdin program: %+v", r)
	}
}

func TestStdinEcho(t *testing.T) {
	p := script(t, "cat.js", "process.stdin.setEncoding('utf8');\nvar all = '';\n"+
		"process.stdin.on('data', function (d) { all += d; });\n"+
		"process.stdin.on('end', function () { process.stdout.write('[' + all + ']'); });\n"+
		"process.stdin.resume();\n")
	input := strings.Repeat("héllo wörld\n", 20000)
	r := gojatls(t, filepath.Dir(p), input, p)
	if r.code != 0 || r.stdout != "["+input+"]" {
		t.Fatalf("code %d, %d bytes out, stderr %q", r.code, len(r.stdout), r.stderr)
	}
}

func TestStdinPipe(t *testing.T) {
	p := script(t, "pipe.js", "process.stdin.pipe(process.stdout);\n")
	r := gojatls(t, filepath.Dir(p), "piped through\n", p)
	if r.code != 0 || r.stdout != "piped through\n" {
		t.Fatalf("code %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
}

// TestNothingPendingExits checks that a script with nothing pending ends at
// once, and that an unread stdin does not keep it alive.
func TestNothingPendingExits(t *testing.T) {
	p := script(t, "done.js", "process.stdin; console.log('done');\n")
	cmd := exec.Command(binary, p)
	cmd.Stdin = blockingReader(t)
	out, err := cmd.Output()
	if err != nil || string(out) != "done\n" {
		t.Fatalf("err %v, out %q", err, out)
	}
}

// blockingReader is a pipe that never delivers data or EOF while the test runs.
func blockingReader(t *testing.T) *os.File {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close(); r.Close() })
	return r
}

func TestSIGINT(t *testing.T) {
	// Without a listener SIGINT ends the program as it ends node: by the
	// signal, which shells report as 130.
	p := script(t, "spin.js", "console.log('ready');\nsetInterval(function () {}, 1000);\n")
	if code, sig := runUntilSignal(t, p); !(sig == syscall.SIGINT || code == 130) {
		t.Fatalf("without listener: exit code %d, signal %v", code, sig)
	}
	// With a listener the script decides.
	p = script(t, "handled.js", "process.on('SIGINT', function () { console.log('got SIGINT'); process.exit(3); });\n"+
		"console.log('ready');\nsetInterval(function () {}, 1000);\n")
	if code, _ := runUntilSignal(t, p); code != 3 {
		t.Fatalf("with listener: exit code %d, want 3", code)
	}
}

// runUntilSignal starts a script, waits for it to print "ready", sends
// SIGINT, and returns how it ended.
func runUntilSignal(t *testing.T, path string) (int, syscall.Signal) {
	t.Helper()
	cmd := exec.Command(binary, path)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 6)
	if _, err := stdout.Read(buf); err != nil || string(buf) != "ready\n" {
		t.Fatalf("read %q, %v", buf, err)
	}
	cmd.Process.Signal(syscall.SIGINT)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		t.Fatal("script did not end after SIGINT")
	}
	ws := cmd.ProcessState.Sys().(syscall.WaitStatus)
	if ws.Signaled() {
		return -1, ws.Signal()
	}
	return ws.ExitStatus(), 0
}

// TestVMErrorPlace checks that an uncaught error thrown by vm code names
// the vm file and line, with its source line, in this context and in a
// context of its own; and that a syntax error in vm code is placed too.
func TestVMErrorPlace(t *testing.T) {
	for _, run := range []string{"runInThisContext(code, ", "runInNewContext(code, {}, "} {
		p := script(t, "vmthrow.js", "var vm = require('vm');\n"+
			"var code = 'var a = 1;\\nfunction g() {\\n  throw new Error(\"from vm\");\\n}\\ng();'; vm."+run+"'thrower.vm');\n")
		r := gojatls(t, filepath.Dir(p), "", p)
		for _, want := range []string{
			"thrower.vm:3\n  throw new Error(\"from vm\");\n", "Error: from vm\n", "    at g (thrower.vm:3:", "(thrower.vm:5:", p + ":2:",
		} {
			if r.code != 1 || !strings.Contains(r.stderr, want) {
				t.Fatalf("%s: code %d, stderr:\n%s\nlacks %q", run, r.code, r.stderr, want)
			}
		}
	}
	p := script(t, "vmsyntax.js", "require('vm').runInNewContext('var ok = 1;\\nvar = 2;', {}, 'broken.vm');\n")
	r := gojatls(t, filepath.Dir(p), "", p)
	if want := "broken.vm:2\nvar = 2;\n    ^\nSyntaxError: "; r.code != 1 || !strings.Contains(r.stderr, want) {
		t.Fatalf("code %d, stderr:\n%s\nlacks %q", r.code, r.stderr, want)
	}
}

// TestVMBreakOnSigint checks today's breakOnSigint option, which the REPL
// uses: SIGINT interrupts the running code, which throws a catchable
// error, and the program goes on.
func TestVMBreakOnSigint(t *testing.T) {
	// The listener keeps a SIGINT that comes before the run from ending
	// the program, so that the test can send it until the run ends.
	p := script(t, "spin.js", "var vm = require('vm');\nprocess.on('SIGINT', function () {});\nconsole.log('ready');\n"+
		"try { vm.runInThisContext('while (true) {}', { filename: 'spin.vm', breakOnSigint: true }); }\n"+
		"catch (e) { console.log(e.code + ': ' + e.message); }\nconsole.log('after');\n"+
		"process.stdin.on('end', function () { process.exit(0); });\nprocess.stdin.resume();\n")
	cmd := exec.Command(binary, p)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	buf := make([]byte, 6)
	if _, err := io.ReadFull(stdout, buf); err != nil || string(buf) != "ready\n" {
		t.Fatalf("read %q, %v", buf, err)
	}
	// The signal may come before the run starts: send it until the
	// program answers, and only then let it end (closing its stdin): a
	// signal while it exits would end it, its listeners being gone.
	rest := make(chan string, 1)
	go func() {
		var b []byte
		chunk := make([]byte, 256)
		for !strings.HasSuffix(string(b), "after\n") {
			n, err := stdout.Read(chunk)
			b = append(b, chunk[:n]...)
			if err != nil {
				break
			}
		}
		rest <- string(b)
	}()
	var out string
	for done := false; !done; {
		cmd.Process.Signal(syscall.SIGINT)
		select {
		case out = <-rest:
			done = true
		case <-time.After(100 * time.Millisecond):
		}
	}
	stdin.Close()
	if err := cmd.Wait(); err != nil {
		t.Fatalf("%v, output %q", err, out)
	}
	if want := "ERR_SCRIPT_EXECUTION_INTERRUPTED: Script execution was interrupted by `SIGINT`\nafter\n"; out != want {
		t.Fatalf("output %q, want %q", out, want)
	}
}
