package net_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"
	"go.uber.org/goleak"

	"github.com/gojatls/gojatls/jsbridge"
	netmod "github.com/gojatls/gojatls/modules/net"
	"github.com/gojatls/gojatls/runtime"
)

// lines is a read strategy for the tests: each line read is a 'line' event
// on the socket; the line "UPGRADE\n" is an 'upgrade' event with the bytes
// buffered after it, and raw chunks follow.
type lines struct{ e *jsbridge.Env }

func (l lines) NewReader() netmod.ReadStrategy { return l }

func (l lines) Next(src *netmod.Source) (netmod.Item, error) {
	line, err := src.Buffered().ReadString('\n')
	if err != nil {
		if line != "" {
			return event{l.e, "line", []byte(line)}, err
		}
		return nil, err
	}
	if line == "UPGRADE\n" {
		src.ReadRaw()
		return event{l.e, "upgrade", src.TakeBuffered()}, nil
	}
	return event{l.e, "line", []byte(line)}, nil
}

type event struct {
	e    *jsbridge.Env
	name string
	data []byte
}

func (ev event) Deliver(c *netmod.Conn) {
	ev.e.Emit(c.Owner(), ev.name, ev.e.VM.ToValue(string(ev.data)))
}

// linesModule is require('lines'): lines.factory for servers,
// lines.reader() for a socket.
var linesModule = &jsbridge.Module{Name: "lines", Native: func(e *jsbridge.Env, b *goja.Object) {
	b.Set("factory", e.NewWrapped(nil, netmod.ReaderFactory(lines{e})))
	b.Set("reader", e.Func(func(goja.FunctionCall) goja.Value {
		return e.NewWrapped(nil, netmod.ReadStrategy(lines{e}))
	}))
}}

func runLines(t *testing.T, source string) {
	t.Helper()
	defer goleak.VerifyNone(t)
	var out bytes.Buffer
	rt := runtime.New(runtime.Options{
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: &out,
		Modules: []*jsbridge.Module{linesModule},
	})
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	code, err := rt.RunString(ctx, "lines.js", source)
	if err != nil || code != 0 {
		t.Fatalf("exit %d, %v\n%s", code, err, out.String())
	}
}

// A server whose connections read lines from the first byte: the lines
// come in order, a pause holds them (none while paused, all after),
// bytesRead counts what they consumed, and after "UPGRADE" the bytes
// buffered behind it and then raw chunks follow, as 'data'.
func TestReadStrategyServer(t *testing.T) {
	runLines(t, `
		var net = require('net'), assert = require('assert'), lines = require('lines');
		var server = net.createServer(function (c) {
			var got = [], paused = false, raw = '';
			c.on('line', function (l) {
				assert(!paused, 'a line while paused');
				got.push(l);
				if (l === 'b\n') {
					paused = true;
					c.pause();
					setTimeout(function () { paused = false; c.resume(); }, 20);
				}
			});
			c.on('upgrade', function (head) {
				assert.deepEqual(got, ['a\n', 'b\n', 'c\n']);
				assert.strictEqual(c.bytesRead, 14 + head.length);
				raw = head;
				c.on('data', function (d) { raw += d; });
			});
			c.on('end', function () {
				assert.strictEqual(raw, 'raw bytes, more');
				assert.strictEqual(c.bytesRead, 14 + raw.length);
				c.end();
				server.close();
			});
		});
		server._connectionReader = lines.factory;
		server.listen(0, '127.0.0.1', function () {
			var c = net.connect(server.address().port, '127.0.0.1', function () {
				c.write('a\nb\nc\nUPGRADE\nraw bytes');
				setTimeout(function () { c.end(', more'); }, 50);
			});
		});
	`)
}

// A socket that switches from raw chunks to lines while it reads: the raw
// 'data' before the switch and the lines after it are the stream sent, in
// order, whatever was in flight at the switch; and a client socket set to
// read lines before it connects reads lines from the first byte.
func TestReadStrategySwitch(t *testing.T) {
	runLines(t, `
		var net = require('net'), assert = require('assert'), lines = require('lines');
		var sent = 'hello\n';
		for (var i = 0; i < 2000; i++) sent += i + '\n';
		var server = net.createServer(function (c) {
			var raw = '', got = '';
			c.setEncoding('utf8');
			c.once('data', function (d) {
				raw = d;
				c._setReader(lines.reader());
			});
			c.on('line', function (l) { got += l; });
			c.on('end', function () {
				assert.strictEqual(raw + got, sent);
				assert.strictEqual(c.bytesRead, sent.length);
				c.end('x\ny\n');
				server.close();
			});
		});
		server.listen(0, '127.0.0.1', function () {
			var c = net.connect(server.address().port, '127.0.0.1');
			c._setReader(lines.reader());
			var got = [];
			c.on('line', function (l) { got.push(l); });
			c.on('connect', function () {
				c.setNoDelay(true);
				for (var i = 0; i < sent.length; i += 7) c.write(sent.slice(i, i + 7));
				c.end();
			});
			c.on('close', function () { assert.deepEqual(got, ['x\n', 'y\n']); });
		});
	`)
}
