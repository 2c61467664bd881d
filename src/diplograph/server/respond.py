"""Settings of a running server, and turning a worker's outcome into an HTTP response.

Every limit the server applies is said in the response, never silently: a query that runs out
of time answers 503 with a sentence saying so (not a 200 with a cut-off body), and a result cut
at the row limit carries ``X-Result-Truncated: true``, ``X-Result-Limit`` and a ``Warning``
header, and is logged.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import Response

from diplograph.server.engine import Job
from diplograph.server.worker import Busy, Pool

log = logging.getLogger("diplograph.server")


@dataclass(frozen=True)
class Settings:
    """The limits of a server.

    ``timeout`` (seconds) bounds each query, from the moment a worker takes it to the last
    byte of its answer; ``row_limit`` bounds the rows (or triples) of an answer;
    ``body_limit`` the bytes of a request body; ``workers`` is how many queries run at once.
    """

    timeout: float = 30.0
    row_limit: int = 10_000
    body_limit: int = 1_000_000
    workers: int = 2
    isolate: bool = True
    cors: bool = False

    def __post_init__(self) -> None:
        if self.timeout <= 0:
            raise ValueError("the query timeout must be more than 0 seconds")
        if self.row_limit < 1:
            raise ValueError("the row limit must be at least 1")
        if self.body_limit < 1024:
            raise ValueError("the request body limit must be at least 1024 bytes")
        if self.workers < 1:
            raise ValueError("there must be at least one query worker")


def settings(request: Request) -> Settings:
    return request.app.state.settings


def error(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    """A one-sentence plain-text error."""
    return Response(
        message.strip() + "\n", status, headers=headers, media_type="text/plain; charset=utf-8"
    )


async def run_job(request: Request, job: Job) -> Response:
    """Run ``job`` on a worker and answer with its outcome, its limits made explicit."""
    config = settings(request)
    pool: Pool = request.app.state.pool
    try:
        outcome = await pool.run(job, config.timeout)
    except Busy as exc:
        return error(503, f"the server is busy: {exc}; try again later", {"Retry-After": "5"})
    if outcome is None:
        log.warning("query stopped after the %g s timeout", config.timeout)
        return error(
            503,
            f"the query did not finish within the server's time limit of {config.timeout:g} s "
            "and was stopped; make it more selective (or start the server with a longer "
            "--timeout)",
        )
    headers = dict(outcome.headers)
    if outcome.rows is not None:
        headers["X-Result-Rows"] = str(outcome.rows)
    if outcome.truncated:
        limit = job.row_limit
        headers["X-Result-Truncated"] = "true"
        headers["X-Result-Limit"] = str(limit)
        headers["Warning"] = f'199 diplograph "result truncated to the first {limit} rows"'
        log.warning("result truncated at the row limit of %d", limit)
    if request.method == "HEAD":
        return Response(b"", outcome.status, headers=headers, media_type=outcome.media_type)
    return Response(outcome.body, outcome.status, headers=headers, media_type=outcome.media_type)
