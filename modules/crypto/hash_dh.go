package crypto

import (
	"crypto/rand"
	"math/big"
	"strings"

	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/jsbridge"
)

// dhState is the Go half of a DiffieHellman object: OpenSSL's DH with
// generator 2. p is nil when the object was not initialised.
type dhState struct {
	p, g, pub, priv *big.Int
}

func (b *hashBinding) dh(v goja.Value) *dhState {
	st := jsbridge.MustUnwrap[*dhState](b.e, v, "DiffieHellman")
	if st.p == nil {
		b.throwError("Not initialized")
	}
	return st
}

// dhNew(obj, size_or_prime, encoding) makes obj a DiffieHellman: with a
// prime of the given bit length (generated now), or with the given prime
// (a Buffer, or a string in encoding, 'binary' by default). Anything else
// leaves it uninitialised, which 0.7 reported as "Initialization failed".
func (b *hashBinding) dhNew(call goja.FunctionCall) goja.Value {
	obj := call.Argument(0).ToObject(b.vm)
	st := &dhState{}
	b.e.Wrap(obj, st)
	arg := call.Argument(1)
	switch {
	case isNumber(arg) && isInt32(arg):
		st.p = safePrime(int(toInt32(arg)))
	case jsbridge.IsBuffer(arg):
		data, _ := jsbridge.Bytes(arg)
		st.p = new(big.Int).SetBytes(data)
	default:
		if s, ok := arg.(goja.String); ok {
			st.p = new(big.Int).SetBytes(b.decodeWithEncoding(s, call.Argument(2)))
		}
	}
	if st.p == nil {
		b.throwError("Initialization failed")
	}
	st.g = big.NewInt(2)
	return goja.Undefined()
}

// isInt32 is V8's IsInt32.
func isInt32(v goja.Value) bool {
	f := v.ToFloat()
	return f == float64(int32(f))
}

// decodeWithEncoding reads a key or prime string: 'hex' or 'base64' when
// encoding says so, else 'binary'.
func (b *hashBinding) decodeWithEncoding(s goja.String, enc goja.Value) []byte {
	raw := b.stringBytes(s, "binary")
	name, _ := enc.Export().(string)
	switch strings.ToLower(name) {
	case "hex":
		return hexDecode(raw)
	case "base64":
		return base64Decode(raw)
	}
	return raw
}

// dhOutput encodes a DiffieHellman result: 'binary' unless a string names
// 'hex', 'base64' or 'binary' ('buffer' too, as today); another name made
// 0.7 complain on stderr and return undefined.
func (b *hashBinding) dhOutput(data []byte, enc goja.Value) goja.Value {
	s, ok := enc.Export().(string)
	if !ok {
		return b.binaryString(data)
	}
	switch name := strings.ToLower(s); name {
	case "hex", "base64", "binary", "buffer":
		return b.encode(data, name)
	}
	b.warn("node-crypto : Unknown encoding\n")
	return goja.Undefined()
}

// dhKeyArg reads a key argument: a Buffer, or a string in enc.
func (b *hashBinding) dhKeyArg(v, enc goja.Value) *big.Int {
	if data, ok := jsbridge.Bytes(v); ok {
		return new(big.Int).SetBytes(data)
	}
	s, ok := v.(goja.String)
	if !ok {
		b.e.ThrowTypeError("Not a string or buffer")
	}
	return new(big.Int).SetBytes(b.decodeWithEncoding(s, enc))
}

// dhGenerateKeys(obj, encoding) makes a key pair (keeping a private key
// already set, as OpenSSL does) and returns the public key.
func (b *hashBinding) dhGenerateKeys(call goja.FunctionCall) goja.Value {
	st := b.dh(call.Argument(0))
	if st.priv == nil {
		// OpenSSL: a random private key of one bit less than the prime,
		// top bit set.
		bits := st.p.BitLen() - 1
		if bits < 1 {
			b.throwError("Key generation failed")
		}
		max := new(big.Int).Lsh(big.NewInt(1), uint(bits-1))
		r, err := rand.Int(rand.Reader, max)
		if err != nil {
			panic(err)
		}
		st.priv = r.Add(r, max)
	}
	st.pub = new(big.Int).Exp(st.g, st.priv, st.p)
	return b.dhOutput(st.pub.Bytes(), call.Argument(1))
}

