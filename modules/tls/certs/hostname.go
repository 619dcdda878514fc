package certs

import (
	"crypto/x509"
	"net"
	"net/url"
	"strings"
)

// CheckHost is Node 0.8's tls.checkServerIdentity over what
// getPeerCertificate() shows of a certificate: its subjectaltname text and
// its subject's CN values. It returns "" when they name host, else the
// reason, in today's Node's words ("Host: a.test. is not cert's CN: b.test").
//
// 0.8's rules: a host that is an IP address must equal an "IP Address:"
// entry; any other host is matched against the "DNS:" entries and the host
// part of the "URI:" entries, and against the CN only when there are none
// of those. Case does not matter, nor does one trailing dot. A DNS entry
// or CN may hold one '*' in its first label, standing for a run of
// letters, digits, '-' and '_' (so no dots), when at least two labels
// follow it (no "*.com"); a URI's host may not.
func CheckHost(host, altNames string, cns []string) string {
	host = strings.TrimSuffix(host, ".")
	var dns, uris, ips []string
	if altNames != "" {
		for _, entry := range strings.Split(altNames, ", ") {
			switch {
			case strings.HasPrefix(entry, "DNS:"):
				dns = append(dns, entry[len("DNS:"):])
			case strings.HasPrefix(entry, "URI:"):
				uris = append(uris, entry[len("URI:"):])
			case strings.HasPrefix(entry, "IP Address:"):
				ips = append(ips, entry[len("IP Address:"):])
			}
		}
	}
	if ip := net.ParseIP(host); ip != nil {
		// Compared as addresses: OpenSSL prints IPv6 unabbreviated.
		for _, s := range ips {
			if ip.Equal(net.ParseIP(s)) {
				return ""
			}
		}
		return "IP: " + host + " is not in the cert's list: " + strings.Join(ips, ", ")
	}
	if len(dns) > 0 || len(uris) > 0 {
		for _, name := range dns {
			if nameMatches(host, name, true) {
				return ""
			}
		}
		for _, uri := range uris {
			if u, err := url.Parse(uri); err == nil && u.Hostname() != "" && nameMatches(host, u.Hostname(), false) {
				return ""
			}
		}
		return "Host: " + host + ". is not in the cert's altnames: " + altNames
	}
	if len(cns) == 0 {
		return "Cert does not contain a DNS name"
	}
	for _, cn := range cns {
		if nameMatches(host, cn, true) {
			return ""
		}
	}
	return "Host: " + host + ". is not cert's CN: " + strings.Join(cns, ",")
}

// CheckHostOf is CheckHost for cert itself, with the subjectaltname and
// CN that getPeerCertificate() would show.
func CheckHostOf(host string, cert *x509.Certificate) string {
	altNames, _ := subjectAltName(cert)
	var cns []string
	if lines, ok := nameLines(cert.RawSubject); ok {
		for _, f := range nameObject(lines) {
			if f.Name == "CN" {
				cns = append(cns, f.Value.(string))
			}
		}
	}
	return CheckHost(host, altNames, cns)
}

// nameMatches reports whether the certificate's name covers host (which
// has no trailing dot), by 0.8's rules (see CheckHost).
func nameMatches(host, name string, wildcards bool) bool {
	host = strings.ToLower(host)
	name = strings.ToLower(strings.TrimSuffix(name, "."))
	star := strings.IndexByte(name, '*')
	if star < 0 {
		return host == name
	}
	label, rest, _ := strings.Cut(name, ".")
	if !wildcards || strings.Count(name, "*") > 1 || star >= len(label) || !twoLabels(rest) {
		return false
	}
	hostLabel, hostRest, _ := strings.Cut(host, ".")
	prefix, suffix := label[:star], label[star+1:]
	if hostRest != rest || len(hostLabel) < len(prefix)+len(suffix) ||
		!strings.HasPrefix(hostLabel, prefix) || !strings.HasSuffix(hostLabel, suffix) {
		return false
	}
	for _, c := range hostLabel[len(prefix) : len(hostLabel)-len(suffix)] {
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// twoLabels: rest (what follows a wildcard's label) has at least two
// labels, none empty.
func twoLabels(rest string) bool {
	labels := strings.Split(rest, ".")
	for _, l := range labels {
		if l == "" {
			return false
		}
	}
	return len(labels) >= 2
}
