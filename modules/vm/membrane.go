package vm

import (
	"errors"

	"github.com/dop251/goja"
)

// membrane lets values cross between the script's runtime (main) and a
// context's runtime (ctx). goja values belong to the runtime that made
// them, so an object never crosses itself: the other side gets a proxy that
// forwards every property read, write, delete, key listing and call to the
// original, converting what passes in each direction. Primitives are
// copied. A proxy that goes back to its original's side is unwrapped, so
// identity holds (sandbox.console === console after a run), and each
// object has one proxy per side. Both runtimes run on the loop goroutine:
// a call through a proxy re-enters the other runtime on the same stack,
// as a Go binding calling back into JS does.
type membrane struct {
	main, ctx *goja.Runtime
	toCtx     side // main's objects as seen in ctx
	toMain    side // ctx's objects as seen in main
}

// side maps originals to their proxies on the other side, and back.
type side struct {
	proxy  map[*goja.Object]*goja.Object // original -> proxy
	origin map[*goja.Object]*goja.Object // proxy -> original
}

func newSide() side {
	return side{proxy: map[*goja.Object]*goja.Object{}, origin: map[*goja.Object]*goja.Object{}}
}

func newMembrane(main, ctx *goja.Runtime) *membrane {
	return &membrane{main: main, ctx: ctx, toCtx: newSide(), toMain: newSide()}
}

// intoCtx converts a value of main for use in ctx.
func (m *membrane) intoCtx(v goja.Value) goja.Value {
	return m.cross(v, m.main, m.ctx, &m.toCtx, &m.toMain, m.intoMain)
}

// intoMain converts a value of ctx for use in main.
func (m *membrane) intoMain(v goja.Value) goja.Value {
	return m.cross(v, m.ctx, m.main, &m.toMain, &m.toCtx, m.intoCtx)
}

// cross converts v from runtime from to runtime to: there is the mapping
// for from's objects, back the mapping for to's objects (whose proxies live
// in from), and reverse converts the other way, for arguments and results
// of calls and for property writes.
func (m *membrane) cross(v goja.Value, from, to *goja.Runtime, there, back *side, reverse func(goja.Value) goja.Value) goja.Value {
	obj, ok := v.(*goja.Object)
	if !ok {
		return v // undefined, null, booleans, numbers, strings, symbols
	}
	if orig, ok := back.origin[obj]; ok {
		return orig
	}
	if p, ok := there.proxy[obj]; ok {
		return p
	}
	var p *goja.Object
	forward := func(x goja.Value) goja.Value { return m.cross(x, from, to, there, back, reverse) }
	switch {
	case isFunction(obj):
		p = m.functionProxy(obj, from, to, forward, reverse)
	case obj.ClassName() == "Array":
		p = to.NewDynamicArray(&arrayProxy{obj: obj, forward: forward, reverse: reverse})
	default:
		p = to.NewDynamicObject(&objectProxy{obj: obj, forward: forward, reverse: reverse})
	}
	there.proxy[obj] = p
	there.origin[p] = obj
	return p
}

func isFunction(obj *goja.Object) bool {
	_, ok := goja.AssertFunction(obj)
	return ok
}

// functionProxy is a function of to that calls fn, a function of from,
// with converted this and arguments, and that reads and writes fn's
// properties (a constructor's statics, a prototype). new works through it.
func (m *membrane) functionProxy(fn *goja.Object, from, to *goja.Runtime, forward, reverse func(goja.Value) goja.Value) *goja.Object {
	call, _ := goja.AssertFunction(fn)
	args := func(list []goja.Value) []goja.Value {
		out := make([]goja.Value, len(list))
		for i, a := range list {
			out[i] = reverse(a)
		}
		return out
	}
	// The target only gives the proxy its kind: callable and constructible.
	target, err := to.RunProgram(functionTarget)
	if err != nil {
		panic(err)
	}
	traps := &goja.ProxyTrapConfig{
		Apply: func(_ *goja.Object, this goja.Value, list []goja.Value) goja.Value {
			res, err := call(reverse(this), args(list)...)
			if err != nil {
				rethrow(err, forward)
			}
			return forward(res)
		},
		Construct: func(_ *goja.Object, list []goja.Value, _ *goja.Object) *goja.Object {
			res, err := from.New(fn, args(list)...)
			if err != nil {
				rethrow(err, forward)
			}
			return forward(res).ToObject(to)
		},
		Get: func(_ *goja.Object, key string, _ goja.Value) goja.Value {
			return forward(fn.Get(key))
		},
		Set: func(_ *goja.Object, key string, v goja.Value, _ goja.Value) bool {
			return fn.Set(key, reverse(v)) == nil
		},
		Has: func(_ *goja.Object, key string) bool {
			return has(fn, key)
		},
	}
	return to.ToValue(to.NewProxy(target.ToObject(to), traps)).ToObject(to)
}

var functionTarget = goja.MustCompile("vm-function-proxy", "(function () {})", true)

// rethrow throws, in the runtime whose code called through a proxy, what
// the other runtime threw: a JS exception converted with forward; an
// uncatchable one (an interrupt, process.exit()) as it is.
func rethrow(err error, forward func(goja.Value) goja.Value) {
	var ex *goja.Exception
	if errors.As(err, &ex) {
		panic(forward(ex.Value()))
	}
	panic(err)
}

// has reports whether obj or its prototype chain has key, as `in` does.
func has(obj *goja.Object, key string) bool {
	for o := obj; o != nil; o = o.Prototype() {
		for _, k := range o.GetOwnPropertyNames() {
			if k == key {
				return true
			}
		}
	}
	return false
}

// objectProxy forwards a plain object's properties; inherited properties
// read as the original's (methods of its prototype work through it).
type objectProxy struct {
	obj              *goja.Object
	forward, reverse func(goja.Value) goja.Value
}

func (p *objectProxy) Get(key string) goja.Value {
	v := p.obj.Get(key)
	if v == nil {
		return nil
	}
	return p.forward(v)
}

func (p *objectProxy) Set(key string, v goja.Value) bool {
	return p.obj.Set(key, p.reverse(v)) == nil
}

func (p *objectProxy) Has(key string) bool { return has(p.obj, key) }

func (p *objectProxy) Delete(key string) bool { return p.obj.Delete(key) == nil }

func (p *objectProxy) Keys() []string { return p.obj.Keys() }

// arrayProxy forwards an array's elements and length.
type arrayProxy struct {
	obj              *goja.Object
	forward, reverse func(goja.Value) goja.Value
}

func (p *arrayProxy) Len() int { return int(p.obj.Get("length").ToInteger()) }

func (p *arrayProxy) Get(i int) goja.Value {
	v := p.obj.Get(itoa(i))
	if v == nil {
		return goja.Undefined()
	}
	return p.forward(v)
}

func (p *arrayProxy) Set(i int, v goja.Value) bool {
	return p.obj.Set(itoa(i), p.reverse(v)) == nil
}

func (p *arrayProxy) SetLen(n int) bool { return p.obj.Set("length", n) == nil }
