#!/usr/bin/python3
"""readability_py_bench.py - the Debian peer for HTML extraction: python3-readability (readability-lxml).

Usage: readability_py_bench.py DATA_DIR OUT.jsonl

Extracts every WCXB development page (decompression included, as for
chorus), writes the articles as JSON Lines for wcxb_score.py, and prints
pages per second of CPU time in the same form as chorus's benchmark.
"""
import gzip
import json
import os
import sys
import time


def main():
    try:
        import lxml.html
        from readability import Document
    except ImportError:
        print("  python3-readability: not installed (Debian package python3-readability)")
        return 0
    root = os.path.join(sys.argv[1], "wcxb-dev-articles", "html")
    files = sorted(f for f in os.listdir(root) if f.endswith(".html.gz"))
    out = open(sys.argv[2], "w", encoding="utf-8")
    start = time.process_time()
    for f in files:
        raw = gzip.open(os.path.join(root, f)).read()
        try:
            doc = Document(raw)
            text = lxml.html.fromstring(doc.summary(html_partial=True)).text_content()
            title = doc.short_title()
        except Exception:
            text, title = "", None
        out.write(json.dumps({"path": f, "title": title, "text": text}) + "\n")
    seconds = time.process_time() - start
    print("  python3-readability: %d pages, %.1f s CPU, %.0f pages/s on one core" % (len(files), seconds, len(files) / seconds))
    print("RATE python3-readability %.3f" % (len(files) / seconds))


if __name__ == "__main__":
    sys.exit(main())
