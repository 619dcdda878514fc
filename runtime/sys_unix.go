//go:build unix

package runtime

import "syscall"

// umask sets the process's file mode creation mask and returns the old one.
func umask(mask int) int { return syscall.Umask(mask) }

// kill sends sig to the process pid.
func kill(pid int, sig syscall.Signal) error { return syscall.Kill(pid, sig) }
