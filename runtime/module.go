package runtime

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"

	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/jsbridge"
)

// moduleWrapper is the function a file's source runs in, as in Node 0.7. It
// sits on the source's first line, so that line numbers stay those of the
// file (and first-line columns are shifted by its length, as in Node).
const moduleWrapper = "(function (exports, require, module, __filename, __dirname) { "

// moduleSystem is CommonJS as Node 0.7 has it: built-in modules by name,
// files and directories by path, node_modules lookup, one cache keyed by
// file name, so cycles see a partly filled exports.
type moduleSystem struct {
	r        *Runtime
	builtins map[string]*jsbridge.Module
	loaded   map[string]*goja.Object // built-in name -> exports
	cache    *goja.Object            // require.cache: file name -> module
	sources  map[string]string       // file name -> source, for error lines
	bare     map[string]bool         // sources run without the module wrapper
	proto    *goja.Object            // Module.prototype
	main     goja.Value
}

func newModuleSystem(r *Runtime, builtins map[string]*jsbridge.Module) *moduleSystem {
	m := &moduleSystem{
		r:        r,
		builtins: builtins,
		loaded:   map[string]*goja.Object{},
		cache:    r.vm.NewObject(),
		sources:  map[string]string{},
		bare:     map[string]bool{},
		main:     goja.Undefined(),
	}
	m.proto = r.vm.NewObject()
	m.proto.Set("require", r.env.NamedFunc("require", func(call goja.FunctionCall) goja.Value {
		mod := call.This.ToObject(r.vm)
		return m.require(mod, call.Argument(0))
	}))
	return m
}

// isBuiltin reports whether name is a built-in module's name.
func (m *moduleSystem) isBuiltin(name string) bool {
	_, ok := m.builtins[name]
	return ok
}

// requireBuiltin loads a built-in module once per runtime.
func (m *moduleSystem) requireBuiltin(name string) goja.Value {
	if exp, ok := m.loaded[name]; ok {
		return exp
	}
	def, ok := m.builtins[name]
	if !ok {
		panic(m.notFound(name))
	}
	vm := m.r.vm
	binding := vm.NewObject()
	if def.Native != nil {
		def.Native(m.r.env, binding)
	}
	if def.JS == "" {
		m.loaded[name] = binding
		return binding
	}
	module := m.newModule(name, goja.Null())
	exports := module.Get("exports").ToObject(vm)
	m.loaded[name] = exports // a cycle between built-ins sees partial exports
	prog, err := def.Program()
	if err != nil {
		panic(vm.NewGoError(err))
	}
	fn, err := vm.RunProgram(prog)
	if err != nil {
		panic(err)
	}
	call, _ := goja.AssertFunction(fn)
	req := m.makeRequire(module)
	if _, err := call(exports, exports, req, module, vm.ToValue(name+".js"), vm.ToValue("."), binding); err != nil {
		delete(m.loaded, name)
		panic(err)
	}
	exp := module.Get("exports").ToObject(vm)
	m.loaded[name] = exp
	return exp
}

func (m *moduleSystem) newModule(id string, parent goja.Value) *goja.Object {
	vm := m.r.vm
	module := vm.NewObject()
	module.SetPrototype(m.proto)
	module.Set("id", id)
	module.Set("exports", vm.NewObject())
	module.Set("parent", parent)
	module.Set("filename", goja.Null())
	module.Set("loaded", false)
	module.Set("children", vm.NewArray())
	if p, ok := parent.(*goja.Object); ok {
		if ch, ok := p.Get("children").(*goja.Object); ok {
			push, _ := goja.AssertFunction(ch.Get("push"))
			push(ch, module)
		}
	}
	return module
}

