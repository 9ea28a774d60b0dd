#!/usr/bin/python3
"""langdetect_bench.py - the peer for language identification: Debian's python3-langdetect.

Reads language<TAB>text lines and prints accuracy and texts per second in the
same form as chorus's own benchmark, so that run.sh can divide the rates.
"""
import sys
import time

def main():
    try:
        import langdetect
        from langdetect import DetectorFactory
    except ImportError:
        print("  langdetect: not installed (Debian package python3-langdetect)")
        return 0
    DetectorFactory.seed = 0  # langdetect is randomised; fix it for repeatable figures
    rows = [line.rstrip("\n").split("\t", 1) for line in open(sys.argv[1], encoding="utf-8")]
    rows = [r for r in rows if len(r) == 2]
    right = 0
    start = time.perf_counter()
    for lang, text in rows:
        try:
            got = langdetect.detect(text)
        except Exception:
            got = "und"
        right += got.split("-")[0] == lang
    seconds = time.perf_counter() - start
    print("  langdetect: %d texts, accuracy %.3f, %.0f texts/s" % (len(rows), right / len(rows), len(rows) / seconds))
    print("RATE langdetect %.3f" % (len(rows) / seconds))
    return 0

if __name__ == "__main__":
    sys.exit(main())
