"""Writing `--output PATH`: through whatever the user named, as a shell's `>` would.

What is at the path decides how it is written:

- nothing, or a regular file (also behind symbolic links, which stay links):
  the new content is written to an unnamed file beside the real one and
  renamed over it at the end, so the file is whole or untouched, never half
  written. A new file gets the permissions the umask allows (0666 less the
  umask, as `>` gives); an existing one keeps its mode and, where allowed,
  its owner.
- anything else (a terminal, `/dev/null`, a FIFO, a process substitution
  `>(...)`, `/dev/stdout`): opened and written in place. Renaming a file over
  those would replace the device or the pipe with a plain file.
- `-`: standard output.

A write that fails (a full disk) raises an ArgmineError naming the path.
"""

from __future__ import annotations

import errno
import io
import os
import stat
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional, TextIO

from argmine.display import display_path
from argmine.errors import ArgmineError

#: Path prefixes whose files are kernel objects, never to be replaced by a rename.
SPECIAL_ROOTS = ("/dev/", "/proc/")
#: Symbolic links followed at most (the kernel's own limit is 40).
MAX_LINK_HOPS = 40
#: Permissions a new file asks for; the umask takes its share, as with `>`.
NEW_FILE_MODE = 0o666
#: linkat(2) constants (Linux).
AT_FDCWD = -100
AT_SYMLINK_FOLLOW = 0x400


class OutputError(ArgmineError):
    """The output path cannot be written (no folder, no permission, a full disk)."""


@contextmanager
def open_destination(path: Optional[Path], stdout: Optional[TextIO] = None) -> Iterator[TextIO]:
    """Yield a text stream for `path` (None or `-`: `stdout`); see the module docstring."""
    if path is None or str(path) == "-":
        yield stdout if stdout is not None else sys.stdout
        return
    if _written_in_place(path):
        with _in_place(path) as stream:
            yield stream
        return
    with _replacing(path) as stream:
        yield stream


def is_special(path: Path) -> bool:
    """Is `path` something other than a regular file or nothing (a device, a FIFO, a magic link)?"""
    return _written_in_place(path)


# --------------------------------------------------------------------------- what is there


def _written_in_place(path: Path) -> bool:
    if _passes_through_kernel_files(path):
        return True
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return False  # nothing there (or a dangling link): a new regular file
    except OSError as error:
        raise OutputError(f"cannot write {display_path(path)}: {error.strerror or error}") from None
    if stat.S_ISDIR(info.st_mode):
        raise OutputError(f"cannot write {display_path(path)}: it is a folder")
    return not stat.S_ISREG(info.st_mode)


def _passes_through_kernel_files(path: Path) -> bool:
    """Does the path, or a link on its way, lie under /dev or /proc (`/dev/stdout`, `/dev/fd/63`)?

    Such a path may name a regular file (stdout redirected to one) that the
    shell holds open: it is written through, not replaced.
    """
    current = os.path.abspath(path)
    for _ in range(MAX_LINK_HOPS):
        if current.startswith(SPECIAL_ROOTS):
            return True
        try:
            link = os.readlink(current)
        except OSError:
            return False
        current = os.path.normpath(os.path.join(os.path.dirname(current), link))
    return False


# --------------------------------------------------------------------------- writing in place


@contextmanager
def _in_place(path: Path) -> Iterator[TextIO]:
    shown = display_path(path)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_TRUNC | os.O_CREAT, NEW_FILE_MODE)
    except OSError as error:
        raise OutputError(f"cannot write {shown}: {error.strerror or error}") from None
    stream = _text_stream(fd, shown)
    try:
        yield stream
        stream.flush()
    finally:
        _close_quietly(stream)


# --------------------------------------------------------------------------- replacing a regular file


@contextmanager
def _replacing(path: Path) -> Iterator[TextIO]:
    """Write beside the real file (links followed) and rename over it when the block succeeds."""
    shown = display_path(path)
    real = Path(os.path.realpath(path))
    folder = real.parent
    if not folder.is_dir():
        given = folder if os.path.islink(path) else path.parent  # the user's spelling where it is theirs
        raise OutputError(f"cannot write {shown}: there is no folder {display_path(given)}")
    existing = _stat_or_none(real)
    temp = _TempFile.create(folder, real.name, shown)
    stream = _text_stream(temp.fd, shown)
    try:
        yield stream
        stream.flush()
        _finish(temp.fd, existing, shown)
        temp.publish(real)
    finally:
        _close_quietly(stream)
        temp.discard()


