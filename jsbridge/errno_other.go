//go:build !linux

package jsbridge

import "syscall"

// The errnos scripts meet most, by names every system Go runs on defines.
var errnos = []Errno{
	{"E2BIG", syscall.E2BIG}, {"EACCES", syscall.EACCES}, {"EADDRINUSE", syscall.EADDRINUSE},
	{"EADDRNOTAVAIL", syscall.EADDRNOTAVAIL}, {"EAFNOSUPPORT", syscall.EAFNOSUPPORT},
	{"EAGAIN", syscall.EAGAIN}, {"EALREADY", syscall.EALREADY}, {"EBADF", syscall.EBADF},
	{"EBUSY", syscall.EBUSY}, {"ECANCELED", syscall.ECANCELED}, {"ECHILD", syscall.ECHILD},
	{"ECONNABORTED", syscall.ECONNABORTED}, {"ECONNREFUSED", syscall.ECONNREFUSED},
	{"ECONNRESET", syscall.ECONNRESET}, {"EDESTADDRREQ", syscall.EDESTADDRREQ},
	{"EEXIST", syscall.EEXIST}, {"EFAULT", syscall.EFAULT}, {"EFBIG", syscall.EFBIG},
	{"EHOSTUNREACH", syscall.EHOSTUNREACH}, {"EINTR", syscall.EINTR}, {"EINVAL", syscall.EINVAL},
	{"EIO", syscall.EIO}, {"EISCONN", syscall.EISCONN}, {"EISDIR", syscall.EISDIR},
	{"ELOOP", syscall.ELOOP}, {"EMFILE", syscall.EMFILE}, {"EMLINK", syscall.EMLINK},
	{"EMSGSIZE", syscall.EMSGSIZE}, {"ENAMETOOLONG", syscall.ENAMETOOLONG},
	{"ENETDOWN", syscall.ENETDOWN}, {"ENETUNREACH", syscall.ENETUNREACH},
	{"ENFILE", syscall.ENFILE}, {"ENOBUFS", syscall.ENOBUFS}, {"ENODEV", syscall.ENODEV},
	{"ENOENT", syscall.ENOENT}, {"ENOMEM", syscall.ENOMEM}, {"ENOPROTOOPT", syscall.ENOPROTOOPT},
	{"ENOSPC", syscall.ENOSPC}, {"ENOSYS", syscall.ENOSYS}, {"ENOTCONN", syscall.ENOTCONN},
	{"ENOTDIR", syscall.ENOTDIR}, {"ENOTEMPTY", syscall.ENOTEMPTY}, {"ENOTSOCK", syscall.ENOTSOCK},
	{"ENOTSUP", syscall.EOPNOTSUPP}, {"ENOTTY", syscall.ENOTTY}, {"EPERM", syscall.EPERM},
	{"EPIPE", syscall.EPIPE}, {"EPROTO", syscall.EPROTO},
	{"EPROTONOSUPPORT", syscall.EPROTONOSUPPORT}, {"EPROTOTYPE", syscall.EPROTOTYPE},
	{"EROFS", syscall.EROFS}, {"ESPIPE", syscall.ESPIPE}, {"ESRCH", syscall.ESRCH},
	{"ETIMEDOUT", syscall.ETIMEDOUT}, {"EXDEV", syscall.EXDEV},
}
