#!/usr/bin/python3
"""wcxb_score.py - scores extracted articles against the WCXB ground truth with the benchmark's own scorer.

Usage: wcxb_score.py [--date-bound] DATA_DIR NAME ARTICLES.jsonl

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

With --date-bound it also prints how far the ground truth's dates can be
reached at all: the pages whose ground-truth date is written nowhere in the
page's HTML, in any usual form (2024-03-05, 2024.3.5, 20240305, "March 5,
2024", "5th of March 2024", "2024 Mar 5", 5/3/2024 or 3/5/2024 with two- or
four-digit years; "March 2024" for a date given to the month), can be right
only by chance, and of the
pages this extractor dates wrongly, how many are of that kind and how many
show a date where the ground truth has none.
"""
import contextlib
import gzip
import html
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


MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def written_in(page, want):
    """Whether the date `want` (YYYY-MM-DD or YYYY-MM) is written in `page` in a usual form."""
    y, m = int(want[:4]), int(want[5:7])
    month = MONTHS[m - 1] + r"[a-z]*\.?"
    if len(want) < 10:
        forms = [re.escape(want[:7]), month + r",? %d(?!\d)" % y]
    else:
        d = int(want[8:10])
        years = r"(?:%d|%02d)(?!\d)" % (y, y % 100)
        forms = [r"%d[/.-]0?%d[/.-]0?%d(?!\d)" % (y, m, d), "%d%02d%02d" % (y, m, d),
                 r"%d,? %s 0?%d(?!\d)" % (y, month, d), month + r" 0?%d(?:st|nd|rd|th)?,? %d(?!\d)" % (d, y),
                 r"(?<!\d)0?%d(?:st|nd|rd|th)?\.? (?:of )?%s,? %d(?!\d)" % (d, month, y),
                 r"(?<!\d)0?%d[/.-]0?%d[/.-]%s" % (m, d, years), r"(?<!\d)0?%d[/.-]0?%d[/.-]%s" % (d, m, years)]
    return any(re.search(f, page, re.I) for f in forms)


def date_bound(root, articles, name):
    pages = sorted(os.listdir(os.path.join(root, "html")))
    nowhere = wrong = wrong_nowhere = shown_not_wanted = 0
    for f in pages:
        key = re.match(r"\d+", f).group(0)
        truth = json.load(open(os.path.join(root, "ground-truth", key + ".json"), encoding="utf-8"))["ground_truth"]
        want = truth.get("publish_date")
        given = articles.get(key, {}).get("published")
        precision = len(want) if want else 10
        missed = day(given, precision) != (want or None)
        wrong += missed
        if not want:
            shown_not_wanted += missed
            continue
        opener = gzip.open if f.endswith(".gz") else open
        with opener(os.path.join(root, "html", f), "rb") as fh:
            page = html.unescape(fh.read().decode("utf-8", "replace"))
        if not written_in(page, want[:precision]):
            nowhere += 1
            wrong_nowhere += missed
    print("  date bound: on %d of %d pages the ground truth's date is written nowhere in the page, so that "
          "an extractor that takes dates from the page reaches at most %.3f; of the %d pages %s dates wrongly, "
          "%d are such pages and %d give a date where the ground truth has none"
          % (nowhere, len(pages), 1 - nowhere / len(pages), wrong, name, wrong_nowhere, shown_not_wanted))


def main():
    args = sys.argv[1:]
    bound = "--date-bound" in args
    args = [a for a in args if a != "--date-bound"]
    if len(args) != 3:
        sys.exit("usage: wcxb_score.py [--date-bound] DATA_DIR NAME ARTICLES.jsonl")
    data, name, path = args
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
    if bound:
        date_bound(root, articles, name)


if __name__ == "__main__":
    main()
