package crypto

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/des"
	"crypto/md5"
	"sort"
	"strconv"
	"strings"

	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/jsbridge"
	stringdecoder "github.com/gojatls/gojatls/modules/string_decoder"
)

// evpCipher is a symmetric cipher as OpenSSL's EVP_get_cipherbyname finds
// it.
type evpCipher struct {
	keyLen, ivLen int
	mode          string // "cbc", "ecb", "cfb", "ofb" or "ctr"
	newBlock      func(key []byte) (cipher.Block, error)
}

// cipherNames maps OpenSSL's names for the ciphers implemented (ignoring
// case) to them: AES in CBC, ECB, CFB, OFB and CTR modes (CTR came in
// OpenSSL 1.0.1; today's Node has it), DES and triple DES in CBC and ECB.
var cipherNames = map[string]*evpCipher{}

func init() {
	newDES := func(key []byte) (cipher.Block, error) { return des.NewCipher(key) }
	newDES3 := func(key []byte) (cipher.Block, error) { return des.NewTripleDESCipher(key) }
	newDES2 := func(key []byte) (cipher.Block, error) {
		// Two-key triple DES: K1, K2, K1.
		k := append(append([]byte(nil), key...), key[:8]...)
		return des.NewTripleDESCipher(k)
	}
	for _, bits := range []int{128, 192, 256} {
		n := bits / 8
		prefix := "aes-" + strconv.Itoa(bits) + "-"
		for _, mode := range []string{"cbc", "ecb", "cfb", "ofb", "ctr"} {
			iv := 16
			if mode == "ecb" {
				iv = 0
			}
			cipherNames[prefix+mode] = &evpCipher{n, iv, mode, aes.NewCipher}
		}
		cipherNames["aes"+strconv.Itoa(bits)] = cipherNames[prefix+"cbc"]
	}
	cipherNames["des-cbc"] = &evpCipher{8, 8, "cbc", newDES}
	cipherNames["des"] = cipherNames["des-cbc"]
	cipherNames["des-ecb"] = &evpCipher{8, 0, "ecb", newDES}
	cipherNames["des-ede3-cbc"] = &evpCipher{24, 8, "cbc", newDES3}
	cipherNames["des3"] = cipherNames["des-ede3-cbc"]
	cipherNames["des-ede3"] = &evpCipher{24, 0, "ecb", newDES3}
	cipherNames["des-ede-cbc"] = &evpCipher{16, 8, "cbc", newDES2}
	cipherNames["des-ede"] = &evpCipher{16, 0, "ecb", newDES2}
}

// cipherState is the Go half of a Cipher or Decipher object.
type cipherState struct {
	decrypt bool
	live    bool // initialised: after init and until final
	padding bool
	blocks  cipher.BlockMode // CBC and ECB
	stream  cipher.Stream    // CFB, OFB and CTR
	pending []byte           // input short of a whole block
	held    []byte           // decrypting with padding: the last whole block, kept for final
	carry   []byte           // output bytes of a character or base64 group not yet complete
	hexOdd  []byte           // Decipher's hex input: a digit without its pair
}

// start keys the cipher; the caller has checked the lengths.
func (c *cipherState) start(spec *evpCipher, key, iv []byte) {
	block, err := spec.newBlock(key)
	if err != nil {
		panic(err)
	}
	iv = append([]byte(nil), iv...)
	c.live, c.padding = true, true
	c.blocks, c.stream, c.pending, c.held, c.carry, c.hexOdd = nil, nil, nil, nil, nil, nil
	switch {
	case spec.mode == "cbc" && c.decrypt:
		c.blocks = cipher.NewCBCDecrypter(block, iv)
	case spec.mode == "cbc":
		c.blocks = cipher.NewCBCEncrypter(block, iv)
	case spec.mode == "ecb":
		c.blocks = ecbMode{block, c.decrypt}
	case spec.mode == "cfb" && c.decrypt:
		c.stream = cipher.NewCFBDecrypter(block, iv) //nolint:staticcheck // OpenSSL's aes-*-cfb
	case spec.mode == "cfb":
		c.stream = cipher.NewCFBEncrypter(block, iv) //nolint:staticcheck // OpenSSL's aes-*-cfb
	case spec.mode == "ofb":
		c.stream = cipher.NewOFB(block, iv) //nolint:staticcheck // OpenSSL's aes-*-ofb
	default:
		c.stream = cipher.NewCTR(block, iv)
	}
}

