//go:build !(linux || darwin || dragonfly || freebsd || netbsd || openbsd)

package tty

import "errors"

// termState is a terminal's saved settings (none here).
type termState struct{}

// setRaw: raw mode is implemented for Unix terminals only.
func (b *binding) setRaw(bool) error { return errors.ErrUnsupported }

func (b *binding) restoreErr() error { return nil }
