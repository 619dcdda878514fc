//go:build !unix

package runtime

import (
	"os"
	"syscall"
)

// umask: the system has no file mode creation mask; it reads as 0.
func umask(int) int { return 0 }

// kill sends sig to the process pid, as far as the system can (os.Process).
func kill(pid int, sig syscall.Signal) error {
	p, err := os.FindProcess(pid)
	if err != nil {
		return err
	}
	return p.Signal(sig)
}
