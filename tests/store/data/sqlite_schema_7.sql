-- Newsdesk SQLite schema 7, as made before the schema was declared once
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
    , account_id INTEGER REFERENCES accounts(id), characters INTEGER, original INTEGER);
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
    , proof_found INTEGER, proof_fixed INTEGER, proof_dismissed INTEGER);
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
    , original TEXT REFERENCES media(hash));
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE VIRTUAL TABLE article_fts USING fts5(
        title, body, content='', tokenize='unicode61 remove_diacritics 2'
    );
CREATE VIRTUAL TABLE title_fts USING fts5(
        title, content='', tokenize='unicode61 remove_diacritics 2'
    );
CREATE INDEX article_editors_user ON article_editors(user_id, article_id);
CREATE TABLE proof_dismissals (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id),
        key TEXT NOT NULL,
        category TEXT NOT NULL,
        field TEXT NOT NULL,
        text TEXT NOT NULL,
        context TEXT NOT NULL,
        reason TEXT NOT NULL,
        user_id INTEGER NOT NULL REFERENCES users(id),
        content_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (article_id, key)
    );
CREATE TABLE proof_seen (
        article_id INTEGER NOT NULL REFERENCES articles(id),
        level TEXT NOT NULL,
        key TEXT NOT NULL,
        category TEXT NOT NULL,
        severity TEXT NOT NULL,
        PRIMARY KEY (article_id, level, key)
    );
CREATE TABLE accounts (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        appid TEXT NOT NULL DEFAULT '',
        api_base TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
    );
CREATE TABLE wechat_media (
        account_id INTEGER NOT NULL REFERENCES accounts(id),
        hash TEXT NOT NULL,
        kind TEXT NOT NULL,
        url TEXT NOT NULL,
        media_id TEXT NOT NULL DEFAULT '',
        uploaded_at TEXT NOT NULL,
        PRIMARY KEY (account_id, hash, kind)
    );
CREATE TABLE wechat_pushes (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES accounts(id),
        article_ids TEXT NOT NULL,
        draft_media_id TEXT NOT NULL,
        user_id INTEGER NOT NULL REFERENCES users(id),
        pushed_at TEXT NOT NULL,
        publish_id TEXT NOT NULL DEFAULT '',
        publish_status TEXT NOT NULL DEFAULT ''
    );
CREATE INDEX wechat_pushes_articles ON wechat_pushes(account_id, article_ids, id);
CREATE TABLE article_wechat (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id),
        push_id INTEGER NOT NULL REFERENCES wechat_pushes(id),
        position INTEGER NOT NULL,
        pushed_hash TEXT NOT NULL
    );
CREATE TABLE topics (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        brief TEXT NOT NULL DEFAULT '',
        column_name TEXT NOT NULL DEFAULT '',
        account_id INTEGER NOT NULL REFERENCES accounts(id),
        proposed_by INTEGER NOT NULL REFERENCES users(id),
        state TEXT NOT NULL,
        due_date TEXT NOT NULL DEFAULT '',
        slot_date TEXT NOT NULL DEFAULT '',
        slot_position INTEGER,
        article_id INTEGER REFERENCES articles(id),
        drop_reason TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
CREATE INDEX topics_state ON topics(state, updated_at);
CREATE INDEX topics_slot ON topics(slot_date, account_id);
CREATE TABLE topic_assignees (
        topic_id INTEGER NOT NULL REFERENCES topics(id),
        user_id INTEGER NOT NULL REFERENCES users(id),
        PRIMARY KEY (topic_id, user_id)
    );
CREATE INDEX audit_log_action_at ON audit_log(action, at, actor_id);
CREATE INDEX articles_published ON articles(published_at, state, column_name, account_id, characters, original);
CREATE INDEX articles_created ON articles(created_at, creator_id);
CREATE INDEX sign_offs_signed ON sign_offs(signed_at, user_id, proof_fixed);
INSERT INTO accounts (id, name, title, appid, api_base, created_at) VALUES (1, 'default', '本县融媒', '', '', '2026-01-01T00:00:00+00:00');
INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('newsdesk', '0001_initial', '2026-12-07 21:43:23.503865+00:00');
INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('newsdesk', '0002_media_original', '2026-12-07 21:43:23.527022+00:00');
INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('newsdesk', '0003_editor_lookup', '2026-12-07 21:43:23.546583+00:00');
INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('newsdesk', '0004_proofreading', '2026-12-07 21:43:23.575460+00:00');
INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('newsdesk', '0005_accounts', '2026-12-07 21:43:23.607371+00:00');
INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('newsdesk', '0006_planning', '2026-12-07 21:43:23.643156+00:00');
INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('newsdesk', '0007_stats_indexes', '2026-12-07 21:43:23.667071+00:00');
PRAGMA application_id = 1313100619;
PRAGMA user_version = 7;
