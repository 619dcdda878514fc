//go:build !linux

package constants

import "syscall"

// fsConstants are the open() flags Go defines on every system (the full
// list is Linux's, fs_linux.go).
var fsConstants = []constant{
	{"O_RDONLY", syscall.O_RDONLY}, {"O_WRONLY", syscall.O_WRONLY}, {"O_RDWR", syscall.O_RDWR},
	{"O_CREAT", syscall.O_CREAT}, {"O_EXCL", syscall.O_EXCL}, {"O_TRUNC", syscall.O_TRUNC},
	{"O_APPEND", syscall.O_APPEND}, {"O_SYNC", syscall.O_SYNC},
}
