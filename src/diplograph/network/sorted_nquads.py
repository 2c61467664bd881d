"""Subject lookups in the build's sorted ``dataset.nq``, without reading the whole file.

The build writes its N-Quads sorted line by line, so all the quads of one subject are
consecutive lines beginning with ``<subject> ``. A sparse index (the subject at every
``BLOCK`` bytes, sampled on first use) narrows a lookup to one block, read with ``pread``: some
tens of microseconds a subject, several times faster than the store (which decodes every term
it returns from its dictionary). The file is read, never mapped, so the pages read do not count
as the process's memory.
"""

from __future__ import annotations

import bisect
import os
from pathlib import Path

from diplograph.network.facts import parse_nquads, plain_quads
from diplograph.network.terms import Term

BLOCK = 1 << 14  # bytes between two sampled subjects
READ = 1 << 12  # bytes read at a time when collecting a subject's lines
SCAN = 1 << 20  # bytes read at a time by a scan of the whole file


class SortedNQuads:
    """The lines of a sorted N-Quads file, found by subject."""

    def __init__(self, path: Path) -> None:
        self._file = path.open("rb", buffering=0)
        self._fd = self._file.fileno()
        self._size = os.fstat(self._fd).st_size
        self._keys: list[bytes] = []
        self._starts: list[int] = []
        self._indexed = False

    def quads(self, subject: str) -> list[tuple[str, Term, str]]:
        """``(predicate, object, graph)`` of the quads of ``subject``, IRIs as ``str``."""
        text = self.lines(subject)
        return _parsed(text) if text else []

    def lines(self, subject: str) -> bytes:
        """The lines whose subject is the IRI ``subject`` (empty when there are none)."""
        if not self._indexed:
            self._index()
        key = b"<" + subject.encode("utf-8") + b"> "
        j = bisect.bisect_left(self._keys, key)
        lo = self._starts[j - 1] if j else 0
        hi = self._starts[j] if j < len(self._starts) else self._size
        # The first line from ``key`` on starts in [lo, hi]: read that block and what follows.
        window = os.pread(self._fd, hi - lo + len(key) + READ, lo)
        at = 0 if window.startswith(key) else window.find(b"\n" + key) + 1
        if not at and not window.startswith(key):
            return b""
        return self._run(lo + at, window[at:], key)

    def subjects_ending(self, suffix: str) -> set[str]:
        """Every subject IRI ending with ``suffix``: one pass over the file, in C."""
        needle = suffix.encode("utf-8") + b"> "
        found: set[str] = set()
        pos = 0
        while pos < self._size:
            chunk = os.pread(self._fd, SCAN, pos)
            end = len(chunk) if pos + len(chunk) >= self._size else chunk.rfind(b"\n") + 1
            end = end or len(chunk)  # no line ends in this chunk
            at = chunk.find(needle, 0, end)
            while at >= 0:
                start = chunk.rfind(b"\n", 0, at) + 1
                if chunk[start : start + 1] == b"<" and chunk.find(b" ", start, at) < 0:
                    found.add(chunk[start + 1 : at + len(needle) - 2].decode("utf-8"))
                at = chunk.find(needle, at + 1, end)
            pos += end
        return found

    def _index(self) -> None:
        """Sample the subject of the first line starting after every ``BLOCK`` bytes."""
        for offset in range(BLOCK, self._size, BLOCK):
            chunk = os.pread(self._fd, 4096, offset)
            newline = chunk.find(b"\n")
            space = chunk.find(b" ", newline + 1)
            if newline < 0 or space < 0:
                continue  # a line longer than the sample: the neighbouring blocks cover it
            start = offset + newline + 1
            if start < self._size and (not self._starts or start > self._starts[-1]):
                self._keys.append(chunk[newline + 1 : space + 1])
                self._starts.append(start)
        self._indexed = True

    def _run(self, pos: int, chunk: bytes, key: bytes) -> bytes:
        """The consecutive lines beginning with ``key`` from ``chunk``, read at ``pos``, on."""
        parts = []
        while True:
            at_end = pos + len(chunk) >= self._size
            end = 0
            while chunk.startswith(key, end):
                newline = chunk.find(b"\n", end)
                if newline < 0:
                    if at_end:
                        end = len(chunk)  # the file's last line, with no newline
                    break  # else the line goes on past this read
                end = newline + 1
            parts.append(chunk[:end])
            if at_end or (len(chunk) - end >= len(key) and not chunk.startswith(key, end)):
                return b"".join(parts)
            pos += end
            size = max(READ, 2 * len(key)) if end else 2 * len(chunk)  # a line longer than a read
            chunk = os.pread(self._fd, size, pos)


def _parsed(text: bytes) -> list[tuple[str, Term, str]]:
    return [(p, o, g) for _s, p, o, g in plain_quads(parse_nquads(text))]
