"""Shared fixtures. Every user directory points into tmp_path; every database is a real file."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from newsdesk.core.models import Role, User
from newsdesk.core.workspace import Workspace
from newsdesk.store.pg_store import PgStore
from newsdesk.store.sql_store import SqlStore
from newsdesk.store.sqlite_store import SqliteStore

PASSWORD = "pass-1234"
STAFF: tuple[tuple[str, str, tuple[Role, ...]], ...] = (
    ("admin", "管理员", (Role.ADMIN,)),
    ("ma", "马编辑", (Role.EDITOR,)),
    ("yan", "严编辑", (Role.EDITOR,)),
    ("feng", "冯审核", (Role.AUDITOR,)),
    ("zhao", "赵审核", (Role.AUDITOR,)),
    ("sang", "桑出品", (Role.PRODUCER,)),
    ("li", "李主任", (Role.EDITOR, Role.AUDITOR, Role.PRODUCER)),
)


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"):
        monkeypatch.setenv(var, str(tmp_path / "home" / var.lower()))
    for var in ("NEWSDESK_DB", "NEWSDESK_PASSWORD", "NEWSDESK_NEW_PASSWORD", "NEWSDESK_LANG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)


class FakeClock:
    """A clock tests move by hand, so expiry and throttling need no sleeping."""

    def __init__(self) -> None:
        self.now = datetime(2026, 3, 18, 2, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(microseconds=1)  # keep timestamps distinct and ordered
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture(scope="session")
def staffed_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with the staff above, built once: scrypt is slow on purpose."""
    path = tmp_path_factory.mktemp("template") / "staff.db"
    _add_staff(SqliteStore(path, create=True))
    return path


def _add_staff(store: SqliteStore) -> None:
    """STAFF into a new workspace (the first of them is its administrator), then closed."""
    ws = Workspace(store)
    admin: User | None = None
    for username, name, roles in STAFF:
        user = ws.users.add(admin, username, name, frozenset(roles), PASSWORD)
        admin = admin or user
    store.close()


@dataclass
class Newsroom:
    ws: Workspace
    store: SqlStore
    clock: FakeClock
    path: Path

    def __getattr__(self, username: str) -> User:
        user = self.ws.repo.find_user(username)
        if user is None:
            raise AttributeError(username)
        return user


@pytest.fixture
def db_path(tmp_path: Path, staffed_template: Path) -> Path:
    path = tmp_path / "newsdesk.db"
    shutil.copy(staffed_template, path)
    return path


# --- PostgreSQL (team mode): the same suites against a real server ------------------------------
# NEWSDESK_TEST_PG is the server (default: the local socket); CI sets NEWSDESK_TEST_PG_REQUIRED
# so that a missing server fails the run instead of skipping those tests.
PG_SERVER = os.environ.get("NEWSDESK_TEST_PG", "postgresql:///")
BACKENDS = ["sqlite", "postgresql"]


def pg_url(database: str) -> str:
    return PG_SERVER + ("" if PG_SERVER.endswith("/") else "/") + database


def _pg_admin() -> Any:
    import psycopg

    return psycopg.connect(pg_url("postgres"), autocommit=True, connect_timeout=3)


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    try:
        admin = _pg_admin()
    except Exception as error:  # no server here
        if os.environ.get("NEWSDESK_TEST_PG_REQUIRED"):
            raise
        pytest.skip(f"no PostgreSQL server at {PG_SERVER}: {error}")
    name = f"nd_tpl_{os.getpid()}"
    admin.execute(f"DROP DATABASE IF EXISTS {name}")
    admin.execute(f"CREATE DATABASE {name}")
    _add_staff(PgStore(pg_url(name), create=True))
    yield name
    admin.execute(f"DROP DATABASE IF EXISTS {name}")
    admin.close()


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture
def newsroom(request: pytest.FixtureRequest, backend: str) -> Iterator[Newsroom]:
    clock = FakeClock()
    if backend == "sqlite":
        db_path = request.getfixturevalue("db_path")
        store = SqliteStore(db_path)
        yield Newsroom(Workspace(store, clock=clock, machine="pc-test"), store, clock, db_path)
        store.close()
        return
    template = request.getfixturevalue("pg_template")
    name = f"nd_t_{uuid.uuid4().hex[:12]}"
    admin = _pg_admin()
    admin.execute(f"CREATE DATABASE {name} TEMPLATE {template}")
    pg = PgStore(pg_url(name))
    yield Newsroom(Workspace(pg, clock=clock, machine="pc-test"), pg, clock, Path(name))
    pg.close()
    admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    admin.close()


