// glibc declares renameat2 and O_NOATIME only with _GNU_SOURCE; Swift's Glibc module does not, so
// these calls get a C target of their own.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include "atomic_rename.h"

int reportsite_exchange(const char *first, const char *second) {
#if defined(__linux__) && defined(RENAME_EXCHANGE)
    return renameat2(AT_FDCWD, first, AT_FDCWD, second, RENAME_EXCHANGE);
#else
    errno = ENOSYS;
    return -1;
#endif
}

int reportsite_open_folder(int parent, const char *name) {
    int flags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
#if defined(O_NOATIME)
    int fd = openat(parent, name, flags | O_NOATIME);
    if (fd >= 0 || errno != EPERM) return fd;
#endif
    return openat(parent, name, flags);
}

#if defined(__linux__)
#include <sys/vfs.h>
#endif

long reportsite_file_system_type(const char *path) {
#if defined(__linux__)
    struct statfs info;
    if (statfs(path, &info) != 0) return -1;
    return (long)info.f_type;
#else
    (void)path;
    return -1;
#endif
}
