package dns_test

import (
	"bytes"
	"context"
	"net"
	"sort"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/gojatls/gojatls/runtime"
)

// resolverTo is a pure-Go resolver that sends every query to addr.
func resolverTo(addr string) *net.Resolver {
	return &net.Resolver{
		PreferGo: true,
		Dial: func(ctx context.Context, network, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, network, addr)
		},
	}
}

// run runs a script in a fresh runtime whose dns module asks r.
func run(t *testing.T, ctx context.Context, r *net.Resolver, source string) (int, string) {
	t.Helper()
	var out bytes.Buffer
	rt := runtime.New(runtime.Options{
		Stdin:    strings.NewReader(""),
		Stdout:   &out,
		Stderr:   &out,
		Resolver: r,
	})
	code, err := rt.RunString(ctx, "dns.js", source)
	if err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	return code, out.String()
}

// runOK runs a script against the test zone and fails unless it exits 0;
// it returns what the script printed.
func runOK(t *testing.T, source string) string {
	t.Helper()
	s := startServer(t)
	code, out := run(t, context.Background(), resolverTo(s.addr()), source)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, out)
	}
	return out
}

// prelude gives the scripts assert, dns, and check(err, code, syscall):
// the error object of 0.7.4's errnoException.
const prelude = `
var assert = require('assert');
var dns = require('dns');
function check(err, code, syscall) {
  assert.ok(err instanceof Error, 'not an Error: ' + err);
  assert.strictEqual(err.message, syscall + ' ' + code);
  assert.strictEqual(err.code, code);
  assert.strictEqual(err.errno, code);
  assert.strictEqual(err.syscall, syscall);
}
var pending = 0;
function expect(fn) {
  pending++;
  var called = false;
  return function () {
    assert.ok(!called, 'callback called twice');
    called = true;
    pending--;
    fn.apply(this, arguments);
  };
}
process.on('exit', function () { assert.strictEqual(pending, 0, pending + ' callbacks never called'); });
`

// Every resolve function gives the zone's records in 0.7.4's shapes, names
// without the root's dot, and resolve() with each rrtype gives the same.
func TestResolve(t *testing.T) {
	out := runOK(t, prelude+`
function sorted(a) { return a.slice().sort(); }
var async = false;
dns.resolve4('www.google.com', expect(function (err, addrs) {
  assert.ifError(err);
  assert.ok(async, 'callback before resolve4 returned');
  assert.deepEqual(sorted(addrs), ['192.0.2.1', '192.0.2.2']);
}));
async = true;
dns.resolve6('www.google.com', expect(function (err, addrs) {
  assert.ifError(err);
  assert.deepEqual(addrs, ['2001:db8::1']);
}));
dns.resolveMx('example.com', expect(function (err, mx) {
  assert.ifError(err);
  assert.strictEqual(JSON.stringify(mx),
    '[{"exchange":"mx1.example.com","priority":10},{"exchange":"mx2.example.com","priority":20}]');
}));
dns.resolveTxt('example.com', expect(function (err, txt) {
  assert.ifError(err);
  assert.deepEqual(sorted(txt), ['hello world', 'v=spf1 ip4:0.0.0.0 ~all']);
}));
dns.resolveSrv('_sip._tcp.example.com', expect(function (err, srv) {
  assert.ifError(err);
  assert.strictEqual(JSON.stringify(srv),
    '[{"name":"sip1.example.com","port":5060,"priority":10,"weight":5},' +
    '{"name":"sip2.example.com","port":5061,"priority":20,"weight":0}]');
}));
dns.resolveNs('example.com', expect(function (err, ns) {
  assert.ifError(err);
  assert.deepEqual(sorted(ns), ['ns1.example.com', 'ns2.example.com']);
}));
dns.resolveCname('alias.example.com', expect(function (err, names) {
  assert.ifError(err);
  assert.deepEqual(names, ['www.example.com']);
}));
dns.reverse('192.0.2.2', expect(function (err, names) {
  assert.ifError(err);
  assert.deepEqual(sorted(names), ['alt.google.com', 'www2.google.com']);
}));
dns.reverse('2001:db8::1', expect(function (err, names) {
  assert.ifError(err);
  assert.deepEqual(names, ['www.google.com']);
}));
dns.resolve('www.google.com', expect(function (err, addrs) {
  assert.ifError(err);
  assert.deepEqual(sorted(addrs), ['192.0.2.1', '192.0.2.2']);
}));
var byType = {
  A: ['www.google.com', '["192.0.2.1","192.0.2.2"]'],
  AAAA: ['www.google.com', '["2001:db8::1"]'],
  MX: ['example.com', '[{"exchange":"mx1.example.com","priority":10},{"exchange":"mx2.example.com","priority":20}]'],
  TXT: ['example.com', '["hello world","v=spf1 ip4:0.0.0.0 ~all"]'],
  SRV: ['_sip._tcp.example.com', '[{"name":"sip1.example.com","port":5060,"priority":10,"weight":5},{"name":"sip2.example.com","port":5061,"priority":20,"weight":0}]'],
  PTR: ['192.0.2.1', '["www.google.com"]'],
  NS: ['example.com', '["ns1.example.com","ns2.example.com"]'],
  CNAME: ['alias.example.com', '["www.example.com"]']
};
Object.keys(byType).forEach(function (type) {
  dns.resolve(byType[type][0], type, expect(function (err, result) {
    assert.ifError(err);
    if (type !== 'MX' && type !== 'SRV') result = sorted(result);
    assert.strictEqual(JSON.stringify(result), byType[type][1], type);
  }));
});
console.log('ok');
`)
	if out != "ok\n" {
		t.Fatalf("output %q", out)
	}
}

