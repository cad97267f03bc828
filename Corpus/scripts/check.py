#!/usr/bin/env python3
"""Checks the labelled corpus files Corpus/<category>.<lang>.jsonl.

Usage: python3 Corpus/scripts/check.py [FILE ...]      (default: every Corpus/*.jsonl)
       python3 Corpus/scripts/check.py --no-floors ...  (report only, exit 0 unless a row is malformed)

Per row: valid JSON object with "id", "text", "lang", "labels", "tags"; id unique across all
files; lang equal to the file name's; labels drawn from the five categories; negatives carry
`hard_negative` or `easy_negative`, positives carry neither; `evasive` rows name their kind;
rows tagged `iban`/`bsn` contain a valid IBAN (mod-97) / BSN (11-proef) and every IBAN-shaped
token in the file passes mod-97; no text appears twice.
Per file (floors): at least 170 rows, at least 40% hard negatives, at least 20% of the
positives evasive. Prints one table row per file; exits 1 on any error or missed floor.
"""
import glob, json, os, re, sys, unicodedata

CATEGORIES = ["harassment", "selling", "unsolicited_dm", "doxxing", "defamatory"]
EVASIVE_KINDS = {"leet", "lookalike", "repeats", "diacritics", "symbol", "abbreviation", "spacing", "zero_width", "spelled_out_email", "spelled_out_number",
                 "odd_separators", "fullwidth", "homoglyph", "mixed"}
MIN_ROWS, MIN_HARD, MIN_EVASIVE = 170, 0.40, 0.20
INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]")


def fold(text):
    """Fullwidth to ASCII, invisible characters removed: what a validator should see."""
    return INVISIBLE.sub("", unicodedata.normalize("NFKC", text))


def iban_valid(s):
    s = re.sub(r"[^0-9A-Za-z]", "", s).upper()
    if not re.fullmatch(r"[A-Z]{2}[0-9]{2}[0-9A-Z]{8,30}", s):
        return False
    return int("".join(str(int(c, 36)) for c in s[4:] + s[:4])) % 97 == 1


def bsn_valid(s):
    d = [int(c) for c in s]
    return len(d) == 9 and (sum(x * w for x, w in zip(d[:8], range(9, 1, -1))) - d[8]) % 11 == 0


IBAN_SHAPE = re.compile(r"\b(?:NL|BE|DE|GB|FR)[0-9]{2}(?:[ -]?[0-9A-Z]{4}){2,7}(?:[ -]?[0-9A-Z]{1,3})?\b")


def ibans_in(text):
    flat = fold(text)
    found = [m.group(0) for m in IBAN_SHAPE.finditer(flat)]
    # "N L 9 1 A B N A …": a run of single characters spelled out one by one
    for run in re.finditer(r"(?<!\S)(?:\w {1,2}){9,}\w(?!\S)", flat):
        joined = re.sub(r"\s", "", run.group(0))
        found += [m.group(0) for m in IBAN_SHAPE.finditer(joined)]
    return found


def bsns_in(text):
    digits_only = re.sub(r"(?<=\d)[ .\-](?=\d)", "", fold(text))
    return [m.group(0) for m in re.finditer(r"(?<!\d)\d{9}(?!\d)", digits_only)]


