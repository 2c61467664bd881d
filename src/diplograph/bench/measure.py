"""Running one step in a child process and reading its wall time and peak memory."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

TIMEOUT = -1000


@dataclass(frozen=True)
class Measured:
    seconds: float
    peak_rss_mb: float
    returncode: int
    stdout: str
    stderr: str

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    @property
    def timed_out(self) -> bool:
        return self.returncode == TIMEOUT


def run(
    args: list[str],
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    timeout: float | None = None,
) -> Measured:
    """Run ``args``; wall time and the child's peak resident memory (``ru_maxrss``).
    A child still running after ``timeout`` seconds is killed (return code ``TIMEOUT``)."""
    import threading

    started = time.perf_counter()
    with subprocess.Popen(
        args,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as child:
        timer = threading.Timer(timeout, child.kill) if timeout else None
        if timer:
            timer.start()
        # Read both pipes, then reap the child with wait4, which gives its rusage.
        out, err = _drain(child)
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        killed = timer is not None and not timer.is_alive() and child.returncode < 0
        if timer:
            timer.cancel()
    seconds = time.perf_counter() - started
    code = TIMEOUT if killed else child.returncode
    return Measured(seconds, usage.ru_maxrss / 1024, code, out, err)


def _drain(child: subprocess.Popen) -> tuple[str, str]:
    import threading

    chunks: dict[str, str] = {}

    def read(name: str, stream) -> None:  # type: ignore[no-untyped-def]
        chunks[name] = stream.read()

    threads = [
        threading.Thread(target=read, args=("out", child.stdout)),
        threading.Thread(target=read, args=("err", child.stderr)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return chunks.get("out", ""), chunks.get("err", "")


def python(*args: str, timeout: float | None = None) -> Measured:
    """Run ``python args…`` with this interpreter."""
    return run([sys.executable, *args], timeout=timeout)


def cli(*args: str, cwd: Path, timeout: float | None = None) -> Measured:
    """Run the ``diplograph`` command of this interpreter's environment on project ``cwd``."""
    env = {"DIPLOGRAPH_ROOT": str(cwd)}
    return run([sys.executable, "-m", "diplograph", *args], cwd=cwd, env=env, timeout=timeout)
