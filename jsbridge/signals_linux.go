package jsbridge

import "syscall"

// Linux's signals beyond the common ones, which Node's constants list
// too. SIGPOLL is SIGIO's number, which keeps its name (listed first).
var platformSignals = []Signal{
	{"SIGSTKFLT", syscall.SIGSTKFLT}, {"SIGPOLL", syscall.SIGPOLL}, {"SIGPWR", syscall.SIGPWR},
}
