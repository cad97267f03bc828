#!/usr/bin/env python3
"""Checks the labelled corpus files in Corpus/ and prints their numbers.

Usage: python3 Corpus/scripts/check.py [Corpus/harassment.en.jsonl ...]
With no arguments every Corpus/<category>.<lang>.jsonl is checked.

Per file (category x language) the floors are: at least 170 rows, at least 40% of rows tagged
`hard_negative`, at least 20% of the file category's positives tagged `evasive`. Every line must
parse; ids are unique across all files; `lang` matches the file name; labels are known category
names; positives carry no negative tag and negatives exactly one of `hard_negative` /
`easy_negative`; invisible and look-alike characters are written as \\u escapes, never raw.
Exits non-zero when any check fails.
"""
import json, pathlib, re, sys

CATEGORIES = ["harassment", "selling", "unsolicited_dm", "doxxing", "defamatory"]
MIN_ROWS, MIN_HARD, MIN_EVASIVE = 170, 0.40, 0.20
# Must appear escaped in the file: zero-width and format characters, Cyrillic, Greek, fullwidth.
RAW_FORBIDDEN = re.compile("[\u00ad\u0370-\u03ff\u0400-\u04ff\u200b-\u200f\u2060-\u2064\ufeff\uff00-\uffef]")
NAME = re.compile(r"^(?P<cat>[a-z_]+)\.(?P<lang>[a-z]{2})\.jsonl$")


def check(paths):
    problems, seen, table = [], {}, []
    for path in paths:
        m = NAME.match(path.name)
        if not m or m["cat"] not in CATEGORIES:
            problems.append(f"{path}: file name is not <category>.<lang>.jsonl")
            continue
        cat, lang = m["cat"], m["lang"]
        rows = pos = hard = easy = evasive = 0
        words = []
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{path}:{n}"
            if not line.strip():
                problems.append(f"{where}: empty line")
                continue
            if RAW_FORBIDDEN.search(line):
                ch = RAW_FORBIDDEN.search(line).group()
                problems.append(f"{where}: raw U+{ord(ch):04X}; write it as \\u{ord(ch):04x}")
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                problems.append(f"{where}: not JSON ({e})")
                continue
            rows += 1
            rid = row.get("id")
            if not isinstance(rid, str) or not rid:
                problems.append(f"{where}: missing id")
            elif rid in seen:
                problems.append(f"{where}: id {rid} already used at {seen[rid]}")
            else:
                seen[rid] = where
            if row.get("lang") != lang:
                problems.append(f"{where}: lang {row.get('lang')!r}, file is {lang!r}")
            text = row.get("text")
            if not isinstance(text, str) or not text.strip():
                problems.append(f"{where}: empty text")
                continue
            words.append(len(text.split()))
            labels, tags = row.get("labels"), row.get("tags")
            if not isinstance(labels, list) or any(l not in CATEGORIES for l in labels):
                problems.append(f"{where}: labels {labels!r} must be a list of {CATEGORIES}")
                continue
            if len(set(labels)) != len(labels):
                problems.append(f"{where}: duplicate label")
            if not isinstance(tags, list) or not tags:
                problems.append(f"{where}: tags must be a non-empty list")
                continue
            is_hard, is_easy = "hard_negative" in tags, "easy_negative" in tags
            if cat in labels:
                pos += 1
                if is_hard or is_easy:
                    problems.append(f"{where}: a {cat} positive is tagged as a negative")
                if "evasive" in tags:
                    evasive += 1
            else:
                if is_hard == is_easy:
                    problems.append(f"{where}: a negative needs exactly one of hard_negative, easy_negative")
                hard += is_hard
                easy += is_easy
        table.append((path.name, rows, pos, hard, easy, evasive, min(words or [0]), max(words or [0])))
        if rows < MIN_ROWS:
            problems.append(f"{path}: {rows} rows, at least {MIN_ROWS} needed")
        if rows and hard / rows < MIN_HARD:
            problems.append(f"{path}: hard negatives {hard / rows:.1%} of rows, at least {MIN_HARD:.0%} needed")
        if pos and evasive / pos < MIN_EVASIVE:
            problems.append(f"{path}: evasive {evasive / pos:.1%} of positives, at least {MIN_EVASIVE:.0%} needed")
    print(f"{'file':28} {'rows':>5} {'pos':>5} {'hard':>5} {'hard%':>6} {'easy':>5} {'evasive':>7} {'ev%pos':>7} {'words':>7}")
    for name, rows, pos, hard, easy, ev, lo, hi in table:
        print(f"{name:28} {rows:5} {pos:5} {hard:5} {hard / max(rows, 1):6.1%} {easy:5} {ev:7} "
              f"{ev / max(pos, 1):7.1%} {lo:>3}-{hi:<3}")
    for p in problems:
        print("error:", p, file=sys.stderr)
    return not problems


if __name__ == "__main__":
    root = pathlib.Path(__file__).resolve().parent.parent
    args = [pathlib.Path(a) for a in sys.argv[1:]] or sorted(root.glob("*.jsonl"))
    sys.exit(0 if check(args) else 1)
