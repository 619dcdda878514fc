package runtime

import (
	"crypto/sha256"
	"errors"
	"sync"

	"github.com/dop251/goja"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/parser"
)

// compiled holds every script compiled in this process, keyed by name and
// content, so that no source is compiled twice.
var compiled sync.Map

// sourceError is a syntax error with its place in the source.
type sourceError struct {
	pos file.Position
	msg string
}

func (e *sourceError) Error() string { return "SyntaxError: " + e.msg }

// compile parses and compiles a script once per process. A syntax error
// comes back as a *sourceError that knows its line and column.
func compile(name, source string) (*goja.Program, error) {
	sum := sha256.Sum256([]byte(source))
	key := name + "\x00" + string(sum[:])
	if p, ok := compiled.Load(key); ok {
		return p.(*goja.Program), nil
	}
	ast, err := parser.ParseFile(nil, name, source, 0)
	if err != nil {
		var list parser.ErrorList
		if errors.As(err, &list) && len(list) > 0 {
			return nil, &sourceError{pos: list[0].Position, msg: list[0].Message}
		}
		return nil, err
	}
	prog, err := goja.CompileAST(ast, false)
	if err != nil {
		var syn *goja.CompilerSyntaxError
		if errors.As(err, &syn) && syn.File != nil {
			return nil, &sourceError{pos: syn.File.Position(syn.Offset), msg: syn.Message}
		}
		return nil, err
	}
	compiled.Store(key, prog)
	return prog, nil
}

// mustCompile compiles for code running inside a JS call: a syntax error
// is thrown as a JS SyntaxError that remembers its place.
func (r *Runtime) mustCompile(name, source string) *goja.Program {
	prog, err := compile(name, source)
	if err == nil {
		return prog
	}
	var se *sourceError
	if errors.As(err, &se) {
		obj, e := r.vm.New(r.vm.Get("SyntaxError"), r.vm.ToValue(se.msg))
		if e != nil {
			panic(e)
		}
		r.errorPositions[obj] = se.pos
		panic(obj)
	}
	panic(r.vm.NewGoError(err))
}
