// Command gojatls runs a script written for Node 0.7's API, as node does:
//
//	gojatls [flags] script.js [arguments...]
//	gojatls -e 'code'
//	gojatls -p 'expression'
//	gojatls            the REPL on a terminal; else the program on stdin
//	gojatls -          the program on stdin
//	gojatls -i         the REPL, even when stdin is not a terminal
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	goruntime "runtime"
	"strings"

	"golang.org/x/term"

	"github.com/gojatls/gojatls/runtime"
)

const usage = `Usage: gojatls [options] [ -e script | script.js | - ] [arguments]

Runs a script written for Node v0.7.4's API on the goja engine, with
require('tls') over Go's crypto/tls. Without a script it starts the REPL
when stdin is a terminal, and otherwise runs the program read from stdin
(as does the script name -).

Options:
  -v, --version        print gojatls's version, the Node API it implements
                       and the Go release it was built with
  -e, --eval script    evaluate script
  -p, --print script   evaluate script and print the result
  -i, --interactive    start the REPL even when stdin is not a terminal
  --no-warnings        silence runtime warnings
  --legacy-crypto      allow RSA keys under 1024 bits, SHA-1/MD5 signatures,
                       TLS 1.0/1.1, RC4 and 3DES (what 2012 OpenSSL allowed)
  --tls-keylog=FILE    append TLS key material to FILE (NSS key-log format)
  -h, --help           print this help

Environment:
  NODE_PATH            ':'-separated list of directories prefixed to the
                       module search path
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the CLI without os.Exit, so tests can drive it.
func run(args []string, stdout, stderr io.Writer) int {
	opts := runtime.Options{Stdout: stdout, Stderr: stderr}
	var script, eval string
	evalMode, printMode, interactive := false, false, false
	i := 0
	for ; i < len(args); i++ {
		a := args[i]
		if !strings.HasPrefix(a, "-") || a == "-" {
			break
		}
		switch a {
		case "-v", "--version":
			fmt.Fprintln(stdout, versionLine())
			return 0
		case "-i", "--interactive":
			interactive = true
		case "-h", "--help":
			fmt.Fprint(stdout, usage)
			return 0
		case "--no-warnings":
			opts.NoWarnings = true
			opts.ExecArgv = append(opts.ExecArgv, a)
		case "--legacy-crypto":
			opts.LegacyCrypto = true
			opts.ExecArgv = append(opts.ExecArgv, a)
		case "-e", "--eval", "-p", "--print":
			if i+1 >= len(args) {
				fmt.Fprintf(stderr, "gojatls: %s requires an argument\n", a)
				return 9
			}
			evalMode = true
			printMode = a == "-p" || a == "--print"
			eval = args[i+1]
			i++
		case "--":
			i++
			goto done
		default:
			if file, ok := strings.CutPrefix(a, "--tls-keylog="); ok {
				opts.TLSKeyLogFile = file
				opts.ExecArgv = append(opts.ExecArgv, a)
				continue
			}
			fmt.Fprintf(stderr, "gojatls: bad option: %s\n\n%s", a, usage)
			return 9
		}
	}
done:
	if !evalMode {
		if i < len(args) {
			script = args[i]
			i++
		}
	}
	opts.Args = args[i:]
	ctx := context.Background()
	var code int
	var err error
	switch {
	case evalMode:
		code, err = runtime.New(opts).Eval(ctx, eval, printMode)
	case script == "" && (interactive || term.IsTerminal(int(os.Stdin.Fd()))):
		code, err = runtime.New(opts).RunREPL(ctx)
	case script == "" || script == "-":
		// As node: the program is all of stdin, run once it has ended;
		// "-" stays in process.argv.
		if script == "-" {
			opts.Args = append([]string{"-"}, opts.Args...)
		}
		var src []byte
		if src, err = io.ReadAll(os.Stdin); err == nil {
			code, err = runtime.New(opts).RunStdin(ctx, string(src))
		}
	default:
		code, err = runtime.New(opts).RunFile(ctx, script)
	}
	if err != nil {
		fmt.Fprintf(stderr, "gojatls: %v\n", err)
		if code == 0 {
			code = 1
		}
	}
	return code
}

// versionLine is what --version prints: gojatls's own build (see
// runtime.BuildVersion), the Node API it implements and the Go release it
// was built with, e.g. "gojatls v1.2.0 (Node API v0.7.4, go1.26.8)".
func versionLine() string {
	return fmt.Sprintf("gojatls %s (Node API %s, %s)", runtime.BuildVersion(), runtime.Version, goruntime.Version())
}
