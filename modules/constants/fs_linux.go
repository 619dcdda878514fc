package constants

import "syscall"

// fsConstants are the open() flags and stat() mode bits of Node 0.7.4's
// constants, in its order.
var fsConstants = []constant{
	{"O_RDONLY", syscall.O_RDONLY}, {"O_WRONLY", syscall.O_WRONLY}, {"O_RDWR", syscall.O_RDWR},
	{"S_IFMT", syscall.S_IFMT}, {"S_IFREG", syscall.S_IFREG}, {"S_IFDIR", syscall.S_IFDIR},
	{"S_IFCHR", syscall.S_IFCHR}, {"S_IFBLK", syscall.S_IFBLK}, {"S_IFIFO", syscall.S_IFIFO},
	{"S_IFLNK", syscall.S_IFLNK}, {"S_IFSOCK", syscall.S_IFSOCK},
	{"O_CREAT", syscall.O_CREAT}, {"O_EXCL", syscall.O_EXCL}, {"O_NOCTTY", syscall.O_NOCTTY},
	{"O_TRUNC", syscall.O_TRUNC}, {"O_APPEND", syscall.O_APPEND},
	{"O_DIRECTORY", syscall.O_DIRECTORY}, {"O_NOFOLLOW", syscall.O_NOFOLLOW},
	{"O_SYNC", syscall.O_SYNC},
	{"S_IRWXU", syscall.S_IRWXU}, {"S_IRUSR", syscall.S_IRUSR}, {"S_IWUSR", syscall.S_IWUSR},
	{"S_IXUSR", syscall.S_IXUSR}, {"S_IRWXG", syscall.S_IRWXG}, {"S_IRGRP", syscall.S_IRGRP},
	{"S_IWGRP", syscall.S_IWGRP}, {"S_IXGRP", syscall.S_IXGRP}, {"S_IRWXO", syscall.S_IRWXO},
	{"S_IROTH", syscall.S_IROTH}, {"S_IWOTH", syscall.S_IWOTH}, {"S_IXOTH", syscall.S_IXOTH},
}
