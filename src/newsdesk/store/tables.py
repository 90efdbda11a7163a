"""Every table of a workspace, declared once: SQLite's and PostgreSQL's DDL, each migration's
changes (store/history.py), what `newsdesk migrate` copies and the store's lists of tables are
all made from this. Each part says the schema version that brought it (`since`); a migration
never changes what an earlier one declared, it adds (store/history.py says how).

Not declared here, being one engine's own: SQLite's FTS5 search tables (schema.py) and
PostgreSQL's tsvector search table and its bookkeeping table `newsdesk_schema` (pg_schema.py).
"""

from __future__ import annotations

from newsdesk.store.ddl import Column, Index, Table

_ID = Column("id", "id", primary_key=True)


def _text(name: str, *, since: int = 1, default: str | None = None) -> Column:
    return Column(name, "text", not_null=True, default=default, since=since)


def _ref(
    name: str, target: str, *, null: bool = False, since: int = 1, deferred_as: str | None = None
) -> Column:
    return Column(
        name, "bigint", not_null=not null, references=target, since=since, deferred_as=deferred_as
    )


def _int(name: str, *, since: int = 1, null: bool = False) -> Column:
    return Column(name, "integer", not_null=not null, since=since)


_USER = _ref("user_id", "users(id)")
_ARTICLE = _ref("article_id", "articles(id)")
_ACCOUNT = _ref("account_id", "accounts(id)", since=5)

TABLES: tuple[Table, ...] = (
    Table(
        "users",
        (
            _ID,
            Column("username", "text", not_null=True, unique=True),
            _text("display_name"),
            _text("roles"),
            _text("password_hash"),
            Column("disabled", "integer", not_null=True, default="0"),
            _text("created_at"),
            Column("failed_attempts", "integer", not_null=True, default="0"),
            Column("last_failed_at", "text"),
            # Keys of the names (core/names.py): NULL for a later holder of a clashing name.
            Column("username_key", "text", since=8),
            Column("display_key", "text", since=8),
        ),
    ),
    # Before the articles that belong to one: `migrate` copies in this order.
    Table(
        "accounts",
        (
            _ID,
            Column("name", "text", not_null=True, unique=True),
            _text("title"),
            _text("appid", default="''"),
            _text("api_base", default="''"),
            _text("created_at"),
        ),
        since=5,
    ),
    Table(
        "articles",
        (
            _ID,
            _text("state"),
            _int("version"),
            _ref("revision_id", "revisions(id)", null=True, deferred_as="articles_revision"),
            _ref("creator_id", "users(id)"),
            _text("title"),
            _text("author", default="''"),
            _text("column_name", default="''"),
            _text("created_at"),
            _text("updated_at"),
            _text("published_url", default="''"),
            Column("published_at", "text"),
            _ref("account_id", "accounts(id)", null=True, since=5),
            # 字数 and the original flag of the current text, so statistics read, not recompute.
            _int("characters", null=True, since=6),
            _int("original", null=True, since=6),
        ),
    ),
    # The body is zlib-compressed: revisions are an archive, and Chinese text halves.
    Table(
        "revisions",
        (
            _ID,
            _ARTICLE,
            _int("version"),
            _USER,
            _text("created_at"),
            _text("kind"),
            _text("content_hash"),
            _text("title"),
            _text("meta"),
            Column("body", "blob", not_null=True),
        ),
    ),
    Table(
        "article_editors",
        (_ARTICLE, _USER, _int("position")),
        primary_key=("article_id", "user_id"),
        without_rowid=True,
    ),
    Table(
        "sign_offs",
        (
            _ID,
            _ARTICLE,
            _text("level"),
            _USER,
            _text("content_hash"),
            _text("signed_at"),
            Column("voided_at", "text"),
            _text("void_reason", default="''"),
            # What 三校 found, fixed and let stand before this level signed.
            _int("proof_found", null=True, since=4),
            _int("proof_fixed", null=True, since=4),
            _int("proof_dismissed", null=True, since=4),
        ),
    ),
    Table(
        "notes",
        (
            _ID,
            _ARTICLE,
            _text("kind"),
            _USER,
            _text("reason"),
            _text("from_state"),
            _text("created_at"),
        ),
    ),
    # Not copied by `migrate`: nobody is editing during a move.
    Table(
        "locks",
        (
            Column("article_id", "bigint", primary_key=True, references="articles(id)"),
            _USER,
            _text("machine"),
            _text("acquired_at"),
            _text("heartbeat_at"),
            _text("expires_at"),
        ),
        copied=False,
    ),
    # Append-only (each dialect's triggers); ids are given by the log's writer, in order.
    Table(
        "audit_log",
        (
            Column("id", "bigint", primary_key=True),
            _text("at"),
            Column("actor_id", "bigint"),
            _text("action"),
            Column("article_id", "bigint"),
            _text("detail"),
            _text("prev_hash"),
            _text("hash"),
        ),
    ),
    Table(
        "media",
        (
            Column("hash", "text", primary_key=True),
            _text("mime"),
            _int("size"),
            _int("width", null=True),
            _int("height", null=True),
            Column("data", "blob", not_null=True),
            _text("created_at"),
            # A recompressed image remembers the original it was made from.
            Column("original", "text", references="media(hash)", since=2),
        ),
    ),
    Table("settings", (Column("key", "text", primary_key=True), _text("value"))),
    # A dismissal is a decision on record: who let which words stand, on which text, and why.
    Table(
        "proof_dismissals",
        (
            _ID,
            _ARTICLE,
            _text("key"),
            _text("category"),
            _text("field"),
            _text("text"),
            _text("context"),
            _text("reason"),
            _USER,
            _text("content_hash"),
            _text("created_at"),
        ),
        unique=(("article_id", "key"),),
        since=4,
    ),
    # What each level's stage showed, so its sign-off can say how many were fixed.
    Table(
        "proof_seen",
        (_ARTICLE, _text("level"), _text("key"), _text("category"), _text("severity")),
        primary_key=("article_id", "level", "key"),
        since=4,
    ),
    # Each picture goes up once per account; every PC knows its WeChat URL from here.
    Table(
        "wechat_media",
        (
            _ACCOUNT,
            _text("hash"),
            _text("kind"),
            _text("url"),
            _text("media_id", default="''"),
            _text("uploaded_at"),
        ),
        primary_key=("account_id", "hash", "kind"),
        since=5,
    ),
    Table(
        "wechat_pushes",
        (
            _ID,
            _ACCOUNT,
            _text("article_ids"),
            _text("draft_media_id"),
            _USER,
            _text("pushed_at"),
            _text("publish_id", default="''"),
            _text("publish_status", default="''"),
        ),
        since=5,
    ),
    Table(
        "article_wechat",
        (
            Column("article_id", "bigint", primary_key=True, references="articles(id)"),
            _ref("push_id", "wechat_pushes(id)"),
            _int("position"),
            _text("pushed_hash"),
        ),
        since=5,
    ),
    Table(
        "topics",
        (
            _ID,
            _text("title"),
            _text("brief", default="''"),
            _text("column_name", default="''"),
            _ref("account_id", "accounts(id)"),
            _ref("proposed_by", "users(id)"),
            _text("state"),
            _text("due_date", default="''"),
            _text("slot_date", default="''"),
            _int("slot_position", null=True),
            _ref("article_id", "articles(id)", null=True),
            _text("drop_reason", default="''"),
            _text("created_at"),
            _text("updated_at"),
        ),
        since=6,
    ),
    Table(
        "topic_assignees",
        (_ref("topic_id", "topics(id)"), _USER),
        primary_key=("topic_id", "user_id"),
        since=6,
    ),
    # The newest audit entry's id and hash, moved forward by the database on every append and
    # never back (core/audit_anchor.py). Not copied by `migrate`: the server's moves as the
    # copied log goes in, and the copy is checked against the source's.
    Table(
        "audit_mark",
        (
            Column("only_row", "integer", primary_key=True, check="only_row = 1"),
            Column("last_id", "bigint", not_null=True),
            _text("last_hash"),
        ),
        since=8,
        copied=False,
    ),
)

