"""Recovery copies: the unsaved text on disk, offered again after a crash.

Written while typing goes on, about once a second, on a thread of their own: replacing a file
can wait on the disk (on ext4 a rename over a file flushes its data first), and a busy disk
must not stall the window. Only the newest text is written; a copy asked for `now` (closing,
a conflict, the crash hook) and a drop happen before they return, and nothing older lands
after them.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

_turns: dict[Path, int] = {}  # the newest turn asked for, per file
_turns_lock = threading.Lock()
_disk_lock = threading.Lock()  # one write or drop at a time, so an older one cannot land last
_writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsdesk-recovery")


def _turn(path: Path) -> int:
    with _turns_lock:
        _turns[path] = _turns.get(path, 0) + 1
        return _turns[path]


def _newest(path: Path, turn: int) -> bool:
    with _turns_lock:
        return _turns.get(path) == turn


def _write(path: Path, turn: int, text: str) -> None:
    with _disk_lock:
        if not _newest(path, turn):
            return  # a newer copy (or a drop) came meanwhile
        temporary = path.with_suffix(".part")
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(path)


def keep(path: Path, text: str, *, now: bool = False) -> None:
    turn = _turn(path)
    if now:
        _write(path, turn, text)
    else:
        _writer.submit(_write, path, turn, text)


def drop(path: Path) -> None:
    _turn(path)
    with _disk_lock:
        path.unlink(missing_ok=True)
