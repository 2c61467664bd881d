"""Query workers: separate processes that can be stopped when a query runs too long.

A query in pyoxigraph cannot be interrupted from Python: the call holds on until the engine is
done. So the server does not run queries itself. Each worker process opens the store read-only
and answers one job at a time over a pipe; when a job is not answered within the timeout, the
process is killed (which stops the engine at once and frees its memory) and a fresh worker
takes its place.

On Linux each worker first moves into a network namespace of its own (an unprivileged user
namespace with a new network namespace, as ``unshare -Urn`` does), where no host, not even this
machine's loopback, can be reached. Where the system forbids that, the worker runs as it is and
the query checks in ``guard`` are what keeps queries from reaching the network.
"""

from __future__ import annotations

import asyncio
import ctypes
import logging
import multiprocessing
import subprocess
import sys
from multiprocessing.connection import Connection
from pathlib import Path

from diplograph.project import Project
from diplograph.server.engine import Engine, Job, Outcome

log = logging.getLogger("diplograph.server")

_CLONE_NEWUSER = 0x10000000
_CLONE_NEWNET = 0x40000000
START_TIMEOUT = 60.0


def isolate_network() -> bool:
    """Move this (single-threaded) process into an empty network namespace, if allowed."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.unshare(_CLONE_NEWUSER | _CLONE_NEWNET) == 0
    except (OSError, AttributeError):
        return False


def serve_jobs(conn: Connection, root: str, isolate: bool) -> None:
    """The worker's main loop (runs in the worker process)."""
    isolated = isolate_network() if isolate else False
    engine = Engine(Project(Path(root)))
    try:
        engine.store()
    except Exception as exc:  # report any failure to open, then stop
        conn.send(("failed", str(exc)))
        return
    conn.send(("ready", isolated))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        try:
            outcome = engine.run(job)
        except Exception as exc:  # the server must get an answer, whatever went wrong
            outcome = Outcome.error(500, f"the query engine failed: {type(exc).__name__}: {exc}")
        conn.send(outcome)


class WorkerError(RuntimeError):
    """A worker could not start."""


class Busy(RuntimeError):
    """No worker became free in time."""


class Worker:
    """One worker process and the parent's end of its pipe.

    The process is a fresh ``python -m diplograph.server.worker`` rather than a
    ``multiprocessing`` child: spawning through ``multiprocessing`` re-imports the parent's
    main module, which breaks servers started from scripts and notebooks.
    """

    def __init__(self, root: Path, isolate: bool) -> None:
        self.root, self.isolate = root, isolate
        parent, child = multiprocessing.Pipe()
        self.conn = parent
        command = [sys.executable, "-m", "diplograph.server.worker", str(child.fileno()), str(root)]
        if isolate:
            command.append("--isolate")
        self.process = subprocess.Popen(
            command, pass_fds=(child.fileno(),), stdin=subprocess.DEVNULL
        )
        child.close()
        try:
            ready = parent.poll(START_TIMEOUT)
            status, detail = parent.recv() if ready else ("failed", "did not start in time")
        except (EOFError, OSError):
            status, detail = "failed", "stopped while starting"
        if status != "ready":
            self.kill()
            raise WorkerError(f"the query worker {detail}")
        self.isolated = bool(detail)

    def call(self, job: Job, timeout: float) -> Outcome | None:
        """The worker's answer, or ``None`` if it did not answer in ``timeout`` seconds (the
        worker is then killed)."""
        try:
            self.conn.send(job)
            if self.conn.poll(timeout):
                return self.conn.recv()
            timed_out = True
        except (EOFError, OSError):
            timed_out = False
        self.kill()
        if timed_out:
            return None
        return Outcome.error(500, "the query engine stopped while running the query")

    @property
    def alive(self) -> bool:
        return self.process.poll() is None

    def kill(self) -> None:
        if self.alive:
            self.process.kill()
        self.process.wait(10)
        self.conn.close()

    def close(self) -> None:
        """Ask the worker to stop; kill it if it does not."""
        try:
            self.conn.send(None)
            self.process.wait(2)
        except (OSError, subprocess.TimeoutExpired):
            pass
        self.kill()


class Pool:
    """A fixed number of workers; a job waits for a free one (at most ``timeout`` seconds)."""

    def __init__(self, project: Project, size: int = 2, isolate: bool = True) -> None:
        if size < 1:
            raise ValueError("the number of workers must be at least 1")
        self.root = project.root
        self.size = size
        self.isolate = isolate
        self._idle: asyncio.Queue[Worker] | None = None
        self._all: list[Worker] = []

    @property
    def isolated(self) -> bool:
        """Whether every worker runs without network access."""
        return bool(self._all) and all(w.isolated for w in self._all)

    def start(self) -> None:
        """Start the workers (blocking: call before serving, or from a thread)."""
        self._idle = asyncio.Queue()
        for _ in range(self.size):
            worker = Worker(self.root, self.isolate)
            self._all.append(worker)
            self._idle.put_nowait(worker)
        if self.isolate and not self.isolated:
            log.warning(
                "query workers could not be isolated from the network on this system; "
                "SERVICE is still refused by the query checks"
            )

    def _call(
        self, worker: Worker, job: Job, timeout: float
    ) -> tuple[Worker | None, Outcome | None]:
        """Run ``job`` (in a thread); a worker that was killed is replaced by a new one."""
        outcome = worker.call(job, timeout)
        if worker.alive:
            return worker, outcome
        self._all.remove(worker)
        try:
            fresh = Worker(self.root, self.isolate)
        except WorkerError as exc:
            log.error("cannot restart a query worker: %s", exc)
            return None, outcome
        self._all.append(fresh)
        return fresh, outcome

    async def run(self, job: Job, timeout: float) -> Outcome | None:
        """The outcome of ``job``, or ``None`` when it ran out of time; raises ``Busy`` when
        no worker was free for ``timeout`` seconds."""
        if self._idle is None:
            raise RuntimeError("the pool is not started")
        idle = self._idle
        try:
            worker = await asyncio.wait_for(idle.get(), timeout)
        except TimeoutError:
            raise Busy(f"all {self.size} query workers stayed busy for {timeout:g} s") from None
        task = asyncio.ensure_future(asyncio.to_thread(self._call, worker, job, timeout))

        def release(done: asyncio.Future[tuple[Worker | None, Outcome | None]]) -> None:
            if done.cancelled() or done.exception() is not None:
                return
            back, _ = done.result()
            if back is not None:
                idle.put_nowait(back)

        task.add_done_callback(release)
        # Shielded: if the client goes away, the job still finishes (or times out) and the
        # worker goes back to the pool instead of being lost with the cancelled request.
        _, outcome = await asyncio.shield(task)
        return outcome

    def close(self) -> None:
        for worker in self._all:
            worker.close()
        self._all.clear()


def main(argv: list[str]) -> None:
    """``python -m diplograph.server.worker FD ROOT [--isolate]``: serve jobs on the pipe FD."""
    conn = Connection(int(argv[0]))
    serve_jobs(conn, argv[1], "--isolate" in argv[2:])


if __name__ == "__main__":
    main(sys.argv[1:])