def check_file(path, seen_ids, seen_texts, errors, warnings):
    name = os.path.basename(path)
    m = re.fullmatch(r"([a-z_]+)\.([a-z]{2})\.jsonl", name)
    if not m:
        errors.append(f"{path}: file name must be <category>.<lang>.jsonl")
        return None
    category, lang = m.groups()
    stats = dict(rows=0, pos=0, hard=0, easy=0, evasive=0)
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            where = f"{path}:{n}"
            if not line.strip():
                errors.append(f"{where}: empty line")
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append(f"{where}: not JSON ({e})")
                continue
            missing = [k for k in ("id", "text", "lang", "labels", "tags") if k not in row]
            if missing:
                errors.append(f"{where}: missing {', '.join(missing)}")
                continue
            rid, text, labels, tags = row["id"], row["text"], row["labels"], row["tags"]
            if rid in seen_ids:
                errors.append(f"{where}: id {rid} already used at {seen_ids[rid]}")
            seen_ids[rid] = where
            if text in seen_texts:
                errors.append(f"{where}: same text as {seen_texts[text]}")
            seen_texts[text] = where
            if not isinstance(text, str) or not text.strip():
                errors.append(f"{where}: empty text")
            if row["lang"] != lang:
                errors.append(f"{where}: lang {row['lang']!r}, file is {lang!r}")
            bad = [l for l in labels if l not in CATEGORIES]
            if bad:
                errors.append(f"{where}: unknown label(s) {bad}; allowed: {CATEGORIES}")
            if len(set(labels)) != len(labels):
                errors.append(f"{where}: duplicate label")
            stats["rows"] += 1
            positive = category in labels
            if positive:
                stats["pos"] += 1
                if "hard_negative" in tags or "easy_negative" in tags:
                    errors.append(f"{where}: positive row tagged as a negative")
                if "evasive" in tags:
                    stats["evasive"] += 1
                    if not EVASIVE_KINDS & set(tags):
                        errors.append(f"{where}: evasive without a kind (one of {sorted(EVASIVE_KINDS)})")
                if len(tags) == 0:
                    errors.append(f"{where}: positive without a kind tag")
            else:
                if "hard_negative" in tags:
                    stats["hard"] += 1
                elif "easy_negative" in tags:
                    stats["easy"] += 1
                else:
                    errors.append(f"{where}: negative without hard_negative/easy_negative tag")
            for candidate in ibans_in(text):
                if not iban_valid(candidate):
                    warnings.append(f"{where}: IBAN-shaped {candidate!r} fails mod-97")
            if "iban" in tags and positive and not any(iban_valid(c) for c in ibans_in(text)):
                errors.append(f"{where}: tagged iban but holds no valid IBAN")
            if "bsn" in tags and positive and not any(bsn_valid(c) for c in bsns_in(text)):
                errors.append(f"{where}: tagged bsn but holds no 9-digit number passing the 11-proef")
    return category, lang, stats


def main(argv):
    floors = "--no-floors" not in argv
    files = [a for a in argv if not a.startswith("--")]
    if not files:
        root = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
        files = sorted(f for f in glob.glob(os.path.join(root, "*.jsonl")) if os.path.basename(f) != "sample.jsonl")
    errors, warnings, seen_ids, seen_texts, table = [], [], {}, {}, []
    for path in files:
        result = check_file(path, seen_ids, seen_texts, errors, warnings)
        if result:
            table.append(result)
    head = f"{'file':<28}{'rows':>6}{'pos':>6}{'hard':>6}{'easy':>6}{'hard%':>8}{'evas':>6}{'evas%':>8}  floors"
    print(head)
    print("-" * len(head))
    for category, lang, s in table:
        hard_pct = s["hard"] / s["rows"] if s["rows"] else 0
        ev_pct = s["evasive"] / s["pos"] if s["pos"] else 0
        missed = []
        if s["rows"] < MIN_ROWS:
            missed.append(f"rows<{MIN_ROWS}")
        if hard_pct < MIN_HARD:
            missed.append(f"hard<{MIN_HARD:.0%}")
        if ev_pct < MIN_EVASIVE:
            missed.append(f"evasive<{MIN_EVASIVE:.0%}")
        if floors and missed:
            errors.append(f"{category}.{lang}.jsonl misses floors: {', '.join(missed)}")
        print(f"{category + '.' + lang:<28}{s['rows']:>6}{s['pos']:>6}{s['hard']:>6}{s['easy']:>6}"
              f"{hard_pct:>8.1%}{s['evasive']:>6}{ev_pct:>8.1%}  {'ok' if not missed else ' '.join(missed)}")
    for w in warnings:
        print(f"warning: {w}", file=sys.stderr)
    for e in errors:
        print(f"error: {e}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