def _stat_or_none(path: Path) -> Optional[os.stat_result]:
    try:
        return os.stat(path)
    except OSError:
        return None


def _finish(fd: int, existing: Optional[os.stat_result], shown: str) -> None:
    """Make the data durable and give the new file the old one's mode and owner."""
    try:
        os.fsync(fd)
        if existing is not None:
            os.fchmod(fd, stat.S_IMODE(existing.st_mode))
    except OSError as error:
        raise OutputError(f"cannot write {shown}: {error.strerror or error}") from None
    if existing is not None:
        try:
            os.fchown(fd, existing.st_uid, existing.st_gid)
        except OSError:
            pass  # only the owner's privileges allow it; the mode still holds


def _link_fd(fd: int, target: Path) -> int:
    """linkat(/proc/self/fd/N, AT_SYMLINK_FOLLOW): name an O_TMPFILE file. Returns an errno, 0 on success.

    Called through libc: `os.link` does not follow the /proc link on every
    Python version, and AT_EMPTY_PATH would need a privilege.
    """
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    result = libc.linkat(
        AT_FDCWD, f"/proc/self/fd/{fd}".encode(), AT_FDCWD, os.fsencode(target), AT_SYMLINK_FOLLOW
    )
    return ctypes.get_errno() if result != 0 else 0


class _TempFile:
    """A file beside the destination that no one sees until it is published.

    On Linux it is unnamed (O_TMPFILE): a run killed outright leaves nothing
    behind. Elsewhere it has a hidden name and is removed on any failure.
    """

    def __init__(self, fd: int, folder: Path, name: Optional[str]):
        self.fd = fd
        self.folder = folder
        self.name = name  # None while unnamed
        self.published = False

    @classmethod
    def create(cls, folder: Path, base: str, shown: str) -> "_TempFile":
        tmpfile_flag = getattr(os, "O_TMPFILE", 0)
        if tmpfile_flag:
            try:
                return cls(os.open(folder, tmpfile_flag | os.O_WRONLY, NEW_FILE_MODE), folder, None)
            except OSError:
                pass  # a file system without unnamed files: fall back to a hidden name
        for attempt in range(100):
            name = f".{base}.{os.getpid()}.{attempt}.tmp"
            try:
                fd = os.open(folder / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, NEW_FILE_MODE)
            except FileExistsError:
                continue
            except OSError as error:
                raise OutputError(f"cannot write {shown}: {error.strerror or error}") from None
            return cls(fd, folder, name)
        raise OutputError(f"cannot write {shown}: no free temporary name in {display_path(folder)}")

    def publish(self, real: Path) -> None:
        if self.name is None:
            self.name = self._link_unnamed(real.name)
        os.replace(self.folder / self.name, real)
        self.published = True

    def _link_unnamed(self, base: str) -> str:
        """Give the unnamed file a hidden name beside the destination, to rename from."""
        for attempt in range(100):
            name = f".{base}.{os.getpid()}.{attempt}.tmp"
            error = _link_fd(self.fd, self.folder / name)
            if error == errno.EEXIST:
                continue
            if error:
                raise OutputError(f"cannot write {display_path(self.folder / base)}: {os.strerror(error)}")
            return name
        raise OutputError(f"cannot write {display_path(self.folder / base)}: no free temporary name")

    def discard(self) -> None:
        if self.name is not None and not self.published:
            try:
                os.unlink(self.folder / self.name)
            except FileNotFoundError:
                pass


# --------------------------------------------------------------------------- streams


class _Sink(io.RawIOBase):
    """A file descriptor whose write errors name the path the user gave."""

    def __init__(self, fd: int, shown: str):
        super().__init__()
        self._fd = fd
        self._shown = shown

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._fd

    def write(self, data: bytes) -> int:  # type: ignore[override]
        try:
            return os.write(self._fd, data)
        except BrokenPipeError:
            raise  # the reader went away: the CLI ends quietly, as for stdout
        except OSError as error:
            raise OutputError(f"cannot write {self._shown}: {error.strerror or error}") from None

    def close(self) -> None:
        if not self.closed:
            try:
                os.close(self._fd)
            finally:
                super().close()


def _text_stream(fd: int, shown: str) -> TextIO:
    buffered = io.BufferedWriter(_Sink(fd, shown), buffer_size=1 << 16)
    return io.TextIOWrapper(buffered, encoding="utf-8", newline="", write_through=False)


def _close_quietly(stream: TextIO) -> None:
    """Close after a failure without a second error hiding the first (a full disk, say)."""
    try:
        stream.close()
    except OSError:
        pass
    except ArgmineError:
        pass
