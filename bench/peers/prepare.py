#!/usr/bin/python3
"""prepare.py - makes the inputs that chorus and its peers are timed on, from ../shared/data.

Writes, under the output folder:
  langid.tsv     language<TAB>text, one text a line (SemEval 2022 task 8 articles, 10 languages)
  documents.jsonl  {"text": ...}, one Multi-News document a line (for sentence splitting)
Nothing is written into the project: the output folder is bench/out (not tracked).
"""
import csv
import json
import os
import sys

def main():
    data, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    semeval = os.path.join(data, "semeval2022-train", "training_set.csv")
    multinews = os.path.join(data, "multinews-validation", "clusters.jsonl")
    if not os.path.exists(semeval) or not os.path.exists(multinews):
        print("  skipped: the development data in %s is absent" % data)
        return 1
    csv.field_size_limit(1 << 30)
    with open(semeval, newline="", encoding="utf-8") as f, \
            open(os.path.join(out, "langid.tsv"), "w", encoding="utf-8") as w:
        for row in csv.DictReader(f):
            for lang, text in ((row["lang1"], row["text1"]), (row["lang2"], row["text2"])):
                text = " ".join(text.split())
                if text:
                    w.write("%s\t%s\n" % (lang, text))
    with open(multinews, encoding="utf-8") as f, \
            open(os.path.join(out, "documents.jsonl"), "w", encoding="utf-8") as w:
        for line in f:
            for doc in json.loads(line)["documents"]:
                w.write(json.dumps({"text": doc}) + "\n")
    return 0

if __name__ == "__main__":
    sys.exit(main())
