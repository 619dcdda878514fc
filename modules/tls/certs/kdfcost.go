package certs

import (
	"encoding/asn1"
	"math/big"
)

// maxScryptMemory is the most memory an encrypted key's scrypt parameters
// may ask for, as OpenSSL limits it (128·N·r·p bytes).
const maxScryptMemory = 32 << 20

// maxPBKDF2Iterations bounds the work a key's PBKDF2 parameters may ask
// for: far above what any tool writes (OpenSSL's default is 2048).
const maxPBKDF2Iterations = 10_000_000

var (
	oidPBES2  = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 5, 13}
	oidScrypt = asn1.ObjectIdentifier{1, 3, 6, 1, 4, 1, 11591, 4, 11}
	oidPBKDF2 = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 5, 12}
)

type algorithmIdentifier struct {
	Algorithm  asn1.ObjectIdentifier
	Parameters asn1.RawValue `asn1:"optional"`
}

type encryptedPrivateKeyInfo struct {
	Algorithm     algorithmIdentifier
	EncryptedData []byte
}

type pbes2Params struct {
	KDF    algorithmIdentifier
	Cipher algorithmIdentifier
}

type scryptParams struct {
	Salt                     []byte
	CostParameter            *big.Int
	BlockSize                *big.Int
	ParallelizationParameter *big.Int
}

type pbkdf2Params struct {
	Salt       asn1.RawValue
	Iterations *big.Int
}

// checkKDFCost refuses an encrypted PKCS#8 key whose key derivation would
// take unbounded memory or time, before the key is decrypted: a hostile
// key must not be able to stall or exhaust the process.
func checkKDFCost(der []byte) error {
	var info encryptedPrivateKeyInfo
	if _, err := asn1.Unmarshal(der, &info); err != nil || !info.Algorithm.Algorithm.Equal(oidPBES2) {
		return nil // not PBES2: the decrypting module judges it
	}
	var params pbes2Params
	if _, err := asn1.Unmarshal(info.Algorithm.Parameters.FullBytes, &params); err != nil {
		return nil
	}
	switch {
	case params.KDF.Algorithm.Equal(oidScrypt):
		var sp scryptParams
		if _, err := asn1.Unmarshal(params.KDF.Parameters.FullBytes, &sp); err != nil {
			return errorf("key", "malformed scrypt parameters")
		}
		mem := new(big.Int).Mul(big.NewInt(128), sp.CostParameter)
		mem.Mul(mem, sp.BlockSize)
		mem.Mul(mem, sp.ParallelizationParameter)
		if mem.Sign() <= 0 || mem.Cmp(big.NewInt(maxScryptMemory)) > 0 {
			return errorf("key", "the key's scrypt parameters ask for more than 32 MiB")
		}
	case params.KDF.Algorithm.Equal(oidPBKDF2):
		var pp pbkdf2Params
		if _, err := asn1.Unmarshal(params.KDF.Parameters.FullBytes, &pp); err != nil {
			return errorf("key", "malformed PBKDF2 parameters")
		}
		if pp.Iterations.Sign() <= 0 || pp.Iterations.Cmp(big.NewInt(maxPBKDF2Iterations)) > 0 {
			return errorf("key", "the key's PBKDF2 iteration count is out of range")
		}
	}
	return nil
}
