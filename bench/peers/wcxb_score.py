#!/usr/bin/python3
"""wcxb_score.py - scores extracted articles against the WCXB ground truth with the benchmark's own scorer.

Usage: wcxb_score.py DATA_DIR NAME ARTICLES.jsonl

ARTICLES.jsonl holds one JSON object per page with "path" (ending in
NNNN.html or NNNN.html.gz), "text", and optionally "title", "author" and
"published". The development data stays in DATA_DIR; nothing is copied.

Main text: word-level F1 from evaluate.py, the benchmark's own scorer
(its load_ground_truth and evaluate_results), averaged over every page; a
page with no output counts as empty.

Title, author and date accuracy: the share of pages whose extracted value
equals the ground truth, where "none" equals "none" (a page without a date
is right only when nothing is extracted). Before comparing, white space is
collapsed, case is folded and typographic quotes and dashes become their
ASCII forms; authors compare as sets of names split at commas, semicolons,
"&" and "and"; dates compare by calendar day (a ground truth given to the
month compares by month).
"""
import contextlib
import io
import json
import os
import re
import sys
import tempfile

FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-",
                      "\u00a0": " "})


def norm(s):
    return " ".join((s or "").translate(FOLD).split()).casefold() or None


def names(s):
    s = norm(s)
    if not s:
        return None
    return frozenset(p.strip() for p in re.split(r"\s*(?:,|;|&|\band\b)\s*", s) if p.strip())


def day(s, precision):
    m = re.match(r"(\d{4})-(\d{2})(?:-(\d{2}))?", s or "")
    if not m:
        return None
    return m.group(0)[:precision]


def main():
    data, name, path = sys.argv[1], sys.argv[2], sys.argv[3]
    root = os.path.abspath(os.path.join(data, "wcxb-dev-articles"))
    sys.path.insert(0, root)
    import evaluate  # the benchmark's scorer, read where the data lives

    # evaluate.py looks for SPLIT/ground-truth beside itself; point it at the
    # development files through a link instead of copying them.
    with tempfile.TemporaryDirectory() as tmp:
        os.symlink(root, os.path.join(tmp, "dev"))
        evaluate.WCEB_DIR = type(evaluate.WCEB_DIR)(tmp)
        with contextlib.redirect_stdout(io.StringIO()):
            gt = evaluate.load_ground_truth("dev")
        articles = {}
        for line in open(path, encoding="utf-8"):
            a = json.loads(line)
            m = re.search(r"(\d+)\.html?(?:\.gz)?(?:#\d+)?$", a.get("path", ""))
            if m:
                articles[m.group(1)] = a
        predictions = {k: (a.get("text") or "") for k, a in articles.items()}
        with contextlib.redirect_stdout(io.StringIO()):
            results = evaluate.evaluate_results(gt, predictions)
    n = len(results)
    f1 = sum(r["f1"] for r in results) / n
    p = sum(r["precision"] for r in results) / n
    r_ = sum(r["recall"] for r in results) / n

    right = {"title": 0, "author": 0, "date": 0}
    for f in sorted(os.listdir(os.path.join(root, "ground-truth"))):
        truth = json.load(open(os.path.join(root, "ground-truth", f), encoding="utf-8"))["ground_truth"]
        a = articles.get(f[:-5], {})
        right["title"] += norm(a.get("title")) == norm(truth.get("title"))
        right["author"] += names(a.get("author")) == names(truth.get("author"))
        want = truth.get("publish_date")
        precision = len(want) if want else 10
        right["date"] += day(a.get("published"), precision) == (want or None)
    pages = len(os.listdir(os.path.join(root, "ground-truth")))
    print("  %s: text F1 %.3f (precision %.3f, recall %.3f) by evaluate.py on %d pages; "
          "title %.3f, author %.3f, date %.3f" % (name, f1, p, r_, n, right["title"] / pages,
                                                  right["author"] / pages, right["date"] / pages))


if __name__ == "__main__":
    main()
