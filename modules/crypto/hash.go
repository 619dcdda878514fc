package crypto

import (
	"crypto/hmac"
	"hash"

	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/jsbridge"
)

// hashNative adds the bindings behind crypto.js's Hash, Hmac, Cipher,
// Decipher, Sign, Verify and DiffieHellman, and randomBytes, pbkdf2,
// getHashes and getCiphers.
//
// Each JS object carries its Go state (a *digestState, *cipherState or
// *dhState) in a hidden property (jsbridge.Wrap), so the state goes away
// with the object. The bindings take that object as their first argument.
func hashNative(e *jsbridge.Env, binding *goja.Object) {
	b := &hashBinding{e: e, vm: e.VM}
	e.SetFuncs(binding, map[string]func(goja.FunctionCall) goja.Value{
		"hashInit":   b.hashInit,
		"hmacNew":    b.hmacNew,
		"hmacInit":   b.hmacInit,
		"signNew":    b.signNew,
		"signInit":   b.signInit,
		"verifyInit": b.verifyInit,
		"update":     b.update,
		"digest":     b.digest,
		"sign":       b.sign,
		"verify":     b.verify,

		"cipherNew":       b.cipherNew,
		"cipherInit":      b.cipherInit,
		"cipherInitIv":    b.cipherInitIv,
		"cipherUpdate":    b.cipherUpdate,
		"cipherFinal":     b.cipherFinal,
		"cipherPadding":   b.cipherSetAutoPadding,
		"dhNew":           b.dhNew,
		"dhGenerateKeys":  b.dhGenerateKeys,
		"dhComputeSecret": b.dhComputeSecret,
		"dhGet":           b.dhGet,
		"dhSet":           b.dhSet,
		"getCiphers":      b.getCiphers,
		"getHashes":       b.getHashes,
		"randomBytes":     b.randomBytes,
		"pbkdf2":          b.pbkdf2,
	})
}

// hashBinding holds what the bindings need of their runtime.
type hashBinding struct {
	e  *jsbridge.Env
	vm *goja.Runtime
}

// digestKind says which of Node's classes a digestState serves; their
// methods share code but not their error messages.
type digestKind int

const (
	kindHash digestKind = iota
	kindHmac
	kindSign
	kindVerify
)

// digestState is the Go half of a Hash, Hmac, Sign or Verify object: the
// running hash, nil before init and after digest(), sign() or verify() (the
// "initialised_" flag of Node's C++ classes).
type digestState struct {
	kind   digestKind
	h      hash.Hash
	digest *evpDigest
}

func (b *hashBinding) state(v goja.Value) *digestState {
	return jsbridge.MustUnwrap[*digestState](b.e, v, "crypto object")
}

func (b *hashBinding) throwError(msg string) {
	panic(b.e.NewError(msg))
}

// hashInit(obj, algorithm) makes obj a Hash.
func (b *hashBinding) hashInit(call goja.FunctionCall) goja.Value {
	obj := call.Argument(0).ToObject(b.vm)
	name, ok := call.Argument(1).Export().(string)
	if !ok {
		b.throwError("Must give hashtype string as argument")
	}
	d := digestByName(name)
	if d == nil {
		b.throwError("Digest method not supported")
	}
	b.e.Wrap(obj, &digestState{kind: kindHash, h: d.new(), digest: d})
	return goja.Undefined()
}

// hmacNew(obj) gives obj an empty state: 0.7's `new Hmac` is made first and
// init()ed after.
func (b *hashBinding) hmacNew(call goja.FunctionCall) goja.Value {
	b.e.Wrap(call.Argument(0).ToObject(b.vm), &digestState{kind: kindHmac})
	return goja.Undefined()
}

// hmacInit(obj, algorithm, key) starts an HMAC; the key is a Buffer or a
// 'binary' string.
func (b *hashBinding) hmacInit(call goja.FunctionCall) goja.Value {
	st := b.state(call.Argument(0))
	name, ok := call.Argument(1).Export().(string)
	if !ok {
		b.throwError("Must give hashtype string as argument")
	}
	key := b.binaryArg(call.Argument(2))
	d := digestByName(name)
	if d == nil {
		b.throwError("hmac error")
	}
	st.h = hmac.New(d.new, append([]byte(nil), key...))
	st.digest = d
	return goja.Undefined()
}

// update(obj, data, encoding) feeds data to a Hash, Hmac, Sign or Verify.
func (b *hashBinding) update(call goja.FunctionCall) goja.Value {
	st := b.state(call.Argument(0))
	data := b.inputArg(call.Argument(1), call.Argument(2))
	if st.h == nil {
		b.e.ThrowTypeError("%s", [...]string{"HashUpdate fail", "HmacUpdate fail",
			"SignUpdate fail", "VerifyUpdate fail"}[st.kind])
	}
	st.h.Write(data)
	return goja.Undefined()
}

// digest(obj, encoding) ends a Hash or Hmac. A Hash can not be digested
// twice ("Not initialized"); an Hmac then returns an empty string, as in 0.7.
func (b *hashBinding) digest(call goja.FunctionCall) goja.Value {
	st := b.state(call.Argument(0))
	if st.h == nil {
		if st.kind == kindHash {
			b.throwError("Not initialized")
		}
		return b.vm.ToValue("")
	}
	sum := st.h.Sum(nil)
	st.h = nil
	what := "Hash .digest"
	if st.kind == kindHmac {
		what = "Hmac .digest"
	}
	return b.output(sum, call.Argument(1), what)
}

// getHashes() lists the digest names (added in Node 0.9; additive).
func (b *hashBinding) getHashes(call goja.FunctionCall) goja.Value {
	names := make([]any, len(listedDigests))
	for i, n := range listedDigests {
		names[i] = n
	}
	return b.vm.NewArray(names...)
}