// makeRequire returns the require function given to one module.
func (m *moduleSystem) makeRequire(module *goja.Object) *goja.Object {
	vm := m.r.vm
	req := m.r.env.NamedFunc("require", func(call goja.FunctionCall) goja.Value {
		return m.require(module, call.Argument(0))
	}).ToObject(vm)
	req.Set("resolve", m.r.env.NamedFunc("resolve", func(call goja.FunctionCall) goja.Value {
		id := m.checkID(call.Argument(0))
		if m.isBuiltin(id) {
			return vm.ToValue(id)
		}
		return vm.ToValue(m.resolve(id, moduleDir(module)))
	}))
	req.Set("main", m.main)
	req.Set("cache", m.cache)
	req.Set("extensions", vm.NewObject())
	return req
}

func (m *moduleSystem) checkID(v goja.Value) string {
	s, ok := v.Export().(string)
	if !ok {
		panic(m.r.vm.NewTypeError("path must be a string"))
	}
	if s == "" {
		panic(m.r.vm.NewTypeError("The argument 'id' must be a non-empty string. Received ''"))
	}
	return s
}

func moduleDir(module *goja.Object) string {
	if f, ok := module.Get("filename").Export().(string); ok {
		return filepath.Dir(f)
	}
	return ""
}

// require is require(id) called from module.
func (m *moduleSystem) require(module *goja.Object, idv goja.Value) goja.Value {
	id := m.checkID(idv)
	dir := moduleDir(module)
	if m.isBuiltin(id) {
		// 0.7.4's Module._load looks in require.cache first, under the
		// resolved name, which for a built-in module is its name: a
		// script may put a module there in its place. Built-in modules
		// themselves (they have no file) load their peers directly, as
		// 0.7's NativeModule.require did.
		if dir != "" {
			if cached := m.cache.Get(id); cached != nil && cached.ToBoolean() {
				return cached.ToObject(m.r.vm).Get("exports")
			}
		}
		return m.requireBuiltin(id)
	}
	if dir == "" {
		dir = m.r.cwd
	}
	filename := m.resolve(id, dir)
	return m.load(filename, module)
}

// load returns the exports of the module in filename, running it the first
// time. The module is cached before it runs, so a cycle gets the exports as
// they are at that point; a module that throws is removed again.
func (m *moduleSystem) load(filename string, parent goja.Value) goja.Value {
	if cached, ok := m.cache.Get(filename).(*goja.Object); ok {
		return cached.Get("exports")
	}
	module := m.newModule(filename, parent)
	module.Set("filename", filename)
	module.Set("paths", m.r.vm.ToValue(nodeModulePaths(filepath.Dir(filename))))
	m.cache.Set(filename, module)
	ok := false
	defer func() {
		if !ok {
			m.cache.Delete(filename)
		}
	}()
	m.run(module, filename)
	ok = true
	module.Set("loaded", true)
	return module.Get("exports")
}

// run executes a file's source (or JSON) as module.
func (m *moduleSystem) run(module *goja.Object, filename string) {
	vm := m.r.vm
	data, err := os.ReadFile(filename)
	if err != nil {
		panic(m.r.env.FSError(err, "open", filename))
	}
	src := string(data)
	if strings.HasSuffix(filename, ".json") {
		parse, _ := goja.AssertFunction(vm.Get("JSON").ToObject(vm).Get("parse"))
		v, err := parse(goja.Undefined(), vm.ToValue(stripBOM(src)))
		if err != nil {
			var ex *goja.Exception
			if errors.As(err, &ex) {
				if obj, ok := ex.Value().(*goja.Object); ok {
					obj.Set("message", filename+": "+obj.Get("message").String())
				}
			}
			panic(err)
		}
		module.Set("exports", v)
		return
	}
	src = stripBOM(src)
	m.addSource(filename, src, true)
	m.execModule(module, filename, src)
}

// execModule runs a file's source in the module wrapper, with this module's
// exports, require, module, __filename and __dirname.
func (m *moduleSystem) execModule(module *goja.Object, filename, src string) {
	vm := m.r.vm
	prog := m.r.mustCompile(filename, moduleWrapper+stripShebang(src)+"\n})")
	fn, err := vm.RunProgram(prog)
	if err != nil {
		panic(err)
	}
	call, _ := goja.AssertFunction(fn)
	exports := module.Get("exports")
	req := m.makeRequire(module)
	if _, err := call(exports, exports, req, module, vm.ToValue(filename), vm.ToValue(filepath.Dir(filename))); err != nil {
		panic(err)
	}
}

