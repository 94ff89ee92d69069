"""Whole-file advisory locks and process liveness: one interface over POSIX (flock, kill 0) and Windows (LockFileEx)."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

if sys.platform == "win32":
    OPEN_FLAGS = os.O_NOINHERIT | os.O_BINARY
    """Flags every lock file is opened with besides its access mode (not inherited by child processes)."""
else:
    OPEN_FLAGS = os.O_CLOEXEC
    """Flags every lock file is opened with besides its access mode (not inherited by child processes)."""


if sys.platform == "win32":
    import ctypes
    import msvcrt
    from ctypes import wintypes

    class _Overlapped(ctypes.Structure):
        _fields_ = [
            ("Internal", ctypes.c_void_p),
            ("InternalHigh", ctypes.c_void_p),
            ("Offset", wintypes.DWORD),
            ("OffsetHigh", wintypes.DWORD),
            ("hEvent", wintypes.HANDLE),
        ]

    _kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    _kernel32.LockFileEx.argtypes = [wintypes.HANDLE, wintypes.DWORD, wintypes.DWORD, wintypes.DWORD,
                                     wintypes.DWORD, ctypes.POINTER(_Overlapped)]  # fmt: skip
    _kernel32.LockFileEx.restype = wintypes.BOOL
    _kernel32.OpenProcess.argtypes = [wintypes.DWORD, wintypes.BOOL, wintypes.DWORD]
    _kernel32.OpenProcess.restype = wintypes.HANDLE
    _kernel32.GetExitCodeProcess.argtypes = [wintypes.HANDLE, ctypes.POINTER(wintypes.DWORD)]
    _kernel32.GetExitCodeProcess.restype = wintypes.BOOL
    _kernel32.CloseHandle.argtypes = [wintypes.HANDLE]
    _kernel32.CloseHandle.restype = wintypes.BOOL
    _FAIL_IMMEDIATELY, _EXCLUSIVE = 0x1, 0x2
    _HELD_ELSEWHERE = (32, 33)  # ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
    _ACCESS_DENIED, _QUERY_LIMITED_INFORMATION, _STILL_ACTIVE = 5, 0x1000, 259

    def try_lock(fd: int, *, shared: bool = False) -> bool:
        """Lock the file behind `fd` without waiting; True when taken (released when `fd` is closed or the process
        ends), False when another descriptor holds it; OSError when the file system has no locks.

        Windows locks are mandatory byte ranges: the lock is on one byte at 4 GiB, far past the text of the file,
        so others can still read who holds it."""
        overlapped = _Overlapped(None, None, 0, 1, None)
        flags = _FAIL_IMMEDIATELY | (0 if shared else _EXCLUSIVE)
        if _kernel32.LockFileEx(msvcrt.get_osfhandle(fd), flags, 0, 1, 0, ctypes.byref(overlapped)):
            return True
        code = ctypes.get_last_error()
        if code in _HELD_ELSEWHERE:
            return False
        raise ctypes.WinError(code)

    def release_and_remove(fd: int, path: Path) -> None:
        """Give up the lock on `fd` and remove its file. Windows cannot remove a file that is open, so the file is
        emptied first (an empty lock file names no owner: a clean end) and removed after closing; that removal fails,
        harmlessly, while another process has it open, so a file someone has just locked is never removed."""
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
        os.close(fd)
        with contextlib.suppress(OSError):
            path.unlink()

    def process_alive(pid: int) -> bool:
        """True while process `pid` exists (also when it belongs to another user); this process counts as alive.
        (os.kill(pid, 0) would end the process on Windows.)"""
        if pid <= 0:
            return False
        if pid == os.getpid():
            return True
        handle = _kernel32.OpenProcess(_QUERY_LIMITED_INFORMATION, False, pid)
        if not handle:
            return ctypes.get_last_error() == _ACCESS_DENIED  # else ERROR_INVALID_PARAMETER: no such process
        try:
            code = wintypes.DWORD()
            if not _kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return True
            return code.value == _STILL_ACTIVE
        finally:
            _kernel32.CloseHandle(handle)

else:
    import fcntl

    def try_lock(fd: int, *, shared: bool = False) -> bool:
        """Lock the file behind `fd` without waiting; True when taken (released when `fd` is closed or the process
        ends), False when another descriptor holds it; OSError when the file system has no locks (flock)."""
        try:
            fcntl.flock(fd, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False

    def release_and_remove(fd: int, path: Path) -> None:
        """Give up the lock on `fd` and remove its file: removed while still locked, so nobody locks the file being
        removed (whoever opened it meanwhile sees it is no longer the file at `path`)."""
        with contextlib.suppress(OSError):
            path.unlink()
        os.close(fd)

    def process_alive(pid: int) -> bool:
        """True while process `pid` exists (also when it belongs to another user); this process counts as alive."""
        if pid <= 0:
            return False
        if pid == os.getpid():
            return True
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except OSError:  # PermissionError: someone else's process
            return True
        return True
