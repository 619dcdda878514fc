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

// openPath is open(2) with the flags and mode exactly as the script gave
// them; fs.open's fd is the real descriptor number.
func openPath(path string, flags, mode int) (opened, error) {
	for {
		fd, err := syscall.Open(path, flags|syscall.O_CLOEXEC, uint32(mode))
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return opened{}, err
		}
		return opened{os.NewFile(uintptr(fd), path), fd}, nil
	}
}

// The system calls themselves, not os.Remove and os.Rename, which fall back
// or refuse where POSIX would not.

func renamePath(oldPath, newPath string) error { return syscall.Rename(oldPath, newPath) }
func unlinkPath(path string) error             { return syscall.Unlink(path) }
func rmdirPath(path string) error              { return syscall.Rmdir(path) }
func mkdirPath(path string, mode int) error    { return syscall.Mkdir(path, uint32(mode)) }

// withFD runs fn with f's descriptor held open.
func withFD(f *os.File, fn func(fd int) error) error {
	rc, err := f.SyscallConn()
	if err != nil {
		return err
	}
	var opErr error
	if err := rc.Control(func(fd uintptr) { opErr = fn(int(fd)) }); err != nil {
		return err
	}
	return opErr
}

func futimesFile(f *os.File, atime, mtime time.Time) error {
	return withFD(f, func(fd int) error {
		return syscall.Futimes(fd, []syscall.Timeval{
			syscall.NsecToTimeval(atime.UnixNano()),
			syscall.NsecToTimeval(mtime.UnixNano()),
		})
	})
}

func fdatasyncFile(f *os.File) error {
	return withFD(f, syscall.Fdatasync)
}

// fromFileInfo reads the stat(2) fields behind fi. Times are whole seconds,
// as Node 0.7 built its Dates from st_atime, st_mtime and st_ctime.
func fromFileInfo(fi os.FileInfo) statInfo {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return statInfo{size: float64(fi.Size()), mtime: fi.ModTime().Unix() * 1000}
	}
	return statInfo{
		dev: float64(st.Dev), ino: float64(st.Ino), mode: float64(st.Mode),
		nlink: float64(st.Nlink), uid: float64(st.Uid), gid: float64(st.Gid),
		rdev: float64(st.Rdev), size: float64(st.Size),
		blksize: float64(st.Blksize), blocks: float64(st.Blocks),
		atime: st.Atim.Sec * 1000, mtime: st.Mtim.Sec * 1000, ctime: st.Ctim.Sec * 1000,
	}
}
