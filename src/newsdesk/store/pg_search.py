"""Search on PostgreSQL: the same character bigrams as SQLite's FTS5 index (`fts.index_text`),
kept as two tsvector columns of `article_search` and matched with a tsquery."""

from __future__ import annotations

from newsdesk.store import fts

# Tokens travel as one space-separated string (they hold no spaces): adapting a Python list to
# text[] cost more than building the index.
INDEX = (
    "INSERT INTO article_search (article_id, body_tokens, title_tokens)"
    " VALUES (?, array_to_tsvector(string_to_array(?, ' ')),"
    " array_to_tsvector(string_to_array(?, ' ')))"
    " ON CONFLICT (article_id) DO UPDATE SET body_tokens = EXCLUDED.body_tokens,"
    " title_tokens = EXCLUDED.title_tokens"
)
CANDIDATES = {
    column: f"SELECT article_id FROM article_search WHERE {column} @@ ?::tsquery"
    " ORDER BY article_id DESC LIMIT ?"
    for column in ("body_tokens", "title_tokens")
}


def windows() -> tuple[tuple[str, int], ...]:
    """Each column with how many of its newest matches to take (read when searching)."""
    return (("body_tokens", fts.BODY_WINDOW), ("title_tokens", fts.TITLE_WINDOW))


def _lexeme(token: str) -> str:
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def tsquery(query: str) -> str | None:
    """Every token of every term must be present (AND); a lone last Han character is a prefix.
    Positions are not used, so long articles do not hit PostgreSQL's position limit; the exact
    phrase is checked on the candidates afterwards."""
    parts: list[str] = []
    for term in query.split():
        pieces = fts._PIECES.findall(term)
        for index, (han, word) in enumerate(pieces):
            last = index == len(pieces) - 1
            if not han:
                parts.append(_lexeme(word.lower()))
            elif len(han) == 1:
                parts.append(_lexeme(han) + (":*" if last else ""))
            else:
                parts.extend(_lexeme(han[i : i + 2]) for i in range(len(han) - 1))
    return " & ".join(parts) if parts else None


def tokens(text: str) -> str:
    return " ".join(sorted(set(fts.index_text(text).split())))


def holds(title: str, body: str, query: str) -> bool:
    """The index matched tokens, not positions: keep only articles holding every term."""
    terms = [t.lower() for t in query.split()]
    return _holds(title, terms) or _holds(body, terms)


def _holds(text: str, terms: list[str]) -> bool:
    folded = text.lower()
    return all(term in folded for term in terms)
