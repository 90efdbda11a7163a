"""The app's save: text and co-editors are one change, as in `article edit`."""

from __future__ import annotations

import pytest

from newsdesk.core.errors import NotFound, RoleRequired
from newsdesk.core.models import ArticleContent
from newsdesk.ui.article_session import ArticleSession
from tests.conftest import BACKENDS, Newsroom


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(("named", "error"), [("nobody", NotFound), ("feng", RoleRequired)])
def test_a_refused_co_editor_saves_no_text(
    newsroom: Newsroom, named: str, error: type[Exception]
) -> None:
    ws, ma = newsroom.ws, newsroom.ma
    article_id = ws.articles.create(ma, ArticleContent("原标题", "原正文。"))
    session = ArticleSession.open(ws, ma, article_id)
    with pytest.raises(error):
        session.save(ArticleContent("新标题", "新正文。"), named)
    article = ws.articles.get(article_id)
    assert (article.content.title, article.version, article.editor_ids) == ("原标题", 1, (ma.id,))
    session.save(ArticleContent("新标题", "新正文。"), "yan")
    article = ws.articles.get(article_id)
    assert (article.content.title, article.editor_ids) == ("新标题", (ma.id, newsroom.yan.id))
    session.close()