func stripBOM(s string) string { return strings.TrimPrefix(s, "\uFEFF") }

// stripShebang blanks a leading #! line, keeping line numbers.
func stripShebang(s string) string {
	if strings.HasPrefix(s, "#!") {
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			return s[i:]
		}
		return ""
	}
	return s
}

// resolve finds the file that require(id) from dir means, as Node 0.7's
// Module._resolveFilename does, or throws "Cannot find module".
func (m *moduleSystem) resolve(id, dir string) string {
	var dirs []string
	if strings.HasPrefix(id, "./") || strings.HasPrefix(id, "../") || id == "." || id == ".." || filepath.IsAbs(id) {
		if f, ok := tryPath(filepath.Join(dir, id)); ok {
			return f
		}
		if filepath.IsAbs(id) {
			if f, ok := tryPath(id); ok {
				return f
			}
		}
		panic(m.notFound(id))
	}
	dirs = nodeModulePaths(dir)
	dirs = append(dirs, m.globalPaths()...)
	for _, d := range dirs {
		if f, ok := tryPath(filepath.Join(d, id)); ok {
			return f
		}
	}
	panic(m.notFound(id))
}

// globalPaths are NODE_PATH's entries, then $HOME/.node_modules and
// $HOME/.node_libraries, as Node 0.7 searched.
func (m *moduleSystem) globalPaths() []string {
	var out []string
	for _, kv := range m.r.environ {
		if v, ok := strings.CutPrefix(kv, "NODE_PATH="); ok {
			for _, p := range filepath.SplitList(v) {
				if p != "" {
					out = append(out, p)
				}
			}
		}
	}
	for _, kv := range m.r.environ {
		if home, ok := strings.CutPrefix(kv, "HOME="); ok && home != "" {
			out = append(out, filepath.Join(home, ".node_modules"), filepath.Join(home, ".node_libraries"))
		}
	}
	return out
}

// nodeModulePaths lists dir/node_modules and each parent's, nearest first.
func nodeModulePaths(dir string) []string {
	var out []string
	for {
		if filepath.Base(dir) != "node_modules" {
			out = append(out, filepath.Join(dir, "node_modules"))
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return out
		}
		dir = parent
	}
}

// tryPath tries p as a file, then with .js and .json, then as a directory.
func tryPath(p string) (string, bool) {
	if f, ok := tryFile(p); ok {
		return f, true
	}
	for _, ext := range []string{".js", ".json"} {
		if f, ok := tryFile(p + ext); ok {
			return f, true
		}
	}
	return tryDir(p)
}

func tryFile(p string) (string, bool) {
	st, err := os.Stat(p)
	if err != nil || st.IsDir() {
		return "", false
	}
	if real, err := filepath.EvalSymlinks(p); err == nil {
		if abs, err := filepath.Abs(real); err == nil {
			return abs, true
		}
	}
	return p, true
}

func tryDir(p string) (string, bool) {
	if data, err := os.ReadFile(filepath.Join(p, "package.json")); err == nil {
		var pkg struct {
			Main string `json:"main"`
		}
		if json.Unmarshal(data, &pkg) == nil && pkg.Main != "" {
			main := filepath.Join(p, pkg.Main)
			if f, ok := tryFile(main); ok {
				return f, true
			}
			for _, ext := range []string{".js", ".json"} {
				if f, ok := tryFile(main + ext); ok {
					return f, true
				}
			}
			for _, idx := range []string{"index.js", "index.json"} {
				if f, ok := tryFile(filepath.Join(main, idx)); ok {
					return f, true
				}
			}
		}
	}
	for _, idx := range []string{"index.js", "index.json"} {
		if f, ok := tryFile(filepath.Join(p, idx)); ok {
			return f, true
		}
	}
	return "", false
}

func (m *moduleSystem) notFound(id string) *goja.Object {
	obj := m.r.env.NewError("Cannot find module '" + id + "'")
	obj.Set("code", "MODULE_NOT_FOUND")
	return obj
}

