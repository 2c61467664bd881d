"""A throw-away Virtuoso (Debian's virtuoso-opensource) for integration tests.

``Virtuoso(folder).start()`` writes a config into ``folder`` (database files there too), starts
``virtuoso-t +configfile … +foreground`` on two free loopback ports (SQL and HTTP), waits for
``/sparql`` to answer, and sets the ``dba`` password with ``isql-vt`` (the ``+pwddba`` flag
does not change it). ``stop()`` ends the process. Anonymous ``/sparql`` is read-only; writes
go to ``/sparql-graph-crud-auth`` (Graph Store) or ``/sparql-auth`` (Update) with Digest auth.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path

import httpx

BINARY = "virtuoso-t"
ISQL = "isql-vt"
PASSWORD = "dgTest2025"  # letters and digits: isql reads it as a bare word

CONFIG = """\
[Database]
DatabaseFile = {folder}/virtuoso.db
ErrorLogFile = {folder}/virtuoso.log
LockFile = {folder}/virtuoso.lck
TransactionFile = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {folder}/virtuoso-temp.db
TransactionFile = {folder}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CheckpointInterval = 60
CaseMode = 2
DirsAllowed = ., {folder}
NumberOfBuffers = 2000
MaxDirtyBuffers = 1500
MaxQueryMem = 200M
ThreadsPerQuery = 1
AsyncQueueMaxThreads = 2

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {folder}
ServerThreads = 4
MaxClientConnections = 4
Charset = UTF-8
EnabledGzipContent = 0

[SPARQL]
ResultSetMaxRows = {max_rows}
MaxQueryExecutionTime = 60
"""


def available() -> bool:
    return shutil.which(BINARY) is not None and shutil.which(ISQL) is not None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Virtuoso:
    def __init__(self, folder: Path, max_rows: int = 10_000) -> None:
        self.folder = folder
        self.max_rows = max_rows
        self.sql_port = free_port()
        self.http_port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def sparql(self) -> str:
        return self.base + "/sparql"

    @property
    def graph_store(self) -> str:
        return self.base + "/sparql-graph-crud-auth"

    @property
    def update(self) -> str:
        return self.base + "/sparql-auth"

    def start(self, timeout: float = 120.0) -> Virtuoso:
        self.folder.mkdir(parents=True, exist_ok=True)
        config = self.folder / "virtuoso.ini"
        config.write_text(
            CONFIG.format(
                folder=self.folder,
                sql_port=self.sql_port,
                http_port=self.http_port,
                max_rows=self.max_rows,
            )
        )
        log = (self.folder / "stdout.log").open("wb")
        self.process = subprocess.Popen(
            [BINARY, "+configfile", str(config), "+foreground"],
            cwd=self.folder,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self._wait(timeout)
        subprocess.run(
            [
                ISQL,
                f"127.0.0.1:{self.sql_port}",
                "dba",
                "dba",
                f"EXEC=SET PASSWORD dba {PASSWORD};",
            ],
            check=True,
            capture_output=True,
            timeout=60,
        )
        return self

    def _wait(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(f"virtuoso-t stopped: see {self.folder / 'stdout.log'}")
            try:
                response = httpx.get(self.sparql, params={"query": "ASK {}"}, timeout=5)
                if response.status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"virtuoso-t did not answer within {timeout:g} s")

    def stop(self) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        self.process = None
