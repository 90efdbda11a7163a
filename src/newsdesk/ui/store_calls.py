"""How a part of the window asks the store for something without waiting on the network.

A `Runner` takes a job (given a workspace), what to do with its answer and with its error, and
a key: the newest request under a key wins, and the answer to one superseded meanwhile is
dropped (a search typed over, a second 公众号 chosen before the first answered). On a file on
this PC the job runs at once, on the window's own store, so the answer is there when the call
returns; in team mode the article controller runs it on its store worker thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from newsdesk.core.errors import NewsdeskError
from newsdesk.core.workspace import Workspace

Job = Callable[[Workspace], Any]
Done = Callable[[Any], None]
Failed = Callable[[Exception], None]
Runner = Callable[[Job, Done, Failed, str], None]


class Newest:
    """Numbers the requests under each key, so an answer can tell whether it is still wanted."""

    def __init__(self) -> None:
        self._asked: dict[str, int] = {}

    def ask(self, key: str, done: Done, failed: Failed) -> tuple[Done, Failed]:
        """`done` and `failed` wrapped to run only if no newer request under `key` came
        meanwhile."""
        turn = self._asked[key] = self._asked.get(key, 0) + 1

        def answer(result: Any) -> None:
            if self._asked.get(key) == turn:
                done(result)

        def refused(error: Exception) -> None:
            if self._asked.get(key) == turn:
                failed(error)

        return answer, refused


def inline(workspace: Workspace) -> Runner:
    """A runner for a file on this PC: the job at once, on `workspace`."""

    def run(job: Job, done: Done, failed: Failed, key: str) -> None:
        try:
            result = job(workspace)
        except NewsdeskError as error:
            failed(error)
            return
        done(result)

    return run
