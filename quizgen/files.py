"""Reading input files (banks, articles, rosters) with bounds that hold before any byte is read.

Only regular files are read: a folder, a named pipe (FIFO), a device such as ``/dev/zero`` or a
socket is refused by name, at once, without being opened for reading (a FIFO opened for
reading waits for a writer, for ever). The size limit is enforced while reading, so a file
that grows, or lies about its size, never makes quizgen hold more than the limit in memory.
"""

from __future__ import annotations

import os
import stat

from .text import NotText, decode_text

_KINDS = (
    (stat.S_ISDIR, "is a folder, not {what}"),
    (stat.S_ISFIFO, "is a named pipe (FIFO), not a regular file"),
    (stat.S_ISCHR, "is a device, not a regular file"),
    (stat.S_ISBLK, "is a device, not a regular file"),
    (stat.S_ISSOCK, "is a socket, not a regular file"),
)


class Unreadable(ValueError):
    """A file that cannot be read as text; ``line``/``column`` (from 1) when a place is known.

    The message names no file: callers add the name (and the field that named the file)."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.line, self.column = line, column


def _refuse_kind(mode: int, what: str) -> None:
    for test, message in _KINDS:
        if test(mode):
            raise Unreadable(message.format(what=what))
    if not stat.S_ISREG(mode):
        raise Unreadable("is not a regular file")


def read_bytes(path: str | os.PathLike, *, limit: int, what: str = "a file") -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them.

    Raises ``Unreadable`` for anything else than a regular file, a file larger than ``limit``
    bytes (found while reading, whatever the file's size said) and any ``OSError``. ``what``
    names the file expected, for the message about a folder ("a bank file").
    """
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        raise Unreadable(f"cannot read: {exc.strerror or exc}") from None
    except ValueError as exc:  # a NUL character in the path
        raise Unreadable(f"cannot read: {exc}") from None
    _refuse_kind(mode, what)
    try:
        # O_NONBLOCK: should the path have become a FIFO since the stat, opening it returns at
        # once instead of waiting for a writer; the fstat below then refuses it.
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
        fd = os.open(path, flags | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise Unreadable(f"cannot read: {exc.strerror or exc}") from None
    with open(fd, "rb", buffering=0, closefd=True) as handle:
        try:
            _refuse_kind(os.fstat(fd).st_mode, what)
            chunks, total = [], 0
            while total <= limit:
                chunk = handle.read(min(1 << 20, limit + 1 - total))
                if not chunk:
                    break
                chunks.append(chunk)
                total += len(chunk)
        except OSError as exc:
            raise Unreadable(f"cannot read: {exc.strerror or exc}") from None
    if total > limit:
        raise Unreadable(f"file too large (the limit is {limit} bytes)")
    return b"".join(chunks)


def read_text(path: str | os.PathLike, *, limit: int, what: str = "a file") -> str:
    """The text of the UTF-8 file at ``path`` (see ``read_bytes`` and ``decode_text``)."""
    data = read_bytes(path, limit=limit, what=what)
    try:
        return decode_text(data)
    except NotText as exc:
        raise Unreadable(str(exc), exc.line, exc.column) from None