// update is EVP_CipherUpdate: whole blocks out, the rest kept; decrypting
// with padding, the last whole block is kept too, for final to unpad.
func (c *cipherState) update(in []byte) []byte {
	if len(in) == 0 {
		return nil
	}
	if c.stream != nil {
		out := make([]byte, len(in))
		c.stream.XORKeyStream(out, in)
		return out
	}
	bs := c.blocks.BlockSize()
	data := append(c.pending, in...)
	n := len(data) / bs * bs
	out := make([]byte, len(c.held), len(c.held)+n)
	copy(out, c.held)
	c.held = nil
	out = out[:len(out)+n]
	c.blocks.CryptBlocks(out[len(out)-n:], data[:n])
	c.pending = append([]byte(nil), data[n:]...)
	if c.decrypt && c.padding && len(c.pending) == 0 && len(out) >= bs {
		c.held = append([]byte(nil), out[len(out)-bs:]...)
		out = out[:len(out)-bs]
	}
	return out
}

// final is EVP_CipherFinal: the padded last block, or the unpadded last
// plaintext. ok is false where OpenSSL failed: input not a whole number of
// blocks without padding, or bad padding.
func (c *cipherState) final() (out []byte, ok bool) {
	c.live = false
	if c.stream != nil {
		return nil, true
	}
	bs := c.blocks.BlockSize()
	held := c.held
	c.held = nil
	switch {
	case !c.padding:
		if len(c.pending) != 0 {
			return nil, false
		}
		return held, true
	case !c.decrypt:
		n := bs - len(c.pending)
		block := append(c.pending, make([]byte, n)...)
		for i := bs - n; i < bs; i++ {
			block[i] = byte(n)
		}
		out = make([]byte, bs)
		c.blocks.CryptBlocks(out, block)
		return out, true
	}
	if len(c.pending) != 0 || held == nil {
		return nil, false
	}
	n := int(held[bs-1])
	if n == 0 || n > bs {
		return nil, false
	}
	for _, p := range held[bs-n:] {
		if int(p) != n {
			return nil, false
		}
	}
	return held[:bs-n], true
}

// ecbMode is the ECB mode Go does not offer: each block on its own.
type ecbMode struct {
	b       cipher.Block
	decrypt bool
}

func (m ecbMode) BlockSize() int { return m.b.BlockSize() }

func (m ecbMode) CryptBlocks(dst, src []byte) {
	bs := m.b.BlockSize()
	for i := 0; i < len(src); i += bs {
		if m.decrypt {
			m.b.Decrypt(dst[i:i+bs], src[i:i+bs])
		} else {
			m.b.Encrypt(dst[i:i+bs], src[i:i+bs])
		}
	}
}

// bytesToKey is OpenSSL's EVP_BytesToKey with MD5, no salt and one round,
// which createCipher used to make a key and IV from a password.
func bytesToKey(password []byte, keyLen, ivLen int) (key, iv []byte) {
	var out, prev []byte
	for len(out) < keyLen+ivLen {
		h := md5.New()
		h.Write(prev)
		h.Write(password)
		prev = h.Sum(nil)
		out = append(out, prev...)
	}
	return out[:keyLen], out[keyLen : keyLen+ivLen]
}

func (b *hashBinding) cipher(v goja.Value) *cipherState {
	return jsbridge.MustUnwrap[*cipherState](b.e, v, "Cipher")
}

