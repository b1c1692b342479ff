-- chronicle store, schema version 1: documents, their normalised annotations,
-- and a full-text index over title and body.
--
-- Every child table is keyed by (doc, idx), where `doc` is the document's rowid
-- and `idx` the position of the row in the record's list, so that the indices a
-- record uses (quote.speaker.entity, event.quote, ...) are foreign keys here.
-- Deleting a document cascades to all of its rows; triggers keep the FTS index
-- in step with `documents`.

CREATE TABLE documents (
    rowid               INTEGER PRIMARY KEY AUTOINCREMENT,
    id                  TEXT NOT NULL,
    sha256              TEXT NOT NULL UNIQUE,
    path                TEXT,
    language            TEXT,
    published           TEXT,
    published_precision TEXT,
    published_origin    TEXT,
    title               TEXT,
    source              TEXT,
    dateline            TEXT,
    url                 TEXT,
    body                TEXT NOT NULL,
    record              TEXT NOT NULL,
    ingested_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) STRICT;

CREATE INDEX documents_id ON documents (id);
CREATE INDEX documents_published ON documents (published);
CREATE INDEX documents_source ON documents (source);

CREATE TABLE entities (
    doc     INTEGER NOT NULL REFERENCES documents (rowid) ON DELETE CASCADE,
    idx     INTEGER NOT NULL,
    kb_id   TEXT,
    name    TEXT NOT NULL,
    type    TEXT NOT NULL,
    country TEXT,
    PRIMARY KEY (doc, idx)
) STRICT, WITHOUT ROWID;

CREATE INDEX entities_kb_id ON entities (kb_id);
CREATE INDEX entities_name ON entities (name);
CREATE INDEX entities_country ON entities (country);

CREATE TABLE mentions (
    doc    INTEGER NOT NULL,
    entity INTEGER NOT NULL,
    idx    INTEGER NOT NULL,
    text   TEXT NOT NULL,
    start  INTEGER NOT NULL,
    end    INTEGER NOT NULL CHECK (start <= end),
    PRIMARY KEY (doc, entity, idx),
    FOREIGN KEY (doc, entity) REFERENCES entities (doc, idx) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

CREATE TABLE quotes (
    doc             INTEGER NOT NULL REFERENCES documents (rowid) ON DELETE CASCADE,
    idx             INTEGER NOT NULL,
    text            TEXT NOT NULL,
    kind            TEXT NOT NULL,
    speaker_name    TEXT,
    speaker_entity  INTEGER,
    speaker_country TEXT,
    cue             TEXT,
    start           INTEGER NOT NULL,
    end             INTEGER NOT NULL CHECK (start <= end),
    PRIMARY KEY (doc, idx),
    FOREIGN KEY (doc, speaker_entity) REFERENCES entities (doc, idx) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

CREATE INDEX quotes_speaker_name ON quotes (speaker_name);
CREATE INDEX quotes_speaker_country ON quotes (speaker_country);

CREATE TABLE events (
    doc              INTEGER NOT NULL REFERENCES documents (rowid) ON DELETE CASCADE,
    idx              INTEGER NOT NULL,
    type             TEXT NOT NULL,
    mode             TEXT,
    source_name      TEXT,
    source_entity    INTEGER,
    source_country   TEXT,
    target_name      TEXT,
    target_entity    INTEGER,
    target_country   TEXT,
    date_value       TEXT,
    date_precision   TEXT,
    date_text        TEXT,
    location_name    TEXT,
    location_entity  INTEGER,
    location_country TEXT,
    negated          INTEGER NOT NULL CHECK (negated IN (0, 1)),
    quote            INTEGER,
    sentence         TEXT NOT NULL,
    start            INTEGER NOT NULL,
    end              INTEGER NOT NULL CHECK (start <= end),
    PRIMARY KEY (doc, idx),
    FOREIGN KEY (doc, source_entity) REFERENCES entities (doc, idx) ON DELETE CASCADE,
    FOREIGN KEY (doc, target_entity) REFERENCES entities (doc, idx) ON DELETE CASCADE,
    FOREIGN KEY (doc, location_entity) REFERENCES entities (doc, idx) ON DELETE CASCADE,
    FOREIGN KEY (doc, quote) REFERENCES quotes (doc, idx) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

CREATE INDEX events_source_country ON events (source_country, date_value);
CREATE INDEX events_target_country ON events (target_country, date_value);
CREATE INDEX events_type ON events (type, date_value);
CREATE INDEX events_date ON events (date_value);

CREATE TABLE times (
    doc       INTEGER NOT NULL REFERENCES documents (rowid) ON DELETE CASCADE,
    idx       INTEGER NOT NULL,
    text      TEXT NOT NULL,
    value     TEXT,
    precision TEXT,
    start     INTEGER NOT NULL,
    end       INTEGER NOT NULL CHECK (start <= end),
    PRIMARY KEY (doc, idx)
) STRICT, WITHOUT ROWID;

CREATE INDEX times_value ON times (value);

CREATE TABLE removed (
    doc    INTEGER NOT NULL REFERENCES documents (rowid) ON DELETE CASCADE,
    idx    INTEGER NOT NULL,
    text   TEXT NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (doc, idx)
) STRICT, WITHOUT ROWID;

CREATE INDEX removed_reason ON removed (reason);

CREATE TABLE duplicates (
    doc        INTEGER NOT NULL REFERENCES documents (rowid) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    other      TEXT NOT NULL,
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL CHECK (start <= end),
    similarity REAL NOT NULL,
    PRIMARY KEY (doc, idx)
) STRICT, WITHOUT ROWID;

CREATE INDEX duplicates_other ON duplicates (other);

CREATE VIRTUAL TABLE documents_fts USING fts5 (
    title,
    body,
    content = 'documents',
    content_rowid = 'rowid',
    tokenize = "unicode61 remove_diacritics 2"
);

CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts (rowid, title, body) VALUES (new.rowid, new.title, new.body);
END;

CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, body)
        VALUES ('delete', old.rowid, old.title, old.body);
END;

CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, body ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, body)
        VALUES ('delete', old.rowid, old.title, old.body);
    INSERT INTO documents_fts (rowid, title, body) VALUES (new.rowid, new.title, new.body);
END;
