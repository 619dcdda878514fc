//go:build !unix

package jsbridge

import "syscall"

// The signals the system defines elsewhere (Windows has these names).
var signals = []Signal{
	{"SIGHUP", syscall.SIGHUP}, {"SIGINT", syscall.SIGINT}, {"SIGQUIT", syscall.SIGQUIT},
	{"SIGILL", syscall.SIGILL}, {"SIGTRAP", syscall.SIGTRAP}, {"SIGABRT", syscall.SIGABRT},
	{"SIGBUS", syscall.SIGBUS}, {"SIGFPE", syscall.SIGFPE}, {"SIGKILL", syscall.SIGKILL},
	{"SIGSEGV", syscall.SIGSEGV}, {"SIGPIPE", syscall.SIGPIPE}, {"SIGALRM", syscall.SIGALRM},
	{"SIGTERM", syscall.SIGTERM},
}
