//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

package tty

import (
	"syscall"

	"golang.org/x/sys/unix"
	"golang.org/x/term"
)

// termState is a terminal's saved settings.
type termState unix.Termios

// setRaw switches stdin between raw and cooked mode. Raw is libuv's raw
// mode, which Node uses: no echo, no line buffering, no signals from
// Ctrl-C or Ctrl-Z, 8-bit input; unlike golang.org/x/term's MakeRaw it
// keeps output processing, so that "\n" still starts a new line for what
// the program writes meanwhile.
func (b *binding) setRaw(raw bool) error {
	f := b.stdio[0]
	if f == nil || !term.IsTerminal(int(f.Fd())) {
		return syscall.ENOTTY
	}
	fd := int(f.Fd())
	if !raw {
		return b.restoreErr()
	}
	if b.cooked == nil {
		st, err := unix.IoctlGetTermios(fd, ioctlGetTermios)
		if err != nil {
			return err
		}
		b.cooked = (*termState)(st)
	}
	st := unix.Termios(*b.cooked)
	st.Iflag &^= unix.BRKINT | unix.ICRNL | unix.INPCK | unix.ISTRIP | unix.IXON
	st.Oflag |= unix.ONLCR
	st.Cflag |= unix.CS8
	st.Lflag &^= unix.ECHO | unix.ICANON | unix.IEXTEN | unix.ISIG
	st.Cc[unix.VMIN] = 1
	st.Cc[unix.VTIME] = 0
	return unix.IoctlSetTermios(fd, ioctlSetTermios, &st)
}

func (b *binding) restoreErr() error {
	if b.cooked == nil {
		return nil
	}
	err := unix.IoctlSetTermios(int(b.stdio[0].Fd()), ioctlSetTermios, (*unix.Termios)(b.cooked))
	b.cooked = nil
	return err
}
