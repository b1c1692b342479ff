#!/usr/bin/env python3
"""Generate the country tables of data/kb/ from open sources.

Writes three tables, each with a header saying where its facts come from:

  data/kb/countries.tsv         every country and territory (ODbL 1.0: derived
                                from mledoze/countries, with nationality
                                adjectives from NGEC, MIT)
  data/kb/capitals.tsv          capital cities as places (ODbL 1.0: mledoze)
  data/kb/country_variants.tsv  spelling variants of country names (CC BY-SA 3.0:
                                derived from CountryInfo.txt)

The hand-written facts (French demonyms in all four forms, capitals in French,
metonyms, former names, Wikidata ids) live in country_names.tsv and
capital_names.tsv, which this script never touches.

Usage: python3 tools/kb/build_countries.py [--shared ../shared/data] [--out data/kb]
Standard library only. Output is sorted, so a rebuild from the same inputs gives
the same bytes.
"""

import argparse
import csv
import json
import os
import re
import sys
import unicodedata

# Kosovo has no ISO 3166-1 code; mledoze says UNK, the EU and the IMF use XKX.
CODE_FIX = {"UNK": "XKX"}

# CountryInfo.120116.txt gives another country's <ISO3166-alpha3> in a few blocks
# (their <CountryCode> is right): Myanmar says MOZ (so "Birmanie" and "Burma" went
# to Mozambique), Guatemala GLP (Guadeloupe), Guinea PNG (Papua New Guinea). The
# code is taken from the block's <CountryName> for these. (Israel's IL and Japan's
# JON are no codes at all: those blocks stay left out, as before.)
COUNTRYINFO_CODE_FIX = {
    "MYANMAR": "MMR",
    "GUATEMALA": "GTM",
    "GUINEA": "GIN",
}


def fold(s):
    """Lower case, no accents, one apostrophe, hyphens and spaces as one space
    (the same folding as the Rust crate, for duplicate checks)."""
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.lower().replace("\u2019", "'").replace("\u02bc", "'")
    s = s.replace("œ", "oe").replace("æ", "ae")
    s = re.sub(r"[\s\-\u2010\u2011\u2013\u2014]+", " ", s)
    return s.strip()


def is_latin(s):
    """Whether every letter of s is in the Latin script."""
    for c in s:
        if c.isalpha() and "LATIN" not in unicodedata.name(c, ""):
            return False
    return True


def clean_name(s):
    """A name as an alias: no parenthetical, no surrounding space."""
    s = re.sub(r"\s*\([^)]*\)", "", s)
    return s.strip()


def plural_fr(word, feminine):
    """French plural of a demonym adjective."""
    if feminine:
        return word + "s"
    if word.endswith(("s", "x", "z")):
        return word
    if word.endswith("al"):
        return word[:-2] + "aux"
    return word + "s"


def slug(s):
    """An ASCII id part from a name."""
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = re.sub(r"[^A-Za-z0-9]+", "-", s).strip("-")
    return s.upper()


def add(lst, seen, value):
    """Appends value to lst unless its folded form is in seen."""
    value = value.strip()
    if not value or "|" in value or "\t" in value:
        return
    key = fold(value)
    if key in seen:
        return
    seen.add(key)
    lst.append(value)


def load_ngec(path):
    """NGEC nationality adjectives by ISO alpha-3."""
    out = {}
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            words = [w.strip() for w in row["Nationality"].split(",")]
            # the list mixes adjectives with territory names; keep single
            # capitalised words that look like adjectives or plurals
            out[row["CCA3"]] = [
                w
                for w in words
                if w and " " not in w and "[" not in w and w[0].isupper()
            ]
    return out


def load_countryinfo(path):
    """CountryInfo <Nationality> entries by ISO alpha-3."""
    text = open(path, encoding="utf-8", errors="replace").read()
    out = {}
    for block in text.split("<Country>")[1:]:
        m = re.search(r"<ISO3166-alpha3>([A-Z]{3})</ISO3166-alpha3>", block)
        n = re.search(r"<Nationality>(.*?)</Nationality>", block, re.S)
        if not m or not n:
            continue
        cname = re.search(r"<CountryName>(.*?)</CountryName>", block)
        code = m.group(1)
        if cname and cname.group(1).strip() in COUNTRYINFO_CODE_FIX:
            code = COUNTRYINFO_CODE_FIX[cname.group(1).strip()]
        names = []
        for line in n.group(1).splitlines():
            line = line.split("#")[0].strip()
            if line:
                names.append(line)
        out.setdefault(code, []).extend(names)
    return out


