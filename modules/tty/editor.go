package tty

import (
	"errors"
	"io"
	"os"
	"strings"
	"sync"

	"github.com/dop251/goja"
	"golang.org/x/term"

	"github.com/gojatls/gojatls/jsbridge"
)

// editor is readline's line editing on a terminal: golang.org/x/term's
// Terminal (prompt, echo, cursor keys, Ctrl-A/E/K/U/W, history with the
// arrow keys) drawing on the output terminal. Its input is what the
// script's input stream delivers ('data' on the loop, fed in with feed),
// so the stream stays the one reader of stdin as in Node, where readline
// listens to its input's keypresses.
//
// ReadLine runs on the editor's own goroutine, one line per request
// (readline's prompt() and question(), or the next line after one was
// handled). Lines, Ctrl-C and the end of input are posted to the loop.
// Tab completion calls the JS completer on the loop and waits for its
// answer, as SNICallback does; the loop never waits for the editor except
// for the terminal's own lock while it draws a key.
type editor struct {
	e   *jsbridge.Env
	t   *term.Terminal
	out *os.File

	onLine, onSigint, onEnd, complete goja.Value

	mu      sync.Mutex
	cond    *sync.Cond
	queue   []byte // fed, not yet read by the Terminal
	ended   bool   // the input ended: the Terminal reads EOF
	closed  bool
	cancel  bool          // the outstanding ReadLine is to return (prompt change)
	reading bool          // a ReadLine is outstanding or requested
	handed  int           // bytes the outstanding ReadLine has taken
	prompt  string        // the prompt of the next ReadLine
	wake    chan struct{} // read requests
	done    chan struct{} // closed by close
	handle  *jsbridge.Handle
}

// sigintKey stands for Ctrl-C inside the editor: x/term would end the
// line as at Ctrl-D, while readline emits 'SIGINT' and keeps reading.
// U+FDD0 is a Unicode noncharacter, set aside for internal use, that the
// Terminal hands to the AutoCompleteCallback like any unbound key.
const sigintKey = '\uFDD0'

var errCancelled = errors.New("read cancelled")

func newEditor(e *jsbridge.Env, out *os.File, onLine, onSigint, onEnd, complete goja.Value) *editor {
	ed := &editor{e: e, out: out, onLine: onLine, onSigint: onSigint, onEnd: onEnd, complete: complete,
		wake: make(chan struct{}, 1), done: make(chan struct{}), handle: e.NewHandle()}
	ed.cond = sync.NewCond(&ed.mu)
	ed.t = term.NewTerminal(editorIO{ed}, "")
	ed.t.History = &history{}
	ed.t.AutoCompleteCallback = ed.key
	if w, h, err := term.GetSize(int(out.Fd())); err == nil {
		_ = ed.t.SetSize(w, h)
	}
	go ed.run()
	return ed
}

// run is the editor's goroutine: one ReadLine per request.
func (ed *editor) run() {
	for {
		select {
		case <-ed.wake:
		case <-ed.done:
			return
		}
		ed.mu.Lock()
		if ed.closed {
			ed.mu.Unlock()
			return
		}
		ed.handed, ed.cancel = 0, false
		ed.t.SetPrompt(ed.prompt)
		ed.mu.Unlock()
		line, err := ed.t.ReadLine()
		ed.mu.Lock()
		closed := ed.closed
		if err == errCancelled && !closed {
			ed.mu.Unlock()
			ed.request()
			continue
		}
		ed.reading = false
		ed.mu.Unlock()
		if closed {
			return
		}
		if err != nil && !errors.Is(err, term.ErrPasteIndicator) {
			// Ctrl-D on an empty line, or the input ended.
			ed.e.Post(func() { ed.deliver(ed.onEnd, "") })
			return
		}
		ed.e.Post(func() { ed.deliver(ed.onLine, line) })
	}
}

