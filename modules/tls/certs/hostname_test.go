package certs

import "testing"

// CheckHost keeps Node 0.8's rules; the cases marked "0.8" are where
// today's Node decides otherwise (js-tests/differential/check-server-identity.js
// compares the others with node).
func TestCheckHost(t *testing.T) {
	cases := []struct {
		host, alt string
		cns       []string
		want      string
	}{
		// CN, only without DNS or URI names.
		{"a.com", "", []string{"a.com"}, ""},
		{"A.COM", "", []string{"a.com"}, ""},
		{"a.com.", "", []string{"a.com"}, ""},
		{"a.com", "", []string{"a.com."}, ""},
		{"a.com", "", []string{"b.com"}, "Host: a.com. is not cert's CN: b.com"},
		{"a.com", "", nil, "Cert does not contain a DNS name"},
		{"a.com", "DNS:b.com", []string{"a.com"}, "Host: a.com. is not in the cert's altnames: DNS:b.com"},
		{"a.com", "IP Address:1.2.3.4", []string{"a.com"}, ""},
		{"a.com", "email:a@a.com", []string{"a.com"}, ""},
		// DNS names and wildcards.
		{"b.a.com", "DNS:omg.com, DNS:*.a.com", nil, ""},
		{"B.A.COM", "DNS:*.a.com", nil, ""},
		{"a.com", "DNS:*.a.com", nil, "Host: a.com. is not in the cert's altnames: DNS:*.a.com"},
		{"c.b.a.com", "DNS:*.a.com", nil, "Host: c.b.a.com. is not in the cert's altnames: DNS:*.a.com"},
		{"bar.com", "DNS:*.com", nil, "Host: bar.com. is not in the cert's altnames: DNS:*.com"},
		{"foo.bar.com", "DNS:foo*.bar.com", nil, ""},
		{"foobaz.bar.com", "DNS:foo*.bar.com", nil, ""},
		{"foobaz.bar.com", "DNS:*baz.bar.com", nil, ""},
		{"xbaz.bar.com", "DNS:f*baz.bar.com", nil, "Host: xbaz.bar.com. is not in the cert's altnames: DNS:f*baz.bar.com"},
		{"foo.bar.com", "DNS:*.*.com", nil, "Host: foo.bar.com. is not in the cert's altnames: DNS:*.*.com"},
		{"foo.bar.com", "DNS:foo.*.com", nil, "Host: foo.bar.com. is not in the cert's altnames: DNS:foo.*.com"},
		{"b.a.com", "", []string{"*.a.com"}, ""},
		// IP addresses: IP entries only, never the CN or DNS names.
		{"8.8.8.8", "IP Address:8.8.8.8", nil, ""},
		{"8.8.8.8", "DNS:8.8.8.8", []string{"8.8.8.8"}, "IP: 8.8.8.8 is not in the cert's list: "},
		{"8.8.4.4", "IP Address:8.8.8.8, IP Address:1.1.1.1", nil, "IP: 8.8.4.4 is not in the cert's list: 8.8.8.8, 1.1.1.1"},
		{"::1", "IP Address:0:0:0:0:0:0:0:1", nil, ""},
		// 0.8: URI hosts count, without wildcards, and hide the CN (today's
		// Node ignores URI entries).
		{"a.com", "URI:http://a.com/", []string{"b.com"}, ""},
		{"b.com", "URI:http://a.com/", []string{"b.com"}, "Host: b.com. is not in the cert's altnames: URI:http://a.com/"},
		{"x.a.com", "URI:http://*.a.com/", nil, "Host: x.a.com. is not in the cert's altnames: URI:http://*.a.com/"},
		// 0.8: '*' stands for letters, digits, '-' and '_' only.
		{"a+b.a.com", "DNS:*.a.com", nil, "Host: a+b.a.com. is not in the cert's altnames: DNS:*.a.com"},
	}
	for _, c := range cases {
		if got := CheckHost(c.host, c.alt, c.cns); got != c.want {
			t.Errorf("CheckHost(%q, %q, %q) = %q, want %q", c.host, c.alt, c.cns, got, c.want)
		}
	}
}

// CheckHostOf reads the names as getPeerCertificate() shows them: the
// leaf has DNS:localhost and IP Address:127.0.0.1, the self-signed
// certificate CN=localhost alone.
func TestCheckHostOf(t *testing.T) {
	leaf := certsOf(t, "leaf-server-cert.pem")[0]
	self := certsOf(t, "server-cert.pem")[0]
	for _, c := range []struct {
		host string
		cert int
		want bool
	}{
		{"localhost", 0, true},
		{"127.0.0.1", 0, true},
		{"other.test", 0, false},
		{"localhost", 1, true},
		{"127.0.0.1", 1, false},
	} {
		cert := leaf
		if c.cert == 1 {
			cert = self
		}
		if got := CheckHostOf(c.host, cert) == ""; got != c.want {
			t.Errorf("%s against certificate %d: %q", c.host, c.cert, CheckHostOf(c.host, cert))
		}
	}
}