INDEXES: tuple[Index, ...] = (
    Index("articles_state_updated", "articles", "state, updated_at DESC, id DESC"),
    Index("articles_updated", "articles", "updated_at DESC, id DESC"),
    Index("revisions_article", "revisions", "article_id, id"),
    Index("sign_offs_article", "sign_offs", "article_id, id"),
    Index("notes_article", "notes", "article_id, id"),
    # 我的待办 asks "which drafts does this person edit" on every refresh of every PC.
    Index("article_editors_user", "article_editors", "user_id, article_id", since=3),
    Index("wechat_pushes_articles", "wechat_pushes", "account_id, article_ids, id", since=5),
    Index("topics_state", "topics", "state, updated_at", since=6),
    Index("topics_slot", "topics", "slot_date, account_id", since=6),
    Index("articles_published", "articles", "published_at", since=6, until=7),
    Index("audit_log_action_at", "audit_log", "action, at", since=6, until=7),
    # Statistics over a year are counted from indexes alone: each holds the columns its
    # count reads, so half a million audit entries are not visited one by one.
    Index("audit_log_action_at", "audit_log", "action, at, actor_id", since=7),
    Index(
        "articles_published",
        "articles",
        "published_at, state, column_name, account_id, characters, original",
        since=7,
    ),
    Index("articles_created", "articles", "created_at, creator_id", since=7),
    Index("sign_offs_signed", "sign_offs", "signed_at, user_id, proof_fixed", since=7),
    # Unique names: a clash the service did not see is refused by the database.
    Index("users_username_fold", "users", "username_key", unique=True, since=8),
    Index("users_display_fold", "users", "display_key", unique=True, since=8),
)

BY_NAME = {table.name: table for table in TABLES}
WITH_ID = frozenset(t.name for t in TABLES if "id" in t.column_names())
"""Tables whose rows have an `id`: an INSERT into one returns the new row's id."""