// Errors are 0.7.4's errnoException objects: the message "syscall CODE",
// code and errno both the code, syscall the cares_wrap binding's name (or
// getaddrinfo for lookup).
func TestErrors(t *testing.T) {
	runOK(t, prelude+`
var async = false;
dns.resolve4('nowhere.example.com', expect(function (err, addrs) {
  assert.ok(async, 'callback before resolve4 returned');
  check(err, 'ENOTFOUND', 'queryA');
  assert.strictEqual(addrs, undefined);
}));
async = true;
var queries = {
  resolve6: 'queryAaaa', resolveMx: 'queryMx', resolveTxt: 'queryTxt',
  resolveSrv: 'querySrv', resolveNs: 'queryNs', resolveCname: 'queryCname'
};
Object.keys(queries).forEach(function (fn) {
  dns[fn]('nowhere.example.com', expect(function (err) {
    check(err, 'ENOTFOUND', queries[fn]);
  }));
  dns[fn]('servfail.example.com', expect(function (err) {
    check(err, 'ESERVFAIL', queries[fn]);
  }));
});
dns.resolve4('servfail.example.com', expect(function (err) { check(err, 'ESERVFAIL', 'queryA'); }));
dns.reverse('192.0.2.99', expect(function (err) { check(err, 'ENOTFOUND', 'getHostByAddr'); }));
dns.lookup('nowhere.example.com', expect(function (err) { check(err, 'ENOTFOUND', 'getaddrinfo'); }));
// A name with records, none of the type asked (c-ares: ENODATA). Go's
// resolver does not tell it from NXDOMAIN, except for CNAME.
dns.resolve6('example.com', expect(function (err) { check(err, 'ENOTFOUND', 'queryAaaa'); }));
dns.resolveCname('www.google.com', expect(function (err) { check(err, 'ENODATA', 'queryCname'); }));
// Names no query can carry reach the callback, as c-ares's EBADNAME did.
dns.resolve4('a..example.com', expect(function (err) { check(err, 'EBADNAME', 'queryA'); }));
dns.resolveMx(new Array(65).join('x') + '.com', expect(function (err) { check(err, 'EBADNAME', 'queryMx'); }));
// Not an address: thrown at once, as cares_wrap returned no request.
assert.throws(function () { dns.reverse('www.google.com', function () {}); }, function (err) {
  check(err, 'EINVAL', 'getHostByAddr');
  return true;
});
assert.strictEqual(dns.NOTFOUND, 'ENOTFOUND');
assert.strictEqual(dns.SERVFAIL, 'ESERVFAIL');
assert.strictEqual(dns.NODATA, 'ENODATA');
assert.strictEqual(dns.BADNAME, 'EBADNAME');
assert.strictEqual(dns.TIMEOUT, 'ETIMEOUT');
assert.strictEqual(dns.CONNREFUSED, 'ECONNREFUSED');
`)
}

