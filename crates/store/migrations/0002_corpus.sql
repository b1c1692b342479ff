-- chronicle store, schema version 2: the corpus index, what the `corpus` stage
-- (chronicle-corpus) needs to compare a new document with every stored one
-- through index look-ups only.
--
-- * corpus_passages: the sentences of each document that are long enough to
--   compare, each in a cluster of near-identical sentences; `cluster` is the id
--   of the cluster's first sentence (its representative), `similarity` its
--   resemblance to the sentence it joined through (1 for a representative).
-- * corpus_bands: the MinHash LSH band keys of representatives only, so that
--   copies of a sentence do not make a look-up longer.
-- * corpus_documents: each document's story, publication days, exact
--   fingerprint and term vector (an opaque blob written by chronicle-corpus).
-- * corpus_terms and corpus_meta: document frequencies and the document count,
--   for term weights.
-- * corpus_postings: a few distinctive terms per document, to find the
--   documents (and so the stories) a new one shares words with.
-- * corpus_stories: one row per story, with its day range, size, centroid
--   (opaque blob) and main actors (JSON).
--
-- Ids of passages and stories are 63-bit integers chosen by chronicle-corpus
-- (hashes; passage ids start with the microsecond they were made, so that
-- new clusters are appended at the end of their index), so rows of a batch can
-- point at each other before they are written. Passages
-- are appended in document order (rowid) and found by document or by
-- cluster, never by id, so that adding one touches a single random page.
-- Days are days since 1970-01-01. Bands and postings do not cascade on
-- delete: look-ups join them with the rows that do.

CREATE TABLE corpus_documents (
    doc         INTEGER PRIMARY KEY REFERENCES documents (rowid) ON DELETE CASCADE,
    story       INTEGER NOT NULL,
    first_day   INTEGER,
    last_day    INTEGER,
    fingerprint INTEGER NOT NULL,
    terms       BLOB NOT NULL
) STRICT;

CREATE INDEX corpus_documents_story ON corpus_documents (story, doc);
CREATE INDEX corpus_documents_fingerprint ON corpus_documents (fingerprint);

CREATE TABLE corpus_passages (
    id         INTEGER NOT NULL,
    doc        INTEGER NOT NULL REFERENCES documents (rowid) ON DELETE CASCADE,
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL CHECK (start <= end),
    cluster    INTEGER NOT NULL,
    similarity REAL NOT NULL
) STRICT;

CREATE INDEX corpus_passages_doc ON corpus_passages (doc, start);
CREATE INDEX corpus_passages_cluster ON corpus_passages (cluster, doc);

CREATE TABLE corpus_bands (
    band    INTEGER NOT NULL,
    passage INTEGER NOT NULL,
    PRIMARY KEY (band, passage)
) STRICT, WITHOUT ROWID;

CREATE TABLE corpus_terms (
    term INTEGER PRIMARY KEY,
    df   INTEGER NOT NULL
) STRICT;

CREATE TABLE corpus_postings (
    term INTEGER NOT NULL,
    doc  INTEGER NOT NULL,
    PRIMARY KEY (term, doc)
) STRICT, WITHOUT ROWID;

CREATE TABLE corpus_stories (
    id        INTEGER PRIMARY KEY,
    first_day INTEGER,
    last_day  INTEGER,
    size      INTEGER NOT NULL,
    centroid  BLOB NOT NULL,
    actors    TEXT NOT NULL,
    updated   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) STRICT;

CREATE INDEX corpus_stories_days ON corpus_stories (last_day, first_day);

CREATE TABLE corpus_meta (
    key   TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) STRICT;
