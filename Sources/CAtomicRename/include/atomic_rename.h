#ifndef REPORTSITE_ATOMIC_RENAME_H
#define REPORTSITE_ATOMIC_RENAME_H

/// Swaps the two paths in one step (Linux renameat2 with RENAME_EXCHANGE): at every instant each
/// name holds one whole folder, the old or the new. Returns 0, or -1 with errno set (ENOSYS or
/// EINVAL where the kernel or file system cannot exchange).
int reportsite_exchange(const char *first, const char *second);

/// The type of the file system `path` is on (`f_type` of Linux statfs), or -1 when unknown.
long reportsite_file_system_type(const char *path);

/// Opens the folder `name` in the folder open as `parent` (AT_FDCWD: `name` is a path) for reading
/// its entries: never through a link in its last component, and without updating its access time
/// (O_NOATIME, which a folder the caller does not own refuses, is then left out). Returns the file
/// descriptor, or -1 with errno set.
int reportsite_open_folder(int parent, const char *name);

#endif
