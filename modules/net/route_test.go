package net_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/hex"
	"io"
	"net"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/gojatls/gojatls/runtime"
)

// What a script does after pipe(), in the same callback, counts for every
// chunk, as in Node, where no data is read before the callback returns:
// here the socket's reader runs meanwhile, and the data is already there.
// The server pipes the socket into itself, then, after a busy 100 ms
// during which the client's bytes arrive, sets the encoding to hex or adds
// a 'data' listener that counts. The client (Go, writing as soon as it is
// connected) must get back the hex of every byte, or the spy must have seen
// every byte (and the echo be whole).
func TestChangesAfterPipeCountForEveryChunk(t *testing.T) {
	data := bytes.Repeat([]byte("0123456789abcdef"), 4096) // 64 KiB
	cases := []struct {
		name, change string
		echo         []byte
		seen         string // what the script prints at the end
	}{
		{"setEncoding", "s.setEncoding('hex');", []byte(hex.EncodeToString(data)), "seen 0"},
		{"data listener", "s.on('data', function (d) { seen += d.length; });", data, "seen 65536"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			script := `
				var net = require('net');
				var seen = 0;
				var server = net.createServer(function (s) {
					s.pipe(s);
					var until = Date.now() + 100;
					while (Date.now() < until) {}
					` + tc.change + `
					s.on('close', function () {
						console.log('seen ' + seen);
						server.close();
					});
				});
				server.listen(0, '127.0.0.1', function () {
					console.log(server.address().port);
				});`
			outR, outW, err := os.Pipe()
			if err != nil {
				t.Fatal(err)
			}
			defer outR.Close()
			rt := runtime.New(runtime.Options{Stdin: strings.NewReader(""), Stdout: outW, Stderr: outW})
			ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
			defer cancel()
			done := make(chan error, 1)
			go func() {
				code, err := rt.RunString(ctx, "after-pipe.js", script)
				if err == nil && code != 0 {
					err = io.ErrUnexpectedEOF
				}
				outW.Close()
				done <- err
			}()
			lines := bufio.NewScanner(outR)
			if !lines.Scan() {
				t.Fatalf("no port printed: %v", <-done)
			}
			conn, err := net.Dial("tcp", "127.0.0.1:"+lines.Text())
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			if _, err := conn.Write(data); err != nil {
				t.Fatal(err)
			}
			conn.(*net.TCPConn).CloseWrite()
			conn.SetReadDeadline(time.Now().Add(30 * time.Second))
			echo, err := io.ReadAll(conn)
			if err != nil {
				t.Fatal(err)
			}
			conn.Close()
			if !bytes.Equal(echo, tc.echo) {
				n := min(len(echo), 40)
				t.Errorf("echo of %d bytes, want %d; it begins %q", len(echo), len(tc.echo), echo[:n])
			}
			var rest []string
			for lines.Scan() {
				rest = append(rest, lines.Text())
			}
			if err := <-done; err != nil {
				t.Fatalf("script: %v; output %q", err, rest)
			}
			if len(rest) != 1 || rest[0] != tc.seen {
				t.Errorf("the script printed %q at the end, want %q", rest, tc.seen)
			}
		})
	}
}