// lookup answers with the first address and its family; family 4 or 6
// limits it; IP literals and empty names answer themselves; the callback
// always comes after lookup has returned.
func TestLookup(t *testing.T) {
	runOK(t, prelude+`
var async = false;
dns.lookup('www.google.com', expect(function (err, address, family) {
  assert.ifError(err);
  assert.ok(async, 'callback before lookup returned');
  assert.ok(['192.0.2.1', '192.0.2.2', '2001:db8::1'].indexOf(address) >= 0, address);
  assert.strictEqual(family, address.indexOf(':') >= 0 ? 6 : 4);
}));
dns.lookup('www.google.com', 4, expect(function (err, address, family) {
  assert.ifError(err);
  assert.ok(['192.0.2.1', '192.0.2.2'].indexOf(address) >= 0, address);
  assert.strictEqual(family, 4);
}));
dns.lookup('www.google.com', '6', expect(function (err, address, family) {
  assert.ifError(err);
  assert.strictEqual(address, '2001:db8::1');
  assert.strictEqual(family, 6);
}));
dns.lookup('alias.example.com', null, expect(function (err, address, family) {
  assert.ifError(err);
  assert.strictEqual(address, '192.0.2.20');
  assert.strictEqual(family, 4);
}));
dns.lookup('v6only.example.com', 4, expect(function (err) {
  check(err, 'ENOTFOUND', 'getaddrinfo');
}));
dns.lookup('10.1.2.3', expect(function (err, address, family) {
  assert.ifError(err);
  assert.ok(async, 'callback before lookup returned');
  assert.strictEqual(address, '10.1.2.3');
  assert.strictEqual(family, 4);
}));
dns.lookup('::1', 4, expect(function (err, address, family) {
  assert.ifError(err);
  assert.strictEqual(address, '::1');
  assert.strictEqual(family, 6);
}));
[null, undefined, ''].forEach(function (name) {
  dns.lookup(name, expect(function (err, address, family) {
    assert.ok(async, 'callback before lookup returned');
    assert.strictEqual(err, null);
    assert.strictEqual(address, null);
    assert.strictEqual(family, 4);
  }));
});
dns.lookup('', 6, expect(function (err, address, family) {
  assert.strictEqual(address, null);
  assert.strictEqual(family, 6);
}));
async = true;
`)
}

// Bad arguments throw at once, with clear messages (0.7.4's for family and
// an unknown rrtype); no callback is called.
func TestBadInput(t *testing.T) {
	runOK(t, prelude+`
function throwsWith(fn, ctor, message) {
  assert.throws(fn, function (err) {
    assert.ok(err instanceof ctor, String(err));
    assert.strictEqual(err.message, message);
    return true;
  });
}
function never() { throw new Error('callback called'); }
throwsWith(function () { dns.lookup('example.com', 5, never); }, Error, 'invalid argument: `+"`family`"+` must be 4 or 6');
throwsWith(function () { dns.lookup('example.com', 'x', never); }, Error, 'invalid argument: `+"`family`"+` must be 4 or 6');
throwsWith(function () { dns.resolve('example.com', 'BOGUS', never); }, Error, 'Unknown type "BOGUS"');
throwsWith(function () { dns.resolve('example.com', 'toString', never); }, Error, 'Unknown type "toString"');
throwsWith(function () { dns.lookup(42, never); }, TypeError, 'hostname must be a string');
throwsWith(function () { dns.lookup({}, 4, never); }, TypeError, 'hostname must be a string');
throwsWith(function () { dns.lookup('example.com'); }, TypeError, 'callback must be a function');
throwsWith(function () { dns.lookup('example.com', 4); }, TypeError, 'callback must be a function');
throwsWith(function () { dns.lookup('10.0.0.1', 4, 'x'); }, TypeError, 'callback must be a function');
throwsWith(function () { dns.resolve4(42, never); }, TypeError, 'name must be a string');
throwsWith(function () { dns.reverse(null, never); }, TypeError, 'name must be a string');
throwsWith(function () { dns.resolveMx('example.com'); }, TypeError, 'callback must be a function');
throwsWith(function () { dns.resolve('example.com', 'MX'); }, TypeError, 'callback must be a function');
`)
}