// cipherNew(obj, decrypt) gives a new Cipher or Decipher its state; init or
// initiv starts it.
func (b *hashBinding) cipherNew(call goja.FunctionCall) goja.Value {
	b.e.Wrap(call.Argument(0).ToObject(b.vm), &cipherState{decrypt: call.Argument(1).ToBoolean()})
	return goja.Undefined()
}

// cipherKind is "Cipher" or "Decipher", for 0.7's messages.
func (c *cipherState) kind() string {
	if c.decrypt {
		return "Decipher"
	}
	return "Cipher"
}

func isStringOrBuffer(v goja.Value) bool {
	if _, ok := v.(goja.String); ok {
		return true
	}
	return jsbridge.IsBuffer(v)
}

// lookupCipher finds a cipher, printing 0.7's complaint when there is none.
func (b *hashBinding) lookupCipher(name string) *evpCipher {
	spec := cipherNames[strings.ToLower(name)]
	if spec == nil {
		b.warn("node-crypto : Unknown cipher %s\n", name)
	}
	return spec
}

// cipherInit(obj, algorithm, password) is createCipher's init: key and IV
// from the password by EVP_BytesToKey.
func (b *hashBinding) cipherInit(call goja.FunctionCall) goja.Value {
	c := b.cipher(call.Argument(0))
	name, ok := call.Argument(1).Export().(string)
	if !ok || !isStringOrBuffer(call.Argument(2)) {
		if c.decrypt {
			b.throwError("Must give cipher-type, key as argument")
		}
		b.throwError("Must give cipher-type, key")
	}
	password := b.binaryArg(call.Argument(2))
	spec := b.lookupCipher(name)
	if spec == nil {
		b.throwError(c.kind() + "Init error")
	}
	key, iv := bytesToKey(password, spec.keyLen, spec.ivLen)
	c.start(spec, key, iv)
	return goja.Undefined()
}

// cipherInitIv(obj, algorithm, key, iv) is createCipheriv's initiv: the key
// and IV must have the cipher's lengths.
func (b *hashBinding) cipherInitIv(call goja.FunctionCall) goja.Value {
	c := b.cipher(call.Argument(0))
	name, ok := call.Argument(1).Export().(string)
	if !ok || !isStringOrBuffer(call.Argument(2)) || !isStringOrBuffer(call.Argument(3)) {
		b.throwError("Must give cipher-type, key, and iv as argument")
	}
	key := b.binaryArg(call.Argument(2))
	iv := b.binaryArg(call.Argument(3))
	spec := b.lookupCipher(name)
	fail := c.kind() + "InitIv error"
	if spec == nil {
		b.throwError(fail)
	}
	if len(iv) != spec.ivLen {
		b.warn("node-crypto : Invalid IV length %d\n", len(iv))
		b.throwError(fail)
	}
	if len(key) != spec.keyLen {
		b.warn("node-crypto : Invalid key length %d\n", len(key))
		b.throwError(fail)
	}
	c.start(spec, key, iv)
	return goja.Undefined()
}

// cipherSetAutoPadding(obj, [flag]) turns PKCS #7 padding on (no argument
// or a truthy one) or off; nothing once final has run.
func (b *hashBinding) cipherSetAutoPadding(call goja.FunctionCall) goja.Value {
	c := b.cipher(call.Argument(0))
	if c.live {
		c.padding = len(call.Arguments) < 2 || call.Argument(1).ToBoolean()
	}
	return goja.Undefined()
}

