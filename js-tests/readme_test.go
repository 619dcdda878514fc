package jstests

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadmeCommands checks that the README's "two commands" can be run as
// pasted from the repository's root, and that the test command it shows is
// the one .ci/run runs, line for line.
func TestReadmeCommands(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	ci, err := os.ReadFile("../.ci/run")
	if err != nil {
		t.Fatal(err)
	}
	section := string(readme)
	start := strings.Index(section, "\n## The two commands\n")
	if start < 0 {
		t.Fatal(`README.md has no "## The two commands" section`)
	}
	section = section[start+1:]
	if end := strings.Index(section, "\n## "); end >= 0 {
		section = section[:end]
	}
	blocks := shellBlocks(section)
	if len(blocks) < 2 {
		t.Fatalf("the two-commands section has %d sh blocks, want the commands and the test command", len(blocks))
	}

	commands := blocks[0]
	var serve, ciRun bool
	for _, line := range commands {
		switch line {
		case "(cd js-tests/examples && go run ../../cmd/gojatls tls-server.js)":
			serve = true
		case "bash .ci/run":
			ciRun = true
		}
	}
	if !serve || !ciRun {
		t.Fatalf("the first block should run the documented server in a subshell and then `bash .ci/run`, from the root:\n%s",
			strings.Join(commands, "\n"))
	}
	for _, path := range []string{"examples/tls-server.js", "../cmd/gojatls/main.go"} {
		if _, err := os.Stat(filepath.FromSlash(path)); err != nil {
			t.Errorf("the README's command needs %s: %v", path, err)
		}
	}

	// The test command must appear in .ci/run as the same lines, in order.
	testCommand := strings.Join(blocks[1], "\n")
	var ciLines []string
	for _, line := range strings.Split(string(ci), "\n") {
		ciLines = append(ciLines, strings.TrimSpace(line))
	}
	if !strings.Contains("\n"+strings.Join(ciLines, "\n")+"\n", "\n"+testCommand+"\n") {
		t.Fatalf(".ci/run does not run the README's test command as written:\n%s", testCommand)
	}
}

// shellBlocks returns the non-comment, non-empty lines of each ```sh block.
func shellBlocks(markdown string) [][]string {
	var blocks [][]string
	var cur []string
	in := false
	for _, line := range strings.Split(markdown, "\n") {
		switch {
		case !in && strings.TrimSpace(line) == "```sh":
			in, cur = true, nil
		case in && strings.TrimSpace(line) == "```":
			in = false
			blocks = append(blocks, cur)
		case in:
			if l := strings.TrimSpace(line); l != "" && !strings.HasPrefix(l, "#") {
				cur = append(cur, l)
			}
		}
	}
	return blocks
}
