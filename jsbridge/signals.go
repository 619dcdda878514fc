package jsbridge

import (
	"fmt"
	"syscall"
)

// Signal is a signal as scripts name it ("SIGTERM"), for process.on and
// process.kill and for child.kill and the 'exit' event of child processes.
type Signal struct {
	Name string
	Sig  syscall.Signal
}

// Signals are the signals known by name on this system.
func Signals() []Signal { return signals }

// SignalByName returns the signal a name such as "SIGTERM" stands for.
func SignalByName(name string) (syscall.Signal, bool) {
	for _, s := range signals {
		if s.Name == name {
			return s.Sig, true
		}
	}
	return 0, false
}

// SignalName is the name of sig; the first name listed wins where two share
// a number (SIGABRT over SIGIOT). An unknown signal is "SIG" and its number.
func SignalName(sig syscall.Signal) string {
	for _, s := range signals {
		if s.Sig == sig {
			return s.Name
		}
	}
	return fmt.Sprintf("SIG%d", int(sig))
}