// decipherInput returns a Decipher's input: the bytes of a Buffer or
// 'binary' string, then decoded from 'hex' (an odd digit waits for the next
// call) or 'base64' when input_encoding says so.
func (b *hashBinding) decipherInput(c *cipherState, data, enc goja.Value) []byte {
	raw := b.binaryArg(data)
	name, ok := enc.Export().(string)
	if !ok {
		return raw
	}
	switch strings.ToLower(name) {
	case "hex":
		digits := raw
		if len(c.hexOdd) > 0 {
			digits = append(c.hexOdd, raw...)
			c.hexOdd = nil
		}
		if len(digits)%2 == 1 {
			c.hexOdd = []byte{digits[len(digits)-1]}
			digits = digits[:len(digits)-1]
		}
		return hexDecode(digits)
	case "base64":
		return base64Decode(raw)
	case "binary", "latin1", "buffer":
		return raw
	}
	b.warn("node-crypto : Decipher .update encoding can be binary, hex or base64\n")
	return raw
}

// cipherUpdate(obj, data, input_encoding, output_encoding).
func (b *hashBinding) cipherUpdate(call goja.FunctionCall) goja.Value {
	c := b.cipher(call.Argument(0))
	var in []byte
	if c.decrypt {
		in = b.decipherInput(c, call.Argument(1), call.Argument(2))
	} else {
		in = b.inputArg(call.Argument(1), call.Argument(2))
	}
	if !c.live {
		// 0.7 said "DecipherUpdate fail" for both classes.
		b.e.ThrowTypeError("DecipherUpdate fail")
	}
	return b.cipherOutput(c, c.update(in), call.Argument(3), ".update", false)
}

// cipherFinal(obj, output_encoding).
func (b *hashBinding) cipherFinal(call goja.FunctionCall) goja.Value {
	c := b.cipher(call.Argument(0))
	if !c.live {
		b.e.ThrowTypeError("%sFinal fail", c.kind())
	}
	out, ok := c.final()
	if !ok {
		b.e.ThrowTypeError("%sFinal fail", c.kind())
	}
	return b.cipherOutput(c, out, call.Argument(1), ".final", true)
}

// cipherOutput encodes what update or final produced. An empty result is
// an empty string whatever the encoding, as in 0.7. A Cipher outputs
// 'binary' (the default), 'hex' or 'base64'; a Decipher 'binary' (the default, and what
// an unknown name means), 'utf8', 'ascii', or today's other encodings.
// Bytes of a character or a base64 group that the output cuts are carried
// to the next call, so that the pieces join up.
func (b *hashBinding) cipherOutput(c *cipherState, out []byte, encValue goja.Value, method string, final bool) goja.Value {
	name := "binary"
	if s, ok := encValue.Export().(string); ok {
		name = strings.ToLower(s)
	}
	if name == "buffer" {
		data := append(c.carry, out...)
		c.carry = nil
		return b.e.NewBuffer(data)
	}
	if len(out) == 0 && !(final && len(c.carry) > 0) {
		return b.vm.ToValue("")
	}
	if !c.decrypt {
		if name = b.outputName(encValue, "Cipher "+method); name == "" {
			return goja.Undefined()
		}
	}
	enc, ok := stringdecoder.ParseEncoding(name)
	if !ok {
		enc = stringdecoder.Latin1
	}
	data := out
	if len(c.carry) > 0 {
		data = append(c.carry, out...)
		c.carry = nil
	}
	d := stringdecoder.NewDecoder(enc)
	text := d.Write(data)
	if final {
		rest := d.End()
		if rest.U != nil || rest.S != "" {
			text = stringdecoder.Text{U: append(text.UTF16(), rest.UTF16()...)}
		}
	} else if n := d.Buffered(); n > 0 {
		c.carry = append([]byte(nil), data[len(data)-n:]...)
	}
	return stringdecoder.ToValue(b.vm, text)
}

// getCiphers() lists the cipher names (added in Node 0.9; additive).
func (b *hashBinding) getCiphers(call goja.FunctionCall) goja.Value {
	names := make([]string, 0, len(cipherNames))
	for n := range cipherNames {
		names = append(names, n)
	}
	sort.Strings(names)
	list := make([]any, len(names))
	for i, n := range names {
		list[i] = n
	}
	return b.vm.NewArray(list...)
}
