"""The built proofreader kept between runs: `newsdesk proofread` and the app's first check load
the rules instead of parsing the packs and compiling them again.

Whatever `Proofreader.__init__` builds from data is cached with it, because the file holds the
built proofreader itself (pickled, its per-paragraph results left out). The key is a hash of
everything the build reads or runs: the program's version and Python's, every file shipped in
`resources/proofreading/` and `resources/wordlists/`, the source of this package, and the
workspace's own lists as given. Change any of them and the next build is a new file. A file
that cannot be read, or holds anything else, is ignored and rebuilt, never an error; one that
cannot be written is left unwritten. It lives in the user's cache folder, as Python's own
bytecode caches do: only the user's own programs write there.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

import platformdirs

from newsdesk import __version__
from newsdesk.content.proofreading import word_indexes
from newsdesk.content.proofreading.engine import Proofreader

FORMAT = b"newsdesk-proofreader-2"
PREFIX = "proofreader-"
_KEEP = 8  # built proofreaders kept: a few workspaces and versions, never a growing folder
_DATA = ("proofreading", "wordlists")


def cache_folder() -> Path:
    return Path(platformdirs.user_cache_dir("newsdesk", appauthor=False))


def data_folder() -> Path:
    # Where importlib.resources finds them for an installed package, without loading it (and
    # zipfile, tempfile…) on every start.
    return Path(__file__).resolve().parents[2] / "resources"


@lru_cache(maxsize=4)
def shipped_fingerprint(folder: Path) -> bytes:
    """What every build shares: program, interpreter, shipped data and the rules' code."""
    digest = hashlib.sha256(FORMAT)
    digest.update(f"\x00{__version__}\x00{sys.version}\x00".encode())
    files = [p for name in _DATA for p in (folder / name).iterdir() if p.is_file()]
    files += Path(__file__).parent.glob("*.py")
    for path in sorted(files):
        data = path.read_bytes()
        digest.update(f"{path.parent.name}/{path.name}\x00{len(data)}\x00".encode())
        digest.update(data)
    return digest.digest()


def cache_key(inputs: Sequence[str]) -> str:
    digest = hashlib.sha256(shipped_fingerprint(data_folder()))
    for text in inputs:
        data = text.encode("utf-8", "surrogatepass")
        digest.update(f"\x00{len(data)}\x00".encode())
        digest.update(data)
    return digest.hexdigest()


def cached_proofreader(
    inputs: Sequence[str], build: Callable[[], Proofreader], folder: Path | None = None
) -> Proofreader:
    """`build()`'s proofreader, from the cache if one was built from these `inputs` (the
    workspace's own lists, as text) and the same shipped data and code; else built and kept."""
    try:
        folder = folder if folder is not None else cache_folder()
        key = cache_key(inputs)
    except Exception:  # the shipped files cannot be read for the key: build, as without a cache
        _note("no key for the proofreader cache in %s", data_folder())
        return build()
    path = folder / f"{PREFIX}{key[:40]}.pickle"
    loaded = _load(path, key)
    if loaded is not None:
        return loaded
    built = build()
    _store(path, key, built)
    return built


def _load(path: Path, key: str) -> Proofreader | None:
    try:
        with path.open("rb") as file:
            stored_key, proofreader, indexes = pickle.load(file)
    except FileNotFoundError:
        return None
    except Exception:  # a torn write, another version's classes, any damage: build anew
        _note("ignoring the proofreader cache %s", path)
        return None
    if stored_key != key or not isinstance(proofreader, Proofreader):
        return None
    word_indexes.seed(indexes)
    with contextlib.suppress(OSError):
        os.utime(path)  # in use: the last to be pruned
    return proofreader


def _store(path: Path, key: str, proofreader: Proofreader) -> None:
    import tempfile  # only when the rules were built, not on every start

    try:
        data = pickle.dumps(
            (key, proofreader, word_indexes.snapshot()), protocol=pickle.HIGHEST_PROTOCOL
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written aside and renamed: a second process never reads half a file.
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".pickle")
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        _prune(path.parent, keep=path)
    except Exception:  # a read-only or full disk, a rule that cannot be pickled: just slower
        _note("could not keep the proofreader in %s", path)


def _prune(folder: Path, keep: Path) -> None:
    built = sorted(folder.glob(f"{PREFIX}*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in [p for p in built if p != keep][_KEEP - 1 :]:
        old.unlink(missing_ok=True)


def _note(message: str, path: Path) -> None:
    import logging  # only when something went wrong: not part of every start

    logging.getLogger(__name__).debug(message, path, exc_info=True)