// runMain runs the program's main script, as `node path` does.
func (m *moduleSystem) runMain(path string) error {
	abs := path
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(m.r.cwd, path)
	}
	return m.r.protectJS(func() {
		filename, ok := tryPath(abs)
		if !ok {
			panic(m.notFound(abs))
		}
		m.startMain(filename, func(module *goja.Object) { m.run(module, filename) })
	})
}

// runMainSource runs source as the main module named filename.
func (m *moduleSystem) runMainSource(filename, source string) error {
	return m.r.protectJS(func() {
		m.startMain(filename, func(module *goja.Object) {
			m.addSource(filename, source, true)
			m.execModule(module, filename, source)
		})
	})
}

// startMain makes the main module (require.main, process.mainModule) for
// filename, caches it, and runs it with run.
func (m *moduleSystem) startMain(filename string, run func(module *goja.Object)) {
	module := m.newModule(".", goja.Null())
	module.Set("filename", filename)
	module.Set("paths", m.r.vm.ToValue(nodeModulePaths(filepath.Dir(filename))))
	m.main = module
	m.r.process.Set("mainModule", module)
	m.r.proc.setArgv1(filename)
	m.cache.Set(filename, module)
	run(module)
	module.Set("loaded", true)
}

// runEval runs source as node -e does, or as node runs a program read from
// its standard input when name is "[stdin]": in the global scope, with
// require, module, exports, __filename and __dirname as globals, and
// process.argv without a script entry.
func (m *moduleSystem) runEval(name, source string, print bool) error {
	vm := m.r.vm
	m.r.proc.dropScriptArg()
	return m.r.protectJS(func() {
		filename := filepath.Join(m.r.cwd, name)
		module := m.newModule(name, goja.Null())
		module.Set("filename", filename)
		module.Set("paths", vm.ToValue(nodeModulePaths(m.r.cwd)))
		m.main = module
		global := vm.GlobalObject()
		for key, v := range map[string]goja.Value{
			"require":    m.makeRequire(module),
			"module":     module,
			"exports":    module.Get("exports"),
			"__filename": vm.ToValue(name),
			"__dirname":  vm.ToValue("."),
		} {
			global.DefineDataProperty(key, v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
		}
		m.addSource(name, source, false)
		prog := m.r.mustCompile(name, source)
		v, err := vm.RunProgram(prog)
		if err != nil {
			panic(err)
		}
		if print {
			log, _ := goja.AssertFunction(vm.Get("console").ToObject(vm).Get("log"))
			if _, err := log(goja.Undefined(), v); err != nil {
				panic(err)
			}
		}
	})
}

// addSource remembers a script's source for the source line of error
// reports; wrapped says whether it runs inside the module wrapper (whose
// text shifts the columns of its first line).
func (m *moduleSystem) addSource(filename, source string, wrapped bool) {
	m.sources[filename] = source
	if wrapped {
		delete(m.bare, filename)
	} else {
		m.bare[filename] = true
	}
}

// sourceLine returns line n (1-based) of a loaded file, for error reports.
func (m *moduleSystem) sourceLine(filename string, n int) string {
	src, ok := m.sources[filename]
	if !ok {
		if def, isBuiltin := m.builtins[strings.TrimSuffix(filename, ".js")]; isBuiltin {
			src = def.JS
		}
	}
	lines := strings.Split(src, "\n")
	if n < 1 || n > len(lines) {
		return ""
	}
	return strings.TrimRight(lines[n-1], "\r")
}

// wrapperOffset is how many columns the module wrapper adds to line 1.
func (m *moduleSystem) wrapperOffset(filename string) int {
	if m.bare[filename] {
		return 0
	}
	if _, ok := m.sources[filename]; ok {
		return len(moduleWrapper)
	}
	if _, ok := m.builtins[strings.TrimSuffix(filename, ".js")]; ok {
		return len("(function (" + jsbridge.ModuleWrapperParams + ") {")
	}
	return 0
}