// dhComputeSecret(obj, other_public_key, input_encoding, output_encoding)
// returns the shared secret, without leading zero bytes as in 0.7; the
// output encoding defaults to the input encoding.
func (b *hashBinding) dhComputeSecret(call goja.FunctionCall) goja.Value {
	st := b.dh(call.Argument(0))
	if len(call.Arguments) < 2 {
		b.throwError("First argument must be other party's public key")
	}
	other := b.dhKeyArg(call.Argument(1), call.Argument(2))
	if st.priv == nil {
		b.throwError("No private key - did you forget to generate one?")
	}
	if other.Cmp(big.NewInt(1)) <= 0 {
		b.throwError("Supplied key is too small")
	}
	if other.Cmp(new(big.Int).Sub(st.p, big.NewInt(1))) >= 0 {
		b.throwError("Supplied key is too large")
	}
	secret := new(big.Int).Exp(other, st.priv, st.p)
	enc := call.Argument(3)
	if _, ok := enc.Export().(string); !ok {
		enc = call.Argument(2)
	}
	return b.dhOutput(secret.Bytes(), enc)
}

// dhGet(obj, what, encoding) returns the prime, generator, public or
// private key.
func (b *hashBinding) dhGet(call goja.FunctionCall) goja.Value {
	st := b.dh(call.Argument(0))
	var n *big.Int
	switch call.Argument(1).String() {
	case "prime":
		n = st.p
	case "generator":
		n = st.g
	case "public":
		if n = st.pub; n == nil {
			b.throwError("No public key - did you forget to generate one?")
		}
	default:
		if n = st.priv; n == nil {
			b.throwError("No private key - did you forget to generate one?")
		}
	}
	return b.dhOutput(n.Bytes(), call.Argument(2))
}

// dhSet(obj, what, key, encoding) sets the public or private key.
func (b *hashBinding) dhSet(call goja.FunctionCall) goja.Value {
	st := b.dh(call.Argument(0))
	what := call.Argument(1).String()
	if len(call.Arguments) < 3 {
		b.throwError("First argument must be " + what + " key")
	}
	key := b.dhKeyArg(call.Argument(2), call.Argument(3))
	if what == "public" {
		st.pub = key
	} else {
		st.priv = key
	}
	return goja.Undefined()
}

// safePrime returns a prime p of the given bit length such that (p-1)/2 is
// prime and p mod 24 is 11, what OpenSSL's DH_generate_parameters made for
// generator 2; nil for lengths that have none.
func safePrime(bits int) *big.Int {
	if bits < 2 || bits > 10000 {
		return nil
	}
	// p = 2q+1 has the right length and residue when q is in
	// [2^(bits-2), 2^(bits-1)) and q mod 12 is 5.
	low := new(big.Int).Lsh(big.NewInt(1), uint(bits-2))
	ok := func(q *big.Int) *big.Int {
		p := new(big.Int).Lsh(q, 1)
		p.Add(p, big.NewInt(1))
		if q.BitLen() == bits-1 && q.ProbablyPrime(20) && p.ProbablyPrime(20) {
			return p
		}
		return nil
	}
	if bits <= 20 {
		// Few candidates: try them all, from a random one on.
		var found []*big.Int
		for q := int64(5); q < 1<<(bits-1); q += 12 {
			if p := ok(big.NewInt(q)); p != nil {
				found = append(found, p)
			}
		}
		if len(found) == 0 {
			return nil
		}
		i, _ := rand.Int(rand.Reader, big.NewInt(int64(len(found))))
		return found[i.Int64()]
	}
	for {
		q, err := rand.Int(rand.Reader, low)
		if err != nil {
			panic(err)
		}
		q.Add(q, low)
		q.Sub(q, new(big.Int).Mod(q, big.NewInt(12)))
		q.Add(q, big.NewInt(5))
		if p := ok(q); p != nil {
			return p
		}
	}
}
