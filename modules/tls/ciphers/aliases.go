package ciphers

// aliases are the words that stand for groups of suites (OpenSSL's
// cipher_aliases[]): the union of OpenSSL 1.0's and 3's, with 1.0's
// meaning where they differ (see the package comment).
var aliases = map[string]*pattern{
	"ALL":             {enc: ^eNULL},
	"COMPLEMENTOFALL": {enc: eNULL},
	// OpenSSL 1.0: what ALL has and DEFAULT lacks.
	"COMPLEMENTOFDEFAULT": {mkey: kDHE | kECDHE, auth: aNULL, enc: ^eNULL},

	// Key exchange.
	"kRSA":      {mkey: kRSA},
	"kEDH":      {mkey: kDHE},
	"kDHE":      {mkey: kDHE},
	"DH":        {mkey: kDHE},
	"kEECDH":    {mkey: kECDHE},
	"kECDHE":    {mkey: kECDHE},
	"kECDHr":    {mkey: kECDHr},
	"kECDHe":    {mkey: kECDHe},
	"kECDH":     {mkey: kECDHr | kECDHe},
	"ECDH":      {mkey: kECDHr | kECDHe | kECDHE},
	"kPSK":      {mkey: kPSK},
	"kRSAPSK":   {mkey: kRSAPSK},
	"kECDHEPSK": {mkey: kECDHEPSK},
	"kDHEPSK":   {mkey: kDHEPSK},
	"kSRP":      {mkey: kSRP},

	// Authentication.
	"aRSA":   {auth: aRSA},
	"aDSS":   {auth: aDSS},
	"DSS":    {auth: aDSS},
	"aNULL":  {auth: aNULL},
	"aECDH":  {auth: aECDH},
	"aECDSA": {auth: aECDSA},
	"ECDSA":  {auth: aECDSA},
	"aPSK":   {auth: aPSK},
	"aSRP":   {auth: aSRP},

	// Key exchange with authentication.
	"EDH":   {mkey: kDHE, auth: ^aNULL},
	"DHE":   {mkey: kDHE, auth: ^aNULL},
	"EECDH": {mkey: kECDHE, auth: ^aNULL},
	"ECDHE": {mkey: kECDHE, auth: ^aNULL},
	"ADH":   {mkey: kDHE, auth: aNULL},
	"AECDH": {mkey: kECDHE, auth: aNULL},
	"RSA":   {mkey: kRSA, auth: aRSA},
	"PSK":   {mkey: kPSK | kRSAPSK | kDHEPSK | kECDHEPSK},
	"SRP":   {mkey: kSRP},
	"NULL":  {enc: eNULL},

	// Encryption.
	"DES":         {enc: eDES},
	"3DES":        {enc: e3DES},
	"RC4":         {enc: eRC4},
	"RC2":         {enc: eRC2},
	"IDEA":        {enc: eIDEA},
	"SEED":        {enc: eSEED},
	"eNULL":       {enc: eNULL},
	"AES128":      {enc: eAES128 | eAES128GCM | eAES128CCM | eAES128CCM8},
	"AES256":      {enc: eAES256 | eAES256GCM | eAES256CCM | eAES256CCM8},
	"AES":         {enc: eAES},
	"AESGCM":      {enc: eAESGCM},
	"AESCCM":      {enc: eAESCCM},
	"AESCCM8":     {enc: eAES128CCM8 | eAES256CCM8},
	"CAMELLIA128": {enc: eCAMELLIA128},
	"CAMELLIA256": {enc: eCAMELLIA256},
	"CAMELLIA":    {enc: eCAMELLIA},
	"CHACHA20":    {enc: eCHACHA20},
	"ARIA":        {enc: eARIA},
	"ARIAGCM":     {enc: eARIA},
	"ARIA128":     {enc: eARIA128GCM},
	"ARIA256":     {enc: eARIA256GCM},
	"CBC":         {enc: eCBC},

	// MAC.
	"MD5":    {mac: mMD5},
	"SHA1":   {mac: mSHA1},
	"SHA":    {mac: mSHA1},
	"SHA256": {mac: mSHA256},
	"SHA384": {mac: mSHA384},

	// Protocol version (OpenSSL 1.0's meaning for SSLv3 and TLSv1).
	"SSLv3":   {ver: verOld},
	"TLSv1":   {ver: verOld},
	"TLSv1.0": {ver: verOld},
	"TLSv1.2": {ver: verTLS12},

	// Strength.
	"EXP":      {exp: xExport},
	"EXPORT":   {exp: xExport},
	"EXPORT40": {strength: sExp40},
	"EXPORT56": {strength: sExp56},
	"LOW":      {strength: sLow},
	"MEDIUM":   {strength: sMedium},
	"HIGH":     {strength: sHigh},
	"FIPS":     {enc: ^eNULL, strength: sFIPS},
}
