// Command gojatls runs a script written for Node 0.7's API, as node does:
//
//	gojatls [flags] script.js [arguments...]
//	gojatls -e 'code'
//	gojatls -p 'expression'
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/gojatls/gojatls/runtime"
)

const usage = `Usage: gojatls [options] [ -e script | script.js ] [arguments]

Runs a script written for Node v0.7.4's API on the goja engine, with
require('tls') over Go's crypto/tls.

Options:
  -v, --version        print gojatls's Node API version
  -e, --eval script    evaluate script
  -p, --print script   evaluate script and print the result
  --no-warnings        silence runtime warnings
  --legacy-crypto      allow RSA keys under 1024 bits, SHA-1/MD5 signatures,
                       TLS 1.0/1.1, RC4 and 3DES (what 2012 OpenSSL allowed)
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
	evalMode, printMode := false, false
	i := 0
	for ; i < len(args); i++ {
		a := args[i]
		if !strings.HasPrefix(a, "-") || a == "-" {
			break
		}
		switch a {
		case "-v", "--version":
			fmt.Fprintln(stdout, runtime.Version)
			return 0
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
			fmt.Fprintf(stderr, "gojatls: bad option: %s\n", a)
			return 9
		}
	}
done:
	if !evalMode {
		if i >= len(args) {
			fmt.Fprint(stderr, usage)
			return 9
		}
		script = args[i]
		i++
	}
	opts.Args = args[i:]
	rt := runtime.New(opts)
	var code int
	var err error
	if evalMode {
		code, err = rt.Eval(context.Background(), eval, printMode)
	} else {
		code, err = rt.RunFile(context.Background(), script)
	}
	if err != nil {
		fmt.Fprintf(stderr, "gojatls: %v\n", err)
		if code == 0 {
			code = 1
		}
	}
	return code
}
