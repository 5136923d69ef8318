"""Keep freed memory in the process instead of handing it back to the kernel (glibc only).

A month of the vectorised step creates and frees about 1,250 temporary NumPy arrays. With glibc's
defaults each array above the mmap threshold (128 KiB at first) is mapped fresh from the kernel
and unmapped when freed, and the top of the heap is trimmed back whenever 128 KiB lie free, so
every month faults the same pages in again. :func:`keep_freed_memory` raises both thresholds
(``mallopt(M_MMAP_THRESHOLD)`` to glibc's 64-bit maximum of 32 MiB, ``M_TRIM_THRESHOLD`` to
1 GiB), so freed arrays are reused by the next allocation. It changes where memory comes from,
never a number: runs are bit-identical with and without it (``tests/test_allocator.py``), and the
gain is a row of ``benchmarks/README.md``.

The command line, experiment workers and the benchmark call it; a library user may too. It is a
no-op where the C library is not glibc (macOS, Windows, musl).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys

M_TRIM_THRESHOLD = -1  # from <malloc.h>
M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD = 32 * 1024 * 1024  # glibc's ceiling on 64-bit (4 * 1024 * 1024 * sizeof(long))
TRIM_THRESHOLD = 1024 * 1024 * 1024

_done: bool | None = None


def keep_freed_memory() -> bool:
    """Tune glibc's allocator for the monthly step (once per process). Returns whether it took."""
    global _done
    if _done is not None:
        return _done
    _done = False
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
            mallopt = libc.mallopt
        except (OSError, AttributeError):  # not glibc
            return False
        mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
        mallopt.restype = ctypes.c_int
        _done = bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)) and bool(
            mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD)
        )
    return _done