@pytest.fixture
def empty_pg(pg_template: str) -> Iterator[str]:
    """An empty database on the test server, as an administrator creates one."""
    admin = _pg_admin()
    name = f"nd_empty_{uuid.uuid4().hex[:12]}"
    admin.execute(f"CREATE DATABASE {name}")
    yield pg_url(name)
    admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    admin.close()


@dataclass
class ServerRoles:
    """A database set up as the README tells an office administrator: an owner role and a
    staff role, each with a password, reached over TCP as the office's PCs would."""

    database: str
    owner: str
    staff: str
    password: str

    def url(self, role: str, *, password: bool = True) -> str:
        secret = f":{self.password}" if password else ""
        return f"postgresql://{role}{secret}@127.0.0.1:5432/{self.database}"


README_GRANTS_MARK = "-- newsdesk: staff role grants"


def readme_grants(staff: str) -> str:
    """The README's grants block, word for word, for the staff role `staff`."""
    import re

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split(README_GRANTS_MARK, 1)[1].split("```", 1)[0]
    return re.sub(r"\bnewsdesk;", f"{staff};", block)


@pytest.fixture
def server_roles(pg_template: str) -> Iterator[ServerRoles]:
    suffix = uuid.uuid4().hex[:8]
    roles = ServerRoles(
        f"nd_team_{suffix}", f"nd_owner_{suffix}", f"nd_staff_{suffix}", "pw-" + suffix
    )
    admin = _pg_admin()
    for role in (roles.owner, roles.staff):
        admin.execute(f"CREATE ROLE {role} LOGIN PASSWORD '{roles.password}'")
    admin.execute(
        f"CREATE DATABASE {roles.database} OWNER {roles.owner} ENCODING 'UTF8' TEMPLATE template0"
    )
    yield roles
    admin.execute(f"DROP DATABASE IF EXISTS {roles.database} WITH (FORCE)")
    for role in (roles.owner, roles.staff):
        admin.execute(f"DROP ROLE IF EXISTS {role}")
    admin.close()


@pytest.fixture
def readme_server(server_roles: ServerRoles, request: pytest.FixtureRequest) -> ServerRoles:
    """The README's steps 2 and 3: the first administrator made as the owner through the real
    CLI, then the README's grants, word for word, for the staff role."""
    owner = server_roles.url(server_roles.owner)
    made = request.getfixturevalue("cli")(
        "--db", owner, "user", "add", "admin", "--name", "管理员", "--role", "admin",
        env={"NEWSDESK_NEW_PASSWORD": "admin-pass-1"},
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    import psycopg

    with psycopg.connect(owner, autocommit=True) as connection:
        connection.execute(readme_grants(server_roles.staff))
    return server_roles


from tests.cli.conftest import Run, cli_process  # noqa: E402, F401  (the real CLI, for every test folder)
from tests.netfault import link  # noqa: E402, F401  (a link to the server that can be cut)
from tests.wechat_standin import wechat_server  # noqa: E402, F401  (the 公众号 API stand-in)


@pytest.fixture
def cli(request: pytest.FixtureRequest) -> Run:
    """The real `newsdesk` as its own process: outside tests/cli the CLI stands for another PC
    or a script beside the app. tests/cli runs most of its commands in-process instead."""
    run: Run = request.getfixturevalue("cli_process")
    return run
