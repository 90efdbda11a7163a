-- Newsdesk SQLite schema 1, as made before the schema was declared once
CREATE TABLE "_sqlite_migrations" (
   "id" INTEGER PRIMARY KEY,
   "migration_set" TEXT,
   "name" TEXT,
   "applied_at" TEXT
);
CREATE UNIQUE INDEX "idx__sqlite_migrations_migration_set_name"
    ON "_sqlite_migrations" ("migration_set", "name");
CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        roles TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        last_failed_at TEXT
    );
CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        state TEXT NOT NULL,
        version INTEGER NOT NULL,
        revision_id INTEGER REFERENCES revisions(id),
        creator_id INTEGER NOT NULL REFERENCES users(id),
        title TEXT NOT NULL,
        author TEXT NOT NULL DEFAULT '',
        column_name TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        published_url TEXT NOT NULL DEFAULT '',
        published_at TEXT
    );
CREATE INDEX articles_state_updated ON articles(state, updated_at DESC, id DESC);
CREATE INDEX articles_updated ON articles(updated_at DESC, id DESC);
CREATE TABLE revisions (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id),
        version INTEGER NOT NULL,
        user_id INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        kind TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        title TEXT NOT NULL,
        meta TEXT NOT NULL,
        body BLOB NOT NULL
    );
CREATE INDEX revisions_article ON revisions(article_id, id);
CREATE TABLE article_editors (
        article_id INTEGER NOT NULL REFERENCES articles(id),
        user_id INTEGER NOT NULL REFERENCES users(id),
        position INTEGER NOT NULL,
        PRIMARY KEY (article_id, user_id)
    ) WITHOUT ROWID;
CREATE TABLE sign_offs (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id),
        level TEXT NOT NULL,
        user_id INTEGER NOT NULL REFERENCES users(id),
        content_hash TEXT NOT NULL,
        signed_at TEXT NOT NULL,
        voided_at TEXT,
        void_reason TEXT NOT NULL DEFAULT ''
    );
CREATE INDEX sign_offs_article ON sign_offs(article_id, id);
CREATE TABLE notes (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id),
        kind TEXT NOT NULL,
        user_id INTEGER NOT NULL REFERENCES users(id),
        reason TEXT NOT NULL,
        from_state TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
CREATE INDEX notes_article ON notes(article_id, id);
CREATE TABLE locks (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id),
        user_id INTEGER NOT NULL REFERENCES users(id),
        machine TEXT NOT NULL,
        acquired_at TEXT NOT NULL,
        heartbeat_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
    );
CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor_id INTEGER,
        action TEXT NOT NULL,
        article_id INTEGER,
        detail TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
    );
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
       BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
       BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TABLE media (
        hash TEXT PRIMARY KEY,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        width INTEGER,
        height INTEGER,
        data BLOB NOT NULL,
        created_at TEXT NOT NULL
    );
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE VIRTUAL TABLE article_fts USING fts5(
        title, body, content='', tokenize='unicode61 remove_diacritics 2'
    );
CREATE VIRTUAL TABLE title_fts USING fts5(
        title, content='', tokenize='unicode61 remove_diacritics 2'
    );
INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('newsdesk', '0001_initial', '2026-12-07 21:43:22.443906+00:00');
PRAGMA application_id = 1313100619;
PRAGMA user_version = 1;
