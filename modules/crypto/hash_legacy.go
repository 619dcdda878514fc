package crypto

import (
	"hash"

	"golang.org/x/crypto/md4"       //nolint:staticcheck // OpenSSL 1.0 offered MD4; scripts may name it
	"golang.org/x/crypto/ripemd160" //nolint:staticcheck // likewise RIPEMD-160
)

// MD4 and RIPEMD-160 are not in the standard library; golang.org/x/crypto
// keeps maintained implementations of both.

func newMD4() hash.Hash { return md4.New() }

func newRIPEMD160() hash.Hash { return ripemd160.New() }