// deliver calls a JS callback with a line on the loop; if the callback
// asked for no further line, the editor reads the next one without a
// prompt, as readline goes on reading after 'line'.
func (ed *editor) deliver(fn goja.Value, line string) {
	if ed.isClosed() {
		return
	}
	ed.e.Call(fn, goja.Undefined(), ed.e.VM.ToValue(line))
	ed.mu.Lock()
	again := !ed.reading && !ed.closed && !ed.ended && fn != ed.onEnd
	ed.mu.Unlock()
	if again {
		ed.read("")
	}
}

func (ed *editor) isClosed() bool {
	ed.mu.Lock()
	defer ed.mu.Unlock()
	return ed.closed
}

// request wakes the goroutine for one more ReadLine.
func (ed *editor) request() {
	select {
	case ed.wake <- struct{}{}:
	default:
	}
}

// read asks for a line with prompt (loop goroutine). With a ReadLine
// already outstanding, the prompt on the screen changes: at once when
// nothing was typed yet, else redrawn around what was typed.
func (ed *editor) read(prompt string) {
	ed.mu.Lock()
	if ed.closed {
		ed.mu.Unlock()
		return
	}
	ed.prompt = prompt
	if !ed.reading {
		ed.reading = true
		ed.mu.Unlock()
		ed.request()
		return
	}
	if ed.handed == 0 {
		ed.cancel = true
		ed.cond.Broadcast()
		ed.mu.Unlock()
		return
	}
	ed.mu.Unlock()
	ed.t.SetPrompt(prompt)
	_, _ = ed.t.Write(nil) // redraws prompt and line when they are shown
}

// feed hands input bytes to the editor (loop goroutine).
func (ed *editor) feed(b []byte) {
	ed.mu.Lock()
	for _, c := range b {
		if c == 3 { // Ctrl-C
			ed.queue = append(ed.queue, string(sigintKey)...)
		} else {
			ed.queue = append(ed.queue, c)
		}
	}
	ed.mu.Unlock()
	ed.cond.Broadcast()
}

// end tells the editor that its input ended.
func (ed *editor) end() {
	ed.mu.Lock()
	ed.ended = true
	ed.mu.Unlock()
	ed.cond.Broadcast()
}

// close stops the editor; an outstanding ReadLine returns and nothing
// more is posted (loop goroutine).
func (ed *editor) close() {
	ed.mu.Lock()
	if ed.closed {
		ed.mu.Unlock()
		return
	}
	ed.closed = true
	ed.mu.Unlock()
	ed.cond.Broadcast()
	close(ed.done)
	ed.handle.Close()
}

// write writes output from the script while the editor draws: a shown
// prompt and line are moved below it.
func (ed *editor) write(b []byte) {
	_, _ = ed.t.Write(b)
}

// key is the Terminal's AutoCompleteCallback: Ctrl-C and Tab (editor
// goroutine).
func (ed *editor) key(line string, pos int, key rune) (string, int, bool) {
	switch key {
	case sigintKey:
		ed.mu.Lock()
		ed.handed = 0 // the line is cleared: a new prompt may replace it
		ed.mu.Unlock()
		ed.e.Post(func() {
			if !ed.isClosed() {
				ed.e.Call(ed.onSigint, goja.Undefined(), ed.e.VM.ToValue(line))
			}
		})
		return "", 0, true
	case '\t':
		return ed.tab(line, pos)
	}
	return "", 0, false
}

