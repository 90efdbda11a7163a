"""What the UI and the CLI see of a store: a Repository with a location, whichever engine; and
what the store is given rather than works out (字数)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.core.errors import StoreError
from newsdesk.core.models import ArticleContent
from newsdesk.store import Location, open_repository
from newsdesk.store.pg_store import PgStore
from newsdesk.store.sql_store import SqlStore
from newsdesk.store.sqlite_store import SqliteStore
from newsdesk.store.target import server_location
from tests.conftest import BACKENDS, Newsroom, pg_url


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """Every test here that opens a newsroom runs on SQLite and on PostgreSQL."""
    return str(request.param)


def _characters(n: Newsroom, article_id: int) -> int:
    row = n.store._one("SELECT characters FROM articles WHERE id = ?", (article_id,))
    assert row is not None
    return int(row[0])


def test_a_file_is_local_and_names_its_path(db_path: Path) -> None:
    store = open_repository(str(db_path))
    try:
        assert store.location == Location(str(db_path), db_path)
        assert store.location.local and store.location.server is None
        assert store.target == store.location.address == str(db_path)
        store.try_again()  # nothing to forget on a file, and no error for asking
        assert store.users_count_probe() == 7
    finally:
        store.close()


def test_a_server_is_not_local_and_never_shows_its_password(newsroom: Newsroom) -> None:
    if not isinstance(newsroom.store, PgStore):
        pytest.skip("a server's store only")
    store = newsroom.store
    assert not store.location.local and store.location.path is None
    assert store.location.server == store.target == pg_url(str(newsroom.path))
    shown = server_location("postgresql://ed:s3cret@db.example/room?passfile=/p").shown
    assert shown == "postgresql://ed:***@db.example/room"
    assert "s3cret" not in repr(server_location("postgresql://ed:s3cret@db.example/room"))
    reopened = open_repository(store.location.address)  # what a worker thread opens
    try:
        assert reopened.location == store.location
    finally:
        reopened.close()


def test_the_engines_are_two_dialects_of_one_store(newsroom: Newsroom) -> None:
    assert isinstance(newsroom.store, SqlStore)
    assert not issubclass(PgStore, SqliteStore) and not issubclass(SqliteStore, PgStore)


def test_the_store_keeps_the_character_count_it_is_given(newsroom: Newsroom) -> None:
    n = newsroom
    with n.store.transaction():
        article_id = n.store.create_article(
            ArticleContent("标题", "正文"), n.ma.id, [n.ma.id], n.clock(), characters=41
        )
    assert _characters(n, article_id) == 41
    with n.store.transaction():
        n.store.save_content(
            article_id, ArticleContent("标题", "改"), n.ma.id, n.clock(), characters=7
        )
    assert _characters(n, article_id) == 7


def test_the_articles_service_counts_characters_from_the_body(newsroom: Newsroom) -> None:
    n = newsroom
    article_id = n.ws.articles.create(n.ma, ArticleContent("标题", "舟曲县 has 2 **words**。"))
    assert _characters(n, article_id) == 6  # 舟, 曲, 县, has, 2, words: markup not counted


def test_an_upsert_written_once_replaces_on_both_engines(newsroom: Newsroom) -> None:
    with newsroom.store.transaction():
        newsroom.store.put_setting("x.y", "1")
        newsroom.store.put_setting("x.y", "2")
    assert newsroom.store.settings_under("x.") == {"x.y": "2"}


def test_a_server_says_how_it_is_backed_up(newsroom: Newsroom, tmp_path: Path) -> None:
    if not isinstance(newsroom.store, PgStore):
        pytest.skip("a server's store only")
    with pytest.raises(StoreError, match="pg_dump"):
        newsroom.store.backup_to(tmp_path / "copy.db")
    assert not (tmp_path / "copy.db").exists()


def test_a_server_renders_each_statement_once(newsroom: Newsroom) -> None:
    if not isinstance(newsroom.store, PgStore):
        pytest.skip("a server's store only")
    from newsdesk.store.pg_dialect import render

    newsroom.store.get_user(newsroom.ma.id)  # rendered (if no test before did)
    before = render.cache_info()
    for _ in range(5):
        newsroom.store.get_user(newsroom.ma.id)
        newsroom.store.put_setting("k", "v")
    after = render.cache_info()
    assert after.hits - before.hits >= 10 and after.misses - before.misses <= 1