def variant_ok(raw):
    """Whether a CountryInfo entry is a clean name worth an alias."""
    if "\ufffd" in raw or re.search(r"[(),&.\d/]", raw):
        return False
    name = raw.replace("_", " ").strip()
    return len(name) >= 4 and is_latin(name)


def title_case(name):
    """KAZAKH_STAN_ -> Kazakh Stan (the crate treats all-capital words as acronyms)."""
    words = name.replace("_", " ").split()
    out = []
    for w in words:
        parts = w.split("'")
        out.append("'".join(p[:1].upper() + p[1:].lower() for p in parts))
    return " ".join(out)


HEADER_COUNTRIES = """\
# countries.tsv: every country and territory of ISO 3166-1 (250 rows).
# Generated by tools/kb/build_countries.py: do not edit by hand; hand-written
# facts about countries go in country_names.tsv.
# Sources: mledoze/countries @ 5e9f370 (countries.json: names in English and
# French, ISO codes, demonyms, capitals), ODbL 1.0 -- this table is a derived
# database and stays under ODbL 1.0; NGEC-2025 @ a3909e2 (countries.csv:
# English nationality adjectives), MIT.
# id = ISO 3166-1 alpha-3 (XKX for Kosovo, which has none).
"""

HEADER_CAPITALS = """\
# capitals.tsv: capital cities as places, one row per capital named by the source.
# Generated by tools/kb/build_countries.py: do not edit by hand; French names
# and Wikidata ids go in capital_names.tsv.
# Source: mledoze/countries @ 5e9f370 (capital), ODbL 1.0 -- a derived database,
# under ODbL 1.0.
"""

