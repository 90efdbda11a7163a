"""The command line run inside the test's own process, seen as a subprocess would see it.

`main(argv)` is called with the environment, working folder and standard input a real
`newsdesk` process would have, its output captured as bytes and decoded as `subprocess.run(...,
text=True)` decodes them, and its exit status taken from the return value or `SystemExit`. It
answers with the same `subprocess.CompletedProcess`, so a test reads the same either way, and
takes a few milliseconds instead of a new interpreter's start.

Nothing a command changes in the process outlives the call: the environment, the working
folder, the standard streams, the `newsdesk` logger's handlers and level.
"""

from __future__ import annotations

import io
import logging
import os
import subprocess
import sys
import traceback
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from newsdesk.cli import main

ENCODING = "utf-8"  # PYTHONIOENCODING as the subprocess runner sets it


def run_in_process(
    argv: Sequence[str], env: dict[str, str], cwd: Path, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    out, err = io.BytesIO(), io.BytesIO()
    with _as_a_process(env, cwd, stdin, out, err):
        try:
            status = main(list(argv))
        except SystemExit as done:  # argparse's usage errors, --help, --version
            status = _exit_status(done.code)
        except BaseException:  # what the interpreter would print and exit 1 for
            traceback.print_exc()
            status = 1
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
    return subprocess.CompletedProcess(
        ["newsdesk", *argv], status, _decoded(out.getvalue()), _decoded(err.getvalue())
    )


def _exit_status(code: object) -> int:
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)  # sys.exit("message"): the message, status 1
    return 1


def _decoded(data: bytes) -> str:
    # As subprocess.run(text=True) reads a pipe: universal newlines.
    return data.decode(ENCODING).replace("\r\n", "\n").replace("\r", "\n")


def _stream(buffer: io.BytesIO) -> io.TextIOWrapper:
    # A text stream over bytes, strict like a real pipe's (the CLI relaxes it itself).
    return io.TextIOWrapper(buffer, encoding=ENCODING, errors="strict", write_through=True)


@contextmanager
def _as_a_process(
    env: dict[str, str], cwd: Path, stdin: str | None, out: io.BytesIO, err: io.BytesIO
) -> Iterator[None]:
    saved_env = dict(os.environ)
    saved_cwd = os.getcwd()
    saved_streams = sys.stdin, sys.stdout, sys.stderr
    logger = logging.getLogger("newsdesk")
    saved_log = list(logger.handlers), logger.level, logger.propagate
    os.environ.clear()
    os.environ.update(env)
    os.chdir(cwd)
    # Standard input as a pipe: the text given, else nothing (never the test runner's terminal).
    sys.stdin = io.TextIOWrapper(io.BytesIO((stdin or "").encode(ENCODING)), encoding=ENCODING)
    sys.stdout, sys.stderr = _stream(out), _stream(err)
    try:
        yield
    finally:
        for handler in logger.handlers:
            if handler not in saved_log[0]:
                handler.close()
        logger.handlers[:] = saved_log[0]
        logger.setLevel(saved_log[1])
        logger.propagate = saved_log[2]
        for stream in (sys.stdin, sys.stdout, sys.stderr):
            stream.detach()  # the buffers are read afterwards; closing them would lose that
        sys.stdin, sys.stdout, sys.stderr = saved_streams
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)


# Run as real processes even through the in-process fixture: the desktop app (Qt would own the
# test's process), and `newsdesk` alone (the app, where there is a screen).
PROCESS_ONLY = (None, "gui")


def command_of(argv: Sequence[str]) -> str | None:
    """The command `argv` names, past the options before it (--db TARGET takes a value)."""
    words = iter(argv)
    for word in words:
        if word == "--db":
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None