// tab completes the text before the cursor with readline's completer, as
// 0.7.4's readline does: one completion is inserted; several are listed
// in columns and their common prefix is inserted.
func (ed *editor) tab(line string, pos int) (string, int, bool) {
	type answer struct {
		list []string
		on   string
	}
	ch := make(chan answer, 1)
	reply := func(a answer) {
		select {
		case ch <- a:
		default: // answered already
		}
	}
	ed.e.PostOr(func() {
		// callback(err, [completions, completeOn])
		cb := ed.e.Func(func(call goja.FunctionCall) goja.Value {
			var a answer
			res, ok := call.Argument(1).(*goja.Object)
			if failed := call.Argument(0); ok && (goja.IsUndefined(failed) || goja.IsNull(failed)) {
				_ = ed.e.VM.ExportTo(res.Get("0"), &a.list)
				if on := res.Get("1"); on != nil && !goja.IsUndefined(on) {
					a.on = on.String()
				}
			}
			reply(a)
			return goja.Undefined()
		})
		if _, ok := ed.e.Call(ed.complete, goja.Undefined(), ed.e.VM.ToValue(line[:pos]), cb); !ok {
			reply(answer{})
		}
	}, func() { reply(answer{}) })
	var a answer
	select {
	case a = <-ch:
	case <-ed.done:
		return "", 0, false
	}
	var list []string
	for _, c := range a.list {
		if c != "" {
			list = append(list, c)
		}
	}
	if len(list) == 0 || !strings.HasSuffix(line[:pos], a.on) {
		return "", 0, false
	}
	insert := ""
	if len(list) == 1 {
		insert = list[0][min(len(a.on), len(list[0])):]
	} else {
		// The line stays above the list, as where Tab was pressed.
		ed.mu.Lock()
		shown := ed.prompt + line
		ed.mu.Unlock()
		_, _ = ed.t.Write([]byte(shown + columns(a.list, ed.width())))
		if p := commonPrefix(list); len(p) > len(a.on) {
			insert = p[len(a.on):]
		}
	}
	return line[:pos] + insert + line[pos:], pos + len(insert), true
}

func (ed *editor) width() int {
	if w, _, err := term.GetSize(int(ed.out.Fd())); err == nil && w > 0 {
		return w
	}
	return 80
}

// columns lays out completions as 0.7.4's readline does: groups separated
// by "" entries, each in as many columns as fit, a blank line after each.
func columns(all []string, width int) string {
	longest := 0
	for _, c := range all {
		longest = max(longest, len(c))
	}
	colWidth := longest + 2
	perRow := max(width/colWidth, 1)
	var b strings.Builder
	b.WriteString("\n")
	var group []string
	flush := func() {
		for i := 0; i < len(group); i += perRow {
			row := group[i:min(i+perRow, len(group))]
			for j, c := range row {
				b.WriteString(c)
				if j < len(row)-1 {
					b.WriteString(strings.Repeat(" ", colWidth-len(c)))
				}
			}
			b.WriteString("\n")
		}
		if len(group) > 0 {
			b.WriteString("\n")
		}
		group = group[:0]
	}
	for _, c := range all {
		if c == "" {
			flush()
		} else {
			group = append(group, c)
		}
	}
	flush()
	return b.String()
}

func commonPrefix(list []string) string {
	p := list[0]
	for _, s := range list[1:] {
		for !strings.HasPrefix(s, p) {
			p = p[:len(p)-1]
		}
	}
	return p
}

// editorIO is the Terminal's connection: reads take fed bytes, writes go
// to the output terminal.
type editorIO struct{ ed *editor }

func (io_ editorIO) Read(p []byte) (int, error) {
	ed := io_.ed
	ed.mu.Lock()
	defer ed.mu.Unlock()
	for len(ed.queue) == 0 && !ed.ended && !ed.closed && !ed.cancel {
		ed.cond.Wait()
	}
	switch {
	case ed.closed:
		return 0, io.EOF
	case ed.cancel:
		ed.cancel = false
		return 0, errCancelled
	case len(ed.queue) == 0:
		return 0, io.EOF
	}
	n := copy(p, ed.queue)
	ed.queue = ed.queue[n:]
	ed.handed += n
	return n, nil
}

func (io_ editorIO) Write(p []byte) (int, error) { return io_.ed.out.Write(p) }

// history is readline's: the last 30 lines (kHistorySize in 0.7.4 and
// today), newest first, without empty lines or a repeat of the newest.
type history struct{ lines []string }

const historySize = 30

func (h *history) Add(line string) {
	if strings.TrimSpace(line) == "" || (len(h.lines) > 0 && h.lines[0] == line) {
		return
	}
	h.lines = append([]string{line}, h.lines[:min(len(h.lines), historySize-1)]...)
}

func (h *history) Len() int { return len(h.lines) }

func (h *history) At(i int) string { return h.lines[i] }