// The documentation's example, verbatim, against the test zone.
func TestDocExample(t *testing.T) {
	out := runOK(t, `
    var dns = require('dns');

    dns.resolve4('www.google.com', function (err, addresses) {
      if (err) throw err;

      console.log('addresses: ' + JSON.stringify(addresses));

      addresses.forEach(function (a) {
        dns.reverse(a, function (err, domains) {
          if (err) {
            console.log('reverse for ' + a + ' failed: ' +
              err.message);
          } else {
            console.log('reverse for ' + a + ': ' +
              JSON.stringify(domains));
          }
        });
      });
    });
`)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("output %q", out)
	}
	// The two reverse lookups run at once: their lines come in either
	// order, as with c-ares.
	sort.Strings(lines[1:])
	first := lines[0]
	if first != `addresses: ["192.0.2.1","192.0.2.2"]` && first != `addresses: ["192.0.2.2","192.0.2.1"]` {
		t.Errorf("first line %q", first)
	}
	if lines[1] != `reverse for 192.0.2.1: ["www.google.com"]` {
		t.Errorf("line %q", lines[1])
	}
	if lines[2] != `reverse for 192.0.2.2: ["www2.google.com","alt.google.com"]` &&
		lines[2] != `reverse for 192.0.2.2: ["alt.google.com","www2.google.com"]` {
		t.Errorf("line %q", lines[2])
	}
}

// No server answers on the port: ECONNREFUSED, as c-ares said when it
// could reach no server.
func TestConnRefused(t *testing.T) {
	c, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := c.LocalAddr().String()
	c.Close()
	code, out := run(t, context.Background(), resolverTo(addr), prelude+`
dns.resolve4('www.google.com', expect(function (err) { check(err, 'ECONNREFUSED', 'queryA'); }));
dns.lookup('www.google.com', expect(function (err) { check(err, 'ECONNREFUSED', 'getaddrinfo'); }));
`)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, out)
	}
}

// shortDeadline is a UDP connection whose reads give up soon, so that the
// resolver's timeout (seconds, from resolv.conf) comes quickly.
type shortDeadline struct{ *net.UDPConn }

func (c shortDeadline) SetDeadline(time.Time) error {
	return c.UDPConn.SetDeadline(time.Now().Add(50 * time.Millisecond))
}

// A server that never answers: ETIMEOUT.
func TestTimeout(t *testing.T) {
	silent, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer silent.Close()
	r := &net.Resolver{
		PreferGo: true,
		Dial: func(ctx context.Context, network, _ string) (net.Conn, error) {
			c, err := net.DialUDP("udp", nil, silent.LocalAddr().(*net.UDPAddr))
			if err != nil {
				return nil, err
			}
			return shortDeadline{c}, nil
		},
	}
	code, out := run(t, context.Background(), r, prelude+`
dns.resolveMx('example.com', expect(function (err) { check(err, 'ETIMEOUT', 'queryMx'); }));
`)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, out)
	}
}

// A lookup the server never answers keeps the program alive until the
// program exits; the runtime's end then ends it, and nothing is left.
func TestExitEndsLookups(t *testing.T) {
	silent, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer silent.Close()
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	code, out := run(t, context.Background(), resolverTo(silent.LocalAddr().String()), `
var dns = require('dns');
dns.resolve4('www.google.com', function () { throw new Error('answered'); });
dns.lookup('www.google.com', function () { throw new Error('answered'); });
setTimeout(function () { console.log('exiting'); process.exit(3); }, 10);
`)
	if code != 3 || out != "exiting\n" {
		t.Fatalf("exit %d\n%s", code, out)
	}
}

// After a run with every kind of query, no goroutine is left.
func TestNoGoroutineLeft(t *testing.T) {
	s := startServer(t)
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	code, out := run(t, context.Background(), resolverTo(s.addr()), `
var dns = require('dns');
dns.lookup('www.google.com', function (err) { if (err) throw err; });
['A', 'AAAA', 'MX', 'TXT', 'NS'].forEach(function (type) {
  dns.resolve('example.com', type, function () {});
});
dns.reverse('192.0.2.1', function (err) { if (err) throw err; });
`)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, out)
	}
}
