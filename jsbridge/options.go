package jsbridge

import (
	"fmt"
	"math"
	"reflect"
	"strconv"

	"github.com/dop251/goja"
)

// Decode reads the JS options object v into the struct that dst points to.
// Each field is named by its `js:"name"` tag; fields without a tag are left
// alone, as are fields whose option is absent (undefined or null), so dst
// holds the defaults. A value of the wrong type throws a TypeError naming
// the option ("options.port must be a number"), as Node does.
//
// Field types: string, bool, int, int64, float64, []byte (a string or a
// Buffer), []string, [][]byte (one string or Buffer, or an array of them;
// see ArrayItems for holes and lengths),
// goja.Value (anything), *goja.Object (an object) and goja.Callable (a
// function). Pointer fields (*bool, *int, *string, ...) record whether the
// option was given at all.
func (e *Env) Decode(v goja.Value, what string, dst any) {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return
	}
	obj, ok := v.(*goja.Object)
	if !ok {
		e.ThrowTypeError("%s must be an object", what)
	}
	rv := reflect.ValueOf(dst).Elem()
	rt := rv.Type()
	for i := 0; i < rt.NumField(); i++ {
		name := rt.Field(i).Tag.Get("js")
		if name == "" {
			continue
		}
		val := obj.Get(name)
		if val == nil || goja.IsUndefined(val) || goja.IsNull(val) {
			continue
		}
		e.decodeValue(val, what+"."+name, rv.Field(i))
	}
}

var (
	typeValue    = reflect.TypeOf((*goja.Value)(nil)).Elem()
	typeObject   = reflect.TypeOf((*goja.Object)(nil))
	typeCallable = reflect.TypeOf(goja.Callable(nil))
)

func (e *Env) decodeValue(val goja.Value, name string, f reflect.Value) {
	switch f.Type() {
	case typeValue:
		f.Set(reflect.ValueOf(&val).Elem())
		return
	case typeObject:
		obj, ok := val.(*goja.Object)
		if !ok {
			e.ThrowTypeError("%s must be an object", name)
		}
		f.Set(reflect.ValueOf(obj))
		return
	case typeCallable:
		fn, ok := goja.AssertFunction(val)
		if !ok {
			e.ThrowTypeError("%s must be a function", name)
		}
		f.Set(reflect.ValueOf(fn))
		return
	case typeBytes:
		f.SetBytes(e.bytesOption(val, name))
		return
	}
	switch f.Kind() {
	case reflect.Pointer:
		p := reflect.New(f.Type().Elem())
		e.decodeValue(val, name, p.Elem())
		f.Set(p)
	case reflect.String:
		if !isString(val) {
			e.ThrowTypeError("%s must be a string", name)
		}
		f.SetString(val.String())
	case reflect.Bool:
		f.SetBool(val.ToBoolean())
	case reflect.Int, reflect.Int64, reflect.Int32:
		n := e.number(val, name)
		if n != math.Trunc(n) || math.IsInf(n, 0) {
			e.ThrowTypeError("%s must be an integer", name)
		}
		f.SetInt(int64(n))
	case reflect.Float64:
		f.SetFloat(e.number(val, name))
	case reflect.Slice:
		elem := f.Type().Elem()
		items, isArray := e.ArrayItems(val, name)
		if !isArray {
			items = []goja.Value{val}
		}
		out := reflect.MakeSlice(f.Type(), len(items), len(items))
		for i, item := range items {
			if elem == typeBytes {
				out.Index(i).SetBytes(e.bytesOption(item, fmt.Sprintf("%s[%d]", name, i)))
			} else {
				e.decodeValue(item, fmt.Sprintf("%s[%d]", name, i), out.Index(i))
			}
		}
		f.Set(out)
	default:
		panic(fmt.Sprintf("jsbridge.Decode: unsupported field type %s", f.Type()))
	}
}

func isString(v goja.Value) bool {
	_, ok := v.Export().(string)
	return ok
}

func (e *Env) number(val goja.Value, name string) float64 {
	switch n := val.Export().(type) {
	case int64:
		return float64(n)
	case float64:
		if math.IsNaN(n) {
			e.ThrowTypeError("%s must be a number", name)
		}
		return n
	}
	e.ThrowTypeError("%s must be a number", name)
	return 0
}

// MaxArrayOption is the longest array an option may hold. No TLS or
// process option needs more; a longer length (new Array(2e9), or a length
// set to 2^32-1) is refused before anything is allocated for it.
const MaxArrayOption = 1 << 16

// ArrayItems returns the elements of v when it is a JS array (isArray
// false otherwise), a hole ([, x], new Array(2)) as undefined, so that the
// element's own check names it ("options.ca[0] must be a string or a
// Buffer"). An array longer than MaxArrayOption throws a RangeError naming
// the option. name is the option's name for those errors.
func (e *Env) ArrayItems(v goja.Value, name string) (items []goja.Value, isArray bool) {
	obj, ok := v.(*goja.Object)
	if !ok || obj.ClassName() != "Array" {
		return nil, false
	}
	n := obj.Get("length").ToInteger()
	if n > MaxArrayOption {
		e.ThrowRangeError("%s has %d entries; at most %d are accepted", name, n, MaxArrayOption)
	}
	items = make([]goja.Value, n)
	for i := range items {
		item := obj.Get(strconv.Itoa(i))
		if item == nil {
			item = goja.Undefined()
		}
		items[i] = item
	}
	return items, true
}

// bytesOption copies a string (as UTF-8) or a Buffer into Go memory.
func (e *Env) bytesOption(val goja.Value, name string) []byte {
	if isString(val) {
		return []byte(val.String())
	}
	if b, ok := Bytes(val); ok {
		return append([]byte(nil), b...)
	}
	e.ThrowTypeError("%s must be a string or a Buffer", name)
	return nil
}
