#ifndef REPORTSITE_ATOMIC_RENAME_H
#define REPORTSITE_ATOMIC_RENAME_H

/// Swaps the two paths in one step (Linux renameat2 with RENAME_EXCHANGE): at every instant each
/// name holds one whole folder, the old or the new. Returns 0, or -1 with errno set (ENOSYS or
/// EINVAL where the kernel or file system cannot exchange).
int reportsite_exchange(const char *first, const char *second);

/// The type of the file system `path` is on (`f_type` of Linux statfs), or -1 when unknown.
long reportsite_file_system_type(const char *path);

#endif