HEADER_VARIANTS = """\
# country_variants.tsv: spelling variants of country names (transliterations,
# older and misspelt forms seen in news wires), added to countries.tsv rows.
# Generated by tools/kb/build_countries.py from CountryInfo.120116.txt
# (openeventdata/CountryInfo @ 07c9c54, <Nationality> field), CC BY-SA 3.0 --
# this table is an adaptation and stays under CC BY-SA 3.0.
# Entries with punctuation, digits, under four letters, non-Latin script, or
# claimed by more than one country are left out.
"""


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.normpath(os.path.join(here, "..", ".."))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=os.path.join(root, "..", "shared", "data"))
    ap.add_argument("--out", default=os.path.join(root, "data", "kb"))
    args = ap.parse_args()

    countries = json.load(
        open(os.path.join(args.shared, "kb", "mledoze-countries.json"), encoding="utf-8")
    )
    ngec = load_ngec(os.path.join(args.shared, "events", "ngec", "countries.csv"))
    info = load_countryinfo(os.path.join(args.shared, "kb", "CountryInfo.120116.txt"))

    # every name of every entry, to tell NGEC's names from its adjectives
    all_names = set()
    demonyms_of = {}
    for c in countries:
        fra = c.get("translations", {}).get("fra", {})
        for n in (c["name"]["common"], c["name"]["official"], fra.get("common", ""),
                  fra.get("official", ""), *c.get("altSpellings", [])):
            if n:
                all_names.add(fold(clean_name(n)))
        for lang in ("fra", "eng"):
            for w in c.get("demonyms", {}).get(lang, {}).values():
                demonyms_of.setdefault(fold(w), set()).add(c["cca3"])

    def foreign_demonym(word, code):
        owners = demonyms_of.get(word, set())
        return bool(owners) and code not in owners

    rows = []
    capitals = []
    known = {}  # code -> set of folded names already in countries.tsv
    for c in countries:
        code = CODE_FIX.get(c["cca3"], c["cca3"])
        name = c["name"]["common"]
        fra = c.get("translations", {}).get("fra", {})
        name_fr = clean_name(fra.get("common", "")) or name
        seen = {fold(name), fold(name_fr)}
        aliases = []
        add(aliases, seen, c["name"]["official"])
        if fra.get("official"):
            add(aliases, seen, fra["official"])
        if fra.get("common") and clean_name(fra["common"]) != fra["common"]:
            pass  # the parenthetical form ("Congo (Rép. dém.)") is not a name
        for alt in c.get("altSpellings", []):
            alt = clean_name(alt)
            if len(alt) <= 3 or not is_latin(alt) or "," in alt:
                continue
            add(aliases, seen, alt)
        dem_seen = set()
        demonyms = []
        for lang in ("fra", "eng"):
            d = c.get("demonyms", {}).get(lang, {})
            for gender in ("m", "f"):
                w = d.get(gender, "").strip()
                if not w:
                    continue
                w = w.lower() if lang == "fra" else w
                add(demonyms, dem_seen, w)
                if lang == "fra":
                    add(demonyms, dem_seen, plural_fr(w, gender == "f"))
        stems = {fold(w)[:3] for n in [name, name_fr] + aliases for w in n.split()}
        stems |= {fold(d)[:3] for d in demonyms}
        for w in ngec.get(c["cca3"], []):
            # NGEC mixes territory names and their demonyms into the parent's
            # list; keep only adjectives that share a stem with this country
            if "." in w or w.isupper() or fold(w) in all_names:
                continue
            if fold(w)[:3] not in stems or foreign_demonym(fold(w), c["cca3"]):
                continue
            add(demonyms, dem_seen, w)
        caps = [cap for cap in c.get("capital", []) if cap]
        cap_ids = []
        metonyms = []
        met_seen = set()
        for cap in caps:
            cid = "C-%s-%s" % (code, slug(cap))
            cap_ids.append(cid)
            capitals.append((cid, cap, code))
            add(metonyms, met_seen, cap)
        kind = "state" if c.get("independent") else "territory"
        notes = ["iso2=%s" % c["cca2"]]
        if c.get("ccn3"):
            notes.append("numeric=%s" % c["ccn3"])
        if c.get("unMember"):
            notes.append("un_member=yes")
        if c.get("region"):
            notes.append("region=%s" % c["region"])
        if c.get("subregion"):
            notes.append("subregion=%s" % c["subregion"])
        if cap_ids:
            notes.append("capital=%s" % "|".join(cap_ids))
        rows.append(
            [
                code,
                name,
                name_fr,
                "LOC",
                code,
                kind,
                "|".join(aliases),
                "|".join(demonyms),
                "|".join(metonyms),
                ";".join(notes),
            ]
        )
        known[code] = seen | {fold(a) for a in aliases} | {fold(d) for d in demonyms}

    # a territory's demonym that a state also has ("américain" for the
    # Northern Mariana Islands) would only mislead: keep it for the state
    state_demonyms = set()
    for r in rows:
        if r[5] == "state":
            state_demonyms |= {fold(d) for d in r[7].split("|") if d}
    for r in rows:
        if r[5] != "state":
            r[7] = "|".join(d for d in r[7].split("|") if d and fold(d) not in state_demonyms)

    rows.sort()
    capitals.sort()

    # CountryInfo variants: new names only, and only names one country claims
    claims = {}
    for code, names in info.items():
        code = CODE_FIX.get(code, code)
        if code not in known:
            continue
        for raw in names:
            if not variant_ok(raw):
                continue
            v = title_case(raw)
            claims.setdefault(fold(v), set()).add(code)
    variants = {}
    for code, names in info.items():
        code = CODE_FIX.get(code, code)
        if code not in known:
            continue
        seen = set(known[code])
        for raw in names:
            if not variant_ok(raw):
                continue
            v = title_case(raw)
            if len(claims.get(fold(v), ())) != 1:
                continue
            lst = variants.setdefault(code, [])
            add(lst, seen, v)

    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "countries.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write(HEADER_COUNTRIES)
        f.write("id\tname\tname_fr\ttype\tcountry\tkind\taliases\tdemonyms\tmetonyms\tnotes\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    with open(os.path.join(args.out, "capitals.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write(HEADER_CAPITALS)
        f.write("id\tname\ttype\tcountry\tkind\tnotes\n")
        for cid, cap, code in capitals:
            f.write("%s\t%s\tLOC\t%s\tcity\tcapital_of=%s\n" % (cid, cap, code, code))
    with open(
        os.path.join(args.out, "country_variants.tsv"), "w", encoding="utf-8", newline="\n"
    ) as f:
        f.write(HEADER_VARIANTS)
        f.write("id\taliases\n")
        for code in sorted(variants):
            if variants[code]:
                f.write("%s\t%s\n" % (code, "|".join(variants[code])))
    print(
        "countries: %d, capitals: %d, variant rows: %d (%d names)"
        % (
            len(rows),
            len(capitals),
            sum(1 for v in variants.values() if v),
            sum(len(v) for v in variants.values()),
        ),
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
