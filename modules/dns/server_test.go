package dns_test

import (
	"net"
	"net/netip"
	"strings"
	"sync"
	"testing"

	"golang.org/x/net/dns/dnsmessage"
)

// zone is the test's authoritative data: records by lower-case rooted name.
var zone = map[string][]dnsmessage.Resource{}

func init() {
	a := func(name string, ip string) {
		addr := netip.MustParseAddr(ip)
		if addr.Is4() {
			add(name, &dnsmessage.AResource{A: addr.As4()})
		} else {
			add(name, &dnsmessage.AAAAResource{AAAA: addr.As16()})
		}
	}
	a("www.google.com.", "192.0.2.1")
	a("www.google.com.", "192.0.2.2")
	a("www.google.com.", "2001:db8::1")
	add("1.2.0.192.in-addr.arpa.", &dnsmessage.PTRResource{PTR: mustName("www.google.com.")})
	add("2.2.0.192.in-addr.arpa.", &dnsmessage.PTRResource{PTR: mustName("www2.google.com.")})
	add("2.2.0.192.in-addr.arpa.", &dnsmessage.PTRResource{PTR: mustName("alt.google.com.")})
	add("1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.", &dnsmessage.PTRResource{PTR: mustName("www.google.com.")})
	a("example.com.", "192.0.2.10")
	add("example.com.", &dnsmessage.MXResource{Pref: 10, MX: mustName("mx1.example.com.")})
	add("example.com.", &dnsmessage.MXResource{Pref: 20, MX: mustName("mx2.example.com.")})
	add("example.com.", &dnsmessage.TXTResource{TXT: []string{"v=spf1 ip4:0.0.0.0 ~all"}})
	add("example.com.", &dnsmessage.TXTResource{TXT: []string{"hello world"}})
	add("example.com.", &dnsmessage.NSResource{NS: mustName("ns1.example.com.")})
	add("example.com.", &dnsmessage.NSResource{NS: mustName("ns2.example.com.")})
	add("_sip._tcp.example.com.", &dnsmessage.SRVResource{Priority: 10, Weight: 5, Port: 5060, Target: mustName("sip1.example.com.")})
	add("_sip._tcp.example.com.", &dnsmessage.SRVResource{Priority: 20, Weight: 0, Port: 5061, Target: mustName("sip2.example.com.")})
	add("alias.example.com.", &dnsmessage.CNAMEResource{CNAME: mustName("www.example.com.")})
	a("www.example.com.", "192.0.2.20")
	a("v6only.example.com.", "2001:db8::2")
}

func mustName(s string) dnsmessage.Name {
	n, err := dnsmessage.NewName(s)
	if err != nil {
		panic(err)
	}
	return n
}

func add(name string, body dnsmessage.ResourceBody) {
	zone[name] = append(zone[name], dnsmessage.Resource{
		Header: dnsmessage.ResourceHeader{Name: mustName(name), Class: dnsmessage.ClassINET, TTL: 60},
		Body:   body,
	})
}

// answers are the records for a question: those of its type, or the
// name's CNAME followed by its target's, as a server that holds both
// answers; ok is false when the name does not exist (NXDOMAIN).
func answers(q dnsmessage.Question) (rrs []dnsmessage.Resource, ok bool) {
	name := strings.ToLower(q.Name.String())
	records, ok := zone[name]
	for _, rr := range records {
		switch {
		case typeOf(rr.Body) == q.Type:
			rrs = append(rrs, rr)
		case typeOf(rr.Body) == dnsmessage.TypeCNAME:
			target := rr.Body.(*dnsmessage.CNAMEResource).CNAME
			more, _ := answers(dnsmessage.Question{Name: target, Type: q.Type, Class: q.Class})
			rrs = append(append(rrs, rr), more...)
		}
	}
	return rrs, ok
}

// typeOf is the record type of a body of the zone.
func typeOf(body dnsmessage.ResourceBody) dnsmessage.Type {
	switch body.(type) {
	case *dnsmessage.AResource:
		return dnsmessage.TypeA
	case *dnsmessage.AAAAResource:
		return dnsmessage.TypeAAAA
	case *dnsmessage.CNAMEResource:
		return dnsmessage.TypeCNAME
	case *dnsmessage.MXResource:
		return dnsmessage.TypeMX
	case *dnsmessage.NSResource:
		return dnsmessage.TypeNS
	case *dnsmessage.PTRResource:
		return dnsmessage.TypePTR
	case *dnsmessage.SRVResource:
		return dnsmessage.TypeSRV
	case *dnsmessage.TXTResource:
		return dnsmessage.TypeTXT
	}
	return 0
}

// server is a tiny authoritative DNS server over UDP on loopback, for the
// zone above: names under "servfail." answer SERVFAIL, unknown names
// NXDOMAIN, known names without the type asked an empty answer (NODATA).
type server struct {
	conn net.PacketConn
	done sync.WaitGroup
}

func startServer(t *testing.T) *server {
	t.Helper()
	conn, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &server{conn: conn}
	s.done.Add(1)
	go s.serve()
	t.Cleanup(s.close)
	return s
}

func (s *server) addr() string { return s.conn.LocalAddr().String() }

func (s *server) close() {
	s.conn.Close()
	s.done.Wait()
}

func (s *server) serve() {
	defer s.done.Done()
	buf := make([]byte, 1500)
	for {
		n, from, err := s.conn.ReadFrom(buf)
		if err != nil {
			return
		}
		if reply, ok := respond(buf[:n]); ok {
			s.conn.WriteTo(reply, from)
		}
	}
}

// respond builds the reply to one query message.
func respond(query []byte) ([]byte, bool) {
	var p dnsmessage.Parser
	h, err := p.Start(query)
	if err != nil {
		return nil, false
	}
	q, err := p.Question()
	if err != nil {
		return nil, false
	}
	rh := dnsmessage.Header{ID: h.ID, Response: true, Authoritative: true, RecursionDesired: h.RecursionDesired}
	rrs, ok := answers(q)
	switch {
	case strings.HasPrefix(strings.ToLower(q.Name.String()), "servfail."):
		rh.RCode = dnsmessage.RCodeServerFailure
		rrs = nil
	case !ok:
		rh.RCode = dnsmessage.RCodeNameError
	}
	b := dnsmessage.NewBuilder(nil, rh)
	b.EnableCompression()
	b.StartQuestions()
	b.Question(q)
	b.StartAnswers()
	for _, rr := range rrs {
		var err error
		switch body := rr.Body.(type) {
		case *dnsmessage.AResource:
			err = b.AResource(rr.Header, *body)
		case *dnsmessage.AAAAResource:
			err = b.AAAAResource(rr.Header, *body)
		case *dnsmessage.CNAMEResource:
			err = b.CNAMEResource(rr.Header, *body)
		case *dnsmessage.MXResource:
			err = b.MXResource(rr.Header, *body)
		case *dnsmessage.NSResource:
			err = b.NSResource(rr.Header, *body)
		case *dnsmessage.PTRResource:
			err = b.PTRResource(rr.Header, *body)
		case *dnsmessage.SRVResource:
			err = b.SRVResource(rr.Header, *body)
		case *dnsmessage.TXTResource:
			err = b.TXTResource(rr.Header, *body)
		}
		if err != nil {
			return nil, false
		}
	}
	reply, err := b.Finish()
	return reply, err == nil
}
