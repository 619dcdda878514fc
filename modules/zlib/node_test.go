package zlib_test

import (
	"os/exec"
	"strings"
	"testing"
)

// The payload both sides compress: text, repeated enough to compress, with
// a non-ASCII character.
const payload = `'The quick brown fox jumps over the lazy dog \u20ac. '`

func needNode(t *testing.T) string {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed: the cross-check with node's zlib is skipped (.ci/run installs it)")
	}
	return node
}

// nodeRun runs a node script and returns its stdout.
func nodeRun(t *testing.T, node, script string, stdin string) string {
	t.Helper()
	cmd := exec.Command(node, "-e", script)
	cmd.Stdin = strings.NewReader(stdin)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, out)
	}
	return string(out)
}

// TestNodeDecompressesOurs: node's zlib decompresses what every gojatls
// compressor made, with default and tuned options.
func TestNodeDecompressesOurs(t *testing.T) {
	node := needNode(t)
	code, out := run(t, `
var zlib = require('zlib');
var input = new Array(2000).join(`+payload+`);
var jobs = [['Gzip', {}], ['Deflate', {}], ['DeflateRaw', {}],
            ['Gzip', {level: 1}], ['Deflate', {level: 9, strategy: zlib.Z_HUFFMAN_ONLY}],
            ['DeflateRaw', {level: 0}]];
var results = [];
jobs.forEach(function(job, i) {
  var s = zlib['create' + job[0]](job[1]);
  var parts = [];
  s.on('data', function(d) { parts.push(d.toString('base64')); });
  s.on('end', function() { results[i] = job[0] + ' ' + parts.join(','); if (results.filter(Boolean).length === jobs.length) console.log(results.join('\n')); });
  for (var off = 0; off < input.length; off += 9999) s.write(input.slice(off, off + 9999));
  s.end();
});
`)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, out)
	}
	got := nodeRun(t, node, `
const zlib = require('zlib');
const want = new Array(2000).join(`+payload+`);
let lines = require('fs').readFileSync(0, 'utf8').trim().split('\n');
if (lines.length !== 6) throw new Error('expected 6 lines, got ' + lines.length);
for (const line of lines) {
  const [kind, b64] = line.split(' ');
  const data = Buffer.concat(b64.split(',').map(p => Buffer.from(p, 'base64')));
  const back = {Gzip: zlib.gunzipSync, Deflate: zlib.inflateSync, DeflateRaw: zlib.inflateRawSync}[kind](data);
  console.log(kind, back.toString() === want ? 'same' : 'DIFFERENT');
}
`, out)
	want := "Gzip same\nDeflate same\nDeflateRaw same\nGzip same\nDeflate same\nDeflateRaw same\n"
	if got != want {
		t.Fatalf("node says:\n%s", got)
	}
}

// TestWeDecompressNodes: gojatls decompresses what node's zlib made, for
// every decompressor, Unzip with both headers, and a dictionary.
func TestWeDecompressNodes(t *testing.T) {
	node := needNode(t)
	made := nodeRun(t, node, `
const zlib = require('zlib');
const input = new Array(2000).join(`+payload+`);
console.log(JSON.stringify({
  gzip: zlib.gzipSync(input).toString('base64'),
  deflate: zlib.deflateSync(input, {level: 9}).toString('base64'),
  raw: zlib.deflateRawSync(input, {strategy: zlib.constants.Z_FILTERED}).toString('base64'),
  dict: zlib.deflateSync(input, {dictionary: Buffer.from('quick brown fox')}).toString('base64'),
  small: zlib.deflateSync(input, {windowBits: 9, memLevel: 1}).toString('base64')
}));
`, "")
	code, out := run(t, `
var zlib = require('zlib');
var made = `+made+`;
var want = new Array(2000).join(`+payload+`);
var checks = [['gunzip', made.gzip], ['unzip', made.gzip], ['inflate', made.deflate],
              ['unzip', made.deflate], ['inflateRaw', made.raw], ['inflate', made.small]];
checks.forEach(function(c) {
  zlib[c[0]](new Buffer(c[1], 'base64'), function(err, back) {
    console.log(c[0], err ? err.message : back.toString() === want ? 'same' : 'DIFFERENT');
  });
});
var inf = zlib.createInflate({dictionary: new Buffer('quick brown fox')});
var text = '';
inf.on('data', function(d) { text += d; });
inf.on('end', function() { console.log('dictionary', text === want ? 'same' : 'DIFFERENT'); });
inf.end(new Buffer(made.dict, 'base64'));
`)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, out)
	}
	// Seven checks, each printing its name and "same" when the bytes match.
	if strings.Count(out, "same") != 7 {
		t.Fatalf("gojatls says:\n%s", out)
	}
}
