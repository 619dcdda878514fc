package dns

import (
	"errors"
	"net"
	"strings"
)

// errNoData is c-ares's ARES_ENODATA: the name exists, without a record
// of the type asked.
var errNoData = errors.New("no data")

// errBadName is c-ares's ARES_EBADNAME: a name no query can carry.
var errBadName = errors.New("bad name")

// errorCode names a resolver error as c-ares did (0.7.4's dns.XXX codes).
//
// Go's resolver reports a name that does not exist (NXDOMAIN) and a name
// without records of the type asked (NODATA) alike, as not found: both
// are ENOTFOUND here, where c-ares said ENODATA for the second.
func errorCode(err error) string {
	switch {
	case errors.Is(err, errNoData):
		return "ENODATA"
	case errors.Is(err, errBadName):
		return "EBADNAME"
	}
	var dnsErr *net.DNSError
	if !errors.As(err, &dnsErr) {
		return "EBADRESP"
	}
	switch {
	case dnsErr.IsNotFound:
		return "ENOTFOUND"
	case dnsErr.IsTimeout:
		return "ETIMEOUT"
	case strings.Contains(dnsErr.Err, "connection refused"),
		strings.Contains(dnsErr.Err, "network is unreachable"):
		// No server could be reached (c-ares: ARES_ECONNREFUSED).
		return "ECONNREFUSED"
	case dnsErr.IsTemporary:
		// SERVFAIL, and the other failures Go calls temporary.
		return "ESERVFAIL"
	}
	return "EBADRESP"
}
