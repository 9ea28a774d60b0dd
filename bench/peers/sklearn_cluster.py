"""sklearn_cluster.py - scikit-learn's TF-IDF clustering on the data bench_cluster scores chorus on.

Usage: sklearn_cluster.py DATA_DIR OUT_DIR

Debian's python3-sklearn: TfidfVectorizer (sublinear tf, English stop words)
with agglomerative clustering (average linkage, cosine distance, cut at 0.85,
that is cosine similarity 0.15: the best cut on these data, which favours the
peer), MiniBatchKMeans and KMeans (both told the true number of stories,
which no streaming system knows). Scored as bench_cluster scores chorus: pairwise
precision, recall and F1, and B-cubed F1; Multi-News documents whose first 80
characters recur across stories or under 60 words are left out of the scoring.
SemEval 2022's same-language pairs are scored by the TF-IDF cosine of the two
articles at the cut that does best on the answers. The generated corpus (OUT_DIR/cluster-10000.jsonl and its .truth, written by
bench_cluster) is clustered with MiniBatchKMeans only: agglomerative
clustering needs the dense matrix of all pairs, and full k-means takes a minute there.
On Multi-News it also prints bounds rather than peers: how near each article's nearest
neighbour and story are, with the stories known; an oracle that links only same-story
pairs whose cosine reaches 0.05 or 0.1, beside the number of different-story pairs that
reach it too; and latent semantic analysis with its dimension and cut fitted to the answers.
"""
import collections
import csv
import json
import os
import sys
import time

try:
    from sklearn.cluster import AgglomerativeClustering, KMeans, MiniBatchKMeans
    from sklearn.feature_extraction.text import TfidfVectorizer
except ImportError:
    print("  scikit-learn: not installed (scripts/install-deps.sh --bench installs python3-sklearn)")
    sys.exit(0)


def scores(truth, found):
    """Pairwise and B-cubed precision, recall and F1 of `found` against `truth`."""
    both = collections.Counter(zip(truth, found))
    t_sizes = collections.Counter(truth)
    f_sizes = collections.Counter(found)
    tp = sum(c * (c - 1) / 2 for c in both.values())
    pp = sum(c * (c - 1) / 2 for c in f_sizes.values())
    tt = sum(c * (c - 1) / 2 for c in t_sizes.values())
    p = tp / pp if pp else 1.0
    r = tp / tt if tt else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    n = len(truth)
    bp = sum(c * c / f_sizes[f] for (t, f), c in both.items()) / n
    br = sum(c * c / t_sizes[t] for (t, f), c in both.items()) / n
    bf1 = 2 * bp * br / (bp + br) if bp + br else 0.0
    return p, r, f1, bf1, len(t_sizes), len(f_sizes)


def report(name, method, truth, found, seconds, scored=None):
    if scored is not None:
        truth = [t for t, s in zip(truth, scored) if s]
        found = [f for f, s in zip(found, scored) if s]
    p, r, f1, bf1, nt, nf = scores(truth, found)
    print("  %-10s %-26s pairwise P %.3f R %.3f F1 %.3f   B-cubed F1 %.3f   %d items, %d stories "
          "(found %d), %.2f s" % (name, method, p, r, f1, bf1, len(truth), nt, nf, seconds))


def run(name, texts, truth, scored=None, agglomerative=True):
    if agglomerative:
        t0 = time.perf_counter()
        x = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
        labels = AgglomerativeClustering(n_clusters=None, distance_threshold=0.85, metric="cosine",
                                         linkage="average").fit_predict(x.toarray())
        report(name, "agglomerative (cut 0.85)", truth, list(labels), time.perf_counter() - t0, scored)
    t0 = time.perf_counter()
    x = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
    labels = MiniBatchKMeans(n_clusters=len(set(truth)), random_state=0, n_init=3,
                             batch_size=1024).fit_predict(x)
    report(name, "MiniBatchKMeans (true k)", truth, list(labels), time.perf_counter() - t0, scored)
    if not agglomerative:
        return
    # Mini-batches of a corpus hardly larger than its number of stories leave most centres empty
    # and one taking nearly all; full k-means is the fair figure there.
    t0 = time.perf_counter()
    x = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
    labels = KMeans(n_clusters=len(set(truth)), random_state=0, n_init=3).fit_predict(x)
    report(name, "KMeans (true k)", truth, list(labels), time.perf_counter() - t0, scored)


