"""Files only this user may read: crash reports and logs hold tracebacks, paths, titles and
sometimes text from articles, and a shared PC's other accounts have no business reading them.

Folders we create are 0700 and files 0600 (on Windows the per-user profile already keeps them
private and the modes mean little)."""

from __future__ import annotations

import contextlib
import os
from datetime import datetime
from io import TextIOWrapper
from pathlib import Path

CRASH_REPORTS_KEPT = 5


def private_folder(folder: Path) -> Path:
    """`folder`, made with every missing parent as 0700; the folder itself is ours, so an
    older, wider mode on it is narrowed too."""
    missing = [p for p in (folder, *folder.parents) if not p.exists()]
    for part in reversed(missing):
        with contextlib.suppress(FileExistsError):  # another process made it a moment ago
            part.mkdir(mode=0o700)
    os.chmod(folder, 0o700)
    return folder


def open_private(path: Path, mode: str = "a", encoding: str = "utf-8") -> TextIOWrapper:
    """A text file opened for writing that only this user can read, whatever the umask or an
    older version left."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if mode.startswith("a") else os.O_TRUNC)
    descriptor = os.open(path, flags, 0o600)
    try:
        os.chmod(path, 0o600)
        stream = open(descriptor, mode, encoding=encoding)  # noqa: SIM115  (the caller closes it)
        assert isinstance(stream, TextIOWrapper)  # a text mode, for the type checker
        return stream
    except BaseException:
        os.close(descriptor)
        raise


def write_crash_report(folder: Path, prefix: str, text: str) -> Path:
    """A new report `prefix-<time>-<pid>.log` in `folder`; only the newest few are kept."""
    private_folder(folder)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    path = folder / f"{prefix}-{stamp}-{os.getpid()}.log"
    with open_private(path, "w") as report:
        report.write(text)
    # The names sort by time; the one bare `prefix.log` an older version wrote is the oldest.
    reports = sorted(
        folder.glob(f"{prefix}*.log"), key=lambda p: (p.name != f"{prefix}.log", p.name)
    )
    for old in reports[: max(0, len(reports) - CRASH_REPORTS_KEPT)]:
        old.unlink(missing_ok=True)
    return path
