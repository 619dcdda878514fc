//go:build !linux

package fs

import (
	"os"
	"syscall"
	"time"
)

// opened is a file just opened, with its descriptor number.
type opened struct {
	f  *os.File
	fd int
}

// openPath opens path with the given flags and mode. Outside Linux the
// package relies on the os package and is best effort.
func openPath(path string, flags, mode int) (opened, error) {
	f, err := os.OpenFile(path, flags, fileMode(mode))
	if err != nil {
		return opened{}, err
	}
	return opened{f, int(f.Fd())}, nil
}

func renamePath(oldPath, newPath string) error { return os.Rename(oldPath, newPath) }

func unlinkPath(path string) error {
	if fi, err := os.Lstat(path); err == nil && fi.IsDir() {
		return &os.PathError{Op: "unlink", Path: path, Err: syscall.EISDIR}
	}
	return os.Remove(path)
}

func rmdirPath(path string) error {
	if fi, err := os.Lstat(path); err == nil && !fi.IsDir() {
		return &os.PathError{Op: "rmdir", Path: path, Err: syscall.ENOTDIR}
	}
	return os.Remove(path)
}

func mkdirPath(path string, mode int) error { return os.Mkdir(path, fileMode(mode)) }

func futimesFile(f *os.File, atime, mtime time.Time) error {
	return os.Chtimes(f.Name(), atime, mtime)
}

func fdatasyncFile(f *os.File) error { return f.Sync() }

// fromFileInfo reads what the os package offers of stat(2).
func fromFileInfo(fi os.FileInfo) statInfo {
	mode := float64(fi.Mode().Perm())
	switch {
	case fi.IsDir():
		mode += syscall.S_IFDIR
	case fi.Mode()&os.ModeSymlink != 0:
		mode += syscall.S_IFLNK
	case fi.Mode().IsRegular():
		mode += syscall.S_IFREG
	}
	t := fi.ModTime().Unix() * 1000
	return statInfo{mode: mode, nlink: 1, size: float64(fi.Size()), atime: t, mtime: t, ctime: t}
}
