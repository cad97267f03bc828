#!/usr/bin/env python3
"""Converts the shared workload's reference rule set into a conduct rules folder.

    convert-reference-rules.py WORKLOAD_DIR OUT_DIR

Reads WORKLOAD_DIR/terms.txt, regexes.txt and rules.jsonl (see ../shared/bench/README.md) and
writes OUT_DIR/reference.yaml: one category, `reference`, with one rule per reference rule
(`reference.t0000` ... for the 2,000 terms, `reference.r00` ... for the 50 regexes), every rule
weight 0.9 (one hit flags a post), each with one match example. Also writes
OUT_DIR/conversion.txt: how each regex was converted, and the ones conduct's pattern language
cannot express, with the reason. The same report goes to standard output.

Terms become patterns word for word (conduct normalizes patterns like posts, so a term's
obfuscated forms match too). The regexes become detectors ({email}, {phone}, {url}, {iban},
{money}, {number}, {card}) or patterns; the table below is keyed by the exact regex text, so a
regex the generator adds later is reported as not converted rather than guessed at.
"""
import json
import os
import sys

# regex -> (patterns, status, note, example with the expected hit marked ⟦…⟧)
EXACT, APPROX, NONE = "converted", "approximated", "not expressible"
REGEXES = {
    r"[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}":
        (["{email}"], APPROX, "the email detector also checks the domain (known TLD, no double dots)",
         "mail ⟦jan@example.com⟧ today"),
    r"[a-z0-9._-]+ ?(\(at\)|\[at\]| at ) ?[a-z0-9-]+ ?(\(dot\)|\[dot\]| dot ) ?(com|net|org|nl|be)\b":
        (["{email}"], APPROX, "spelled-out addresses are the email detector's; it accepts more TLDs",
         "write to ⟦jan at example dot com⟧"),
    r"\+[0-9]{1,3}[ .-]?[0-9]{1,4}([ .-]?[0-9]{2,4}){2,4}":
        (["{phone}"], APPROX, "the phone detector validates country and length instead of digit-group counts",
         "call ⟦+31 6 12345678⟧"),
    r"\b06[ -]?[0-9]{8}\b":
        (["{phone}"], APPROX, "phone detector", "bel ⟦06-12345678⟧"),
    r"\+31[ -]?(\(0\))?[ -]?6[ -]?[0-9]{8}":
        (["{phone}"], APPROX, "phone detector", "bel ⟦+31 6 12345678⟧"),
    r"\b0[1-9][0-9]{1,2}[ -][0-9]{6,7}\b":
        (["{phone}"], APPROX, "phone detector", "bel ⟦020-1234567⟧"),
    r"\(?[0-9]{3}\)?[ .-][0-9]{3}[ .-][0-9]{4}\b":
        (["{phone}"], APPROX, "phone detector (North American numbers)", "call ⟦(555) 123-4567⟧"),
    r"\b07[0-9]{3} ?[0-9]{6}\b":
        (["{phone}"], APPROX, "phone detector (UK mobile numbers)", "call ⟦07700 900123⟧"),
    r"\bnl[0-9]{2} ?[a-z]{4} ?[0-9]{4} ?[0-9]{4} ?[0-9]{2}\b":
        (["{iban}"], APPROX, "the IBAN detector also checks the mod-97 check digits, and takes every country",
         "pay ⟦NL91 ABNA 0417 1643 00⟧"),
    r"\b[0-9]{4}[ -]?[0-9]{4}[ -]?[0-9]{4}[ -]?[0-9]{4}\b":
        (["{card}"], APPROX, "the card detector also checks the issuer prefix and the Luhn digit, so random "
                             "16-digit groups are not cards", "pay with ⟦4111 1111 1111 1111⟧"),
    r"\b(bc1|[13])[a-hj-np-z0-9]{25,39}\b":
        ([], NONE, "a Bitcoin address: character classes with repetition counts are not in the pattern "
                   "language", None),
    r"\b0x[0-9a-f]{40}\b":
        ([], NONE, "an Ethereum address: 40 hex digits; a prefix pattern '0x*' would take every 0x number",
         None),
    r"https?://[a-z0-9.-]+\.[a-z]{2,}(/[^ ]*)?":
        (["{url}"], APPROX, "URL detector (known TLDs)", "see ⟦https://example.com/offer⟧"),
    r"\bwww\.[a-z0-9-]+\.[a-z]{2,}":
        (["{url}"], APPROX, "URL detector", "see ⟦www.example.com⟧"),
    r"\b(bit\.ly|tinyurl\.com|t\.co|goo\.gl|ow\.ly|is\.gd|cutt\.ly|rb\.gy)/[a-z0-9]+":
        (["(bit.ly|tinyurl.com|t.co|goo.gl|ow.ly|is.gd|cutt.ly|rb.gy)"], APPROX,
         "the shortener's domain as a word; the path after it is not required", "go to ⟦bit.ly⟧/abc123"),
    r"\bt\.me/[a-z0-9_]+":
        (["t.me"], APPROX, "the domain as a word; the path is not required", "join ⟦t.me⟧/deals"),
    r"\bwa\.me/[0-9]+":
        (["wa.me"], APPROX, "the domain as a word; the path is not required", "chat ⟦wa.me⟧/31612345678"),
    r"\bdiscord\.gg/[a-z0-9]+":
        (["discord.gg"], APPROX, "the domain as a word; the path is not required", "join ⟦discord.gg⟧/abc"),
    r"\b[a-z0-9-]+\.(ru|xyz|top|click|loan|win|bid)\b":
        (["*.ru", "*.xyz", "*.top", "*.click", "*.loan", "*.win", "*.bid"], APPROX,
         "word suffixes: the name before the dot is any word", "visit cheap-⟦deals.xyz⟧ now"),
    r"\bdm me\b":
        (["dm me"], EXACT, "", "just ⟦dm me⟧"),
    r"\bd\s*m\s+me\b":
        (["(dm|d m) me"], EXACT, "the normalizer joins spaced letters", "just ⟦d m me⟧"),
    r"\b(dm|pm|inbox|message|text) me (for|to get|if)\b":
        (["(dm|pm|inbox|message|text) me (for|to get|if)"], EXACT, "", "⟦dm me for⟧ the price"),
    r"\bslide (into|in) (my|the) dms?\b":
        (["slide (into|in) (my|the) (dm|dms)"], EXACT, "", "⟦slide into my dms⟧"),
    r"\b(whats ?app|telegram|signal|wechat|kik|snap(chat)?) (me|only)\b":
        (["(whatsapp|whats app|telegram|signal|wechat|kik|snap|snapchat) (me|only)"], EXACT, "",
         "⟦whatsapp me⟧ now"),
    r"\bstuur (me )?een (dm|pb|berichtje)\b":
        (["stuur (me)? een (dm|pb|berichtje)"], EXACT, "", "⟦stuur me een dm⟧"),
    r"\bapp (me|mij)\b":
        (["app (me|mij)"], EXACT, "", "⟦app me⟧ even"),
    r"[$€£] ?[0-9]+([.,][0-9]{2})?":
        (["{money}"], APPROX, "money detector (also amounts with a currency word)", "only ⟦€15⟧"),
    r"\b[0-9]+([.,][0-9]{2})? ?(usd|eur|euro|dollars?|gbp|bucks)\b":
        (["{number} (usd|eur|euro|dollar|dollars|gbp|bucks)"], APPROX,
         "a number then the currency word; glued forms ('20usd') are one token and not matched",
         "just ⟦20 dollars⟧"),
    r"\b[0-9]{1,3} ?% (off|discount|korting)\b":
        (["{number} % (off|discount|korting)"], APPROX, "any number, not only 1 to 3 digits", "⟦20% off⟧ today"),
    r"\bonly [$€£]?[0-9]+":
        (["only ({money}|{number})"], APPROX, "money or number detector", "⟦only $5⟧"),
    r"\bvoor (maar|slechts) €? ?[0-9]+":
        (["voor (maar|slechts) ({money}|{number})"], APPROX, "money or number detector", "⟦voor maar €10⟧"),
    r"\b(earn|make) [$€£]?[0-9,]+k? (a|per|every) (day|week|month|hour)\b":
        (["(earn|make) ({money}|{number}) (a|per|every) (day|week|month|hour)"], APPROX,
         "money or number detector; '5k' (a number glued to k) is not matched", "⟦earn $500 a day⟧"),
    r"\bverdien €? ?[0-9]+":
        (["verdien ({money}|{number})"], APPROX, "money or number detector", "⟦verdien €500⟧"),
    r"\b(promo|discount|coupon) code\b":
        (["(promo|discount|coupon) code"], EXACT, "", "use ⟦promo code⟧ X"),
    r"\bcode [a-z0-9]{4,12} (for|voor) [0-9]+ ?%":
        (["code *1 (for|voor) {number} %"], APPROX,
         "the code is any one word (or none), not 4 to 12 letters or digits", "⟦code SAVE20 for 20%⟧"),
    r"\bfree (money|gift ?cards?|v-?bucks|robux)\b":
        (["free (money|gift card|gift cards|giftcard|giftcards|vbucks|v-bucks|robux)"], EXACT, "",
         "⟦free robux⟧"),
    r"\bclick (here|the link|link in bio)\b":
        (["click (here|the link|link in bio)"], EXACT, "", "⟦click here⟧"),
    r"\b(100|[0-9]{2,3}) ?% (guaranteed|legit|real)\b":
        (["{number} % (guaranteed|legit|real)"], APPROX, "any number, not only 2 or 3 digits",
         "⟦100% legit⟧"),
    r"\bdouble your (money|bitcoin|btc|crypto)\b":
        (["double your (money|bitcoin|btc|crypto)"], EXACT, "", "⟦double your money⟧"),
    r"\b(investment|trading) (opportunity|platform|expert)\b":
        (["(investment|trading) (opportunity|platform|expert)"], EXACT, "", "an ⟦investment opportunity⟧"),
    r"\bwork (from|at) home\b.*\b(earn|make|\$)":
        (["work (from|at) home *50 (earn*|make*|{money})"], APPROX,
         "'.*' (anything up to the end of the line) becomes a gap of at most 50 words; '$' the money detector",
         "⟦work from home and earn⟧"),
    r"\b(hot|sexy) (singles|girls|milfs) (in|near) your (area|city)\b":
        (["(hot|sexy) (singles|girls|milfs) (in|near) your (area|city)"], EXACT, "",
         "⟦hot singles in your area⟧"),
    r"\bb[ ._-]*u[ ._-]*y[ ._-]+n[ ._-]*o[ ._-]*w\b":
        (["buy now"], APPROX, "the normalizer joins spaced and dotted letters", "⟦b.u.y n.o.w⟧"),
    r"\bs[ ._-]?e[ ._-]?l[ ._-]?l[ ._-]?i[ ._-]?n[ ._-]?g\b":
        (["selling"], APPROX, "the normalizer joins spaced and dotted letters", "⟦s e l l i n g⟧"),
    r"\bf[ ._*-]*[u*][ ._*-]*c[ ._*-]*k":
        (["fuck*"], APPROX, "'*' is the pattern wildcard and the normalizer keeps it, so the masked 'f*ck' "
                            "form cannot be written; spaced and dotted forms are joined by the normalizer",
         "⟦fuck⟧ off"),
    r"\bsh[i1!*]t\b":
        (["shit"], APPROX, "'sh1t' is folded by the normalizer; 'sh!t' and 'sh*t' cannot be written", "⟦sh1t⟧"),
    r"\b(kill|hurt) (yourself|urself|your self)\b":
        (["(kill|hurt) (yourself|urself|your self)"], EXACT, "", "⟦kill yourself⟧"),
    r"\bkys\b":
        (["kys"], EXACT, "", "just ⟦kys⟧"),
    r"\bkanker[a-z]*":
        (["kanker*"], EXACT, "", "⟦kankerlijer⟧"),
    r"\b(ik|we) (maak|maken) je (af|kapot)\b":
        (["(ik|we) (maak|maken) je (af|kapot)"], EXACT, "", "⟦ik maak je af⟧"),
}