def multinews(data):
    path = os.path.join(data, "multinews-validation", "clusters.jsonl")
    if not os.path.exists(path):
        print("  multinews: skipped: %s is absent" % path)
        return
    docs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            o = json.loads(line)
            for d in o["documents"]:
                docs.append((o["cluster"], d))
    heads = collections.defaultdict(set)
    for story, d in docs:
        heads[d[:80]].add(story)
    scored = [len(heads[d[:80]]) < 2 and len(d.split()) >= 60 for story, d in docs]
    run("multinews", [d for _, d in docs], [s for s, _ in docs], scored)
    lexical_ceiling([d for _, d in docs], [s for s, _ in docs], scored)
    latent_best_cut([d for _, d in docs], [s for s, _ in docs], scored)


def lexical_ceiling(texts, truth, scored):
    """How far words alone can group these articles, whatever the method: for each scored article
    whose story has another scored article, is its nearest article (TF-IDF cosine) of its story, and
    is it nearer the sum of another story's articles than the sum of the rest of its own, with the
    true stories known?"""
    import numpy as np
    x = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
    sims = (x @ x.T).toarray()
    np.fill_diagonal(sims, -1.0)
    members = collections.defaultdict(list)
    for i, (s, keep) in enumerate(zip(truth, scored)):
        if keep:
            members[s].append(i)
    dense = x.toarray()
    sums = {s: dense[m].sum(axis=0) for s, m in members.items()}
    unit = {s: v / np.linalg.norm(v) for s, v in sums.items()}
    looked = nearest_same = nearer_other = 0
    for s, m in members.items():
        if len(m) < 2:
            continue
        for i in m:
            looked += 1
            others = [j for j in range(len(truth)) if scored[j] and j != i]
            nearest_same += truth[max(others, key=lambda j: sims[i, j])] == s
            rest = sums[s] - dense[i]
            own = dense[i] @ rest / np.linalg.norm(rest)
            nearer_other += max(dense[i] @ v for t, v in unit.items() if t != s) > own
    print("  multinews  what words allow: of %d articles with a partner, %.3f have their nearest article in "
          "their story; %.3f are nearer another story's sum than the rest of their own, stories known"
          % (looked, nearest_same / looked, nearer_other / looked))
    # An oracle that never joins two stories and links two articles of one story whenever their
    # cosine reaches `cut`: the recall it loses is that of pairs whose words tie them less than
    # the many pairs of different stories counted beside it.
    kept = [i for i, k in enumerate(scored) if k]
    for cut in (0.05, 0.1):
        parent = {i: i for i in kept}

        def root(i):
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i
        for m in members.values():
            for a in m:
                for b in m:
                    if a < b and sims[a, b] >= cut:
                        parent[root(a)] = root(b)
        across = int(sum((sims[i, j] >= cut and truth[i] != truth[j]) for n, i in enumerate(kept)
                         for j in kept[n + 1:]))
        p, r, f1, _, _, _ = scores([truth[i] for i in kept], [root(i) for i in kept])
        print("  multinews  oracle linking the same-story pairs of cosine %.2f or more: pairwise P %.3f R %.3f "
              "F1 %.3f (%d pairs of two stories reach that cosine too)" % (cut, p, r, f1, across))


