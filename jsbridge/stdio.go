package jsbridge

import "os"

// StdioFile is the file under one of Host.Stdio's streams, if it is a
// file: the stream itself, or the file of a stream whose writes the
// runtime queues (stdout and stderr when they are pipes), once what is
// queued is written. A module that hands the file to someone else (a
// child that inherits it) or asks the file itself (isatty) uses it.
func StdioFile(stream any) (*os.File, bool) {
	switch s := stream.(type) {
	case *os.File:
		return s, true
	case interface{ File() *os.File }:
		return s.File(), true
	}
	return nil, false
}