def quoted(text):
    """A YAML double-quoted scalar (JSON string syntax is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: convert-reference-rules.py WORKLOAD_DIR OUT_DIR")
    workload, out = sys.argv[1], sys.argv[2]
    rules = [json.loads(line) for line in open(os.path.join(workload, "rules.jsonl"), encoding="utf-8")]
    os.makedirs(out, exist_ok=True)
    lines = [
        "# Generated by Benchmarks/scripts/convert-reference-rules.py from the shared workload's",
        "# reference rule set; do not edit.",
        "category: reference",
        "description: The shared benchmark's reference rule set (terms and regexes), converted.",
        "threshold: { review: 0.5, remove: 0.85 }",
        "rules:",
    ]
    report = []
    counts = {EXACT: 0, APPROX: 0, NONE: 0}
    for rule in rules:
        rid, kind, pattern = rule["id"], rule["kind"], rule["pattern"]
        if kind in ("word", "phrase"):
            # A term is a pattern as written; the one ending in '*' becomes a word prefix, whose
            # hit covers the whole word.
            patterns, example = [pattern], "⟦" + pattern + "⟧"
            if pattern.endswith("*"):
                example = "⟦" + pattern.rstrip("*") + "ion⟧"
        else:
            if pattern not in REGEXES:
                report.append(f"{rid} {NONE}: not in the converter's table: {pattern}")
                counts[NONE] += 1
                continue
            patterns, status, note, example = REGEXES[pattern]
            counts[status] += 1
            report.append(f"{rid} {status}: {pattern}" + (f"\n    -> {', '.join(patterns)}" if patterns else "")
                          + (f"\n    {note}" if note else ""))
            if not patterns:
                continue
        lines.append(f"  - id: reference.{rid}")
        lines.append(f"    description: {quoted(kind + ' ' + pattern)}")
        lines.append("    guideline: reference.txt \"reference\"")
        lines.append("    weight: 0.9")
        lines.append("    match: [" + ", ".join(quoted(p) for p in patterns) + "]")
        lines.append("    examples: { match: [" + quoted(example) + "] }")
    with open(os.path.join(out, "reference.yaml"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    summary = (f"{len(rules)} reference rules: {sum(1 for r in rules if r['kind'] in ('word', 'phrase'))} terms "
               f"converted word for word; regexes: {counts[EXACT]} converted, {counts[APPROX]} approximated, "
               f"{counts[NONE]} not expressible")
    text = summary + "\n\n" + "\n".join(report) + "\n"
    with open(os.path.join(out, "conversion.txt"), "w", encoding="utf-8") as f:
        f.write(text)
    print(text, end="")


if __name__ == "__main__":
    main()