def latent_best_cut(texts, truth, scored):
    """Whether a whole-corpus model of word co-occurrence closes the gap: latent semantic analysis
    (the TF-IDF vectors reduced to 100, 200 and 400 dimensions by TruncatedSVD), then average-link
    agglomerative clustering at the cut that does best on the answers. Both the dimension and the
    cut are fitted to the answers, and the reduction needs every article first, so this is a bound
    that no single pass over a stream can use, not a peer."""
    import numpy as np
    from sklearn.decomposition import TruncatedSVD
    from sklearn.preprocessing import normalize
    t0 = time.perf_counter()
    x = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
    kept_truth = [t for t, s in zip(truth, scored) if s]
    for dims in (100, 200, 400):
        z = normalize(TruncatedSVD(dims, random_state=0).fit_transform(x))
        distance = np.clip(1.0 - z @ z.T, 0.0, None)
        np.fill_diagonal(distance, 0.0)
        best = None
        for cut in np.arange(0.30, 0.99, 0.02):
            labels = AgglomerativeClustering(n_clusters=None, distance_threshold=cut, metric="precomputed",
                                             linkage="average").fit_predict(distance)
            p, r, f1, _, _, _ = scores(kept_truth, [f for f, s in zip(labels, scored) if s])
            if best is None or f1 > best[0]:
                best = (f1, p, r, cut)
        print("  multinews  LSA %d dims, agglomerative at its best cut %.2f (fitted to the answers): "
              "pairwise P %.3f R %.3f F1 %.3f" % (dims, best[3], best[1], best[2], best[0]))
    print("  multinews  LSA bounds: %.1f s" % (time.perf_counter() - t0))


def uci(data):
    path = os.path.join(data, "uci-news-prefix", "uci-news-aggregator.head.csv")
    if not os.path.exists(path):
        print("  uci: skipped: %s is absent" % path)
        return
    with open(path, encoding="utf-8", newline="") as f:
        rows = [r for r in list(csv.reader(f))[1:] if len(r) == 8]
    run("uci", [r[1] for r in rows], [r[5] for r in rows])


def semeval(data):
    """Same-language SemEval 2022 pairs: TF-IDF cosine of the two articles (fitted on all of
    them, no stop words for ten languages) against a cut, the best one on the answers."""
    path = os.path.join(data, "semeval2022-train", "training_set.csv")
    if not os.path.exists(path):
        print("  semeval: skipped: %s is absent" % path)
        return
    with open(path, encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["lang1"] == r["lang2"]]
    t0 = time.perf_counter()
    texts, index = [], {}
    for r in rows:
        for pid, text in zip(r["pair_id"].split("_"), (r["text1"], r["text2"])):
            if pid not in index:
                index[pid] = len(texts)
                texts.append(text)
    x = TfidfVectorizer(sublinear_tf=True).fit_transform(texts)
    cosines = []
    for r in rows:
        a, b = (index[p] for p in r["pair_id"].split("_"))
        cosines.append(x[a].multiply(x[b]).sum())
    same = [float(r["Overall"]) <= 1.5 for r in rows]
    best = None
    for step in range(1, 20):
        cut = step / 20
        together = [c >= cut for c in cosines]
        both = sum(1 for t, s in zip(together, same) if t and s)
        p = both / sum(together) if sum(together) else 1.0
        r_ = both / sum(same) if sum(same) else 1.0
        f1 = 2 * p * r_ / (p + r_) if p + r_ else 0.0
        if best is None or f1 > best[0]:
            best = (f1, p, r_, cut, sum(together))
    f1, p, r_, cut, together = best
    print("  semeval    cosine (best cut %.2f)       pairs %d, one story %d: put together %d, precision %.3f "
          "recall %.3f F1 %.3f, %.2f s" % (cut, len(rows), sum(same), together, p, r_, f1,
                                           time.perf_counter() - t0))


def generated(out):
    path = os.path.join(out, "cluster-10000.jsonl")
    truth_path = os.path.join(out, "cluster-10000.truth")
    if not os.path.exists(path) or not os.path.exists(truth_path):
        print("  generated: skipped: run bench_cluster first")
        return
    story = {}
    with open(truth_path) as f:
        for line in f:
            a, s, _ = line.rstrip("\n").split("\t")
            story[a] = s
    texts, truth = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            o = json.loads(line)
            texts.append(o["text"])
            truth.append(story[o["id"]])
    run("generated", texts, truth, agglomerative=False)


def main():
    if len(sys.argv) != 3:
        print("usage: sklearn_cluster.py DATA_DIR OUT_DIR", file=sys.stderr)
        sys.exit(2)
    import sklearn
    print("  scikit-learn %s (Debian python3-sklearn), TF-IDF:" % sklearn.__version__)
    multinews(sys.argv[1])
    uci(sys.argv[1])
    semeval(sys.argv[1])
    generated(sys.argv[2])


if __name__ == "__main__":
    main()
