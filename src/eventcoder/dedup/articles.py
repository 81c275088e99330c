"""Find near-duplicate articles: the same wire story republished by several outlets.

MinHash signatures of word shingles, bucketed by locality-sensitive hashing
(datasketch), find candidate pairs without comparing every pair of articles.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from datasketch import MinHash, MinHashLSH

from eventcoder.records import Article

# Five-word shingles: short enough to survive light edits (a changed dateline or byline),
# long enough that two different reports of one region rarely share many.
SHINGLE_WORDS = 5
# 128 permutations estimate Jaccard similarity within about +-0.09 (1/sqrt(128)).
NUM_PERM = 128
# Syndicated copies share most shingles; rewritten reports of the same event share few.
NEAR_DUPLICATE_JACCARD = 0.8
SEED = 1  # fixed, so the same articles always give the same groups

WORD = re.compile(r"\w+")


def _signature(text: str) -> MinHash:
    words = WORD.findall(text.casefold())
    shingles = {
        " ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8")
        for i in range(max(1, len(words) - SHINGLE_WORDS + 1))
    }
    signature = MinHash(num_perm=NUM_PERM, seed=SEED)
    signature.update_batch(sorted(shingles))
    return signature


def near_duplicate_groups(articles: Iterable[Article]) -> list[tuple[str, ...]]:
    """Groups (of two or more article ids) whose texts are near-identical.

    Example: the same AFP story in two newspapers gives one group of both ids.
    """
    lsh = MinHashLSH(threshold=NEAR_DUPLICATE_JACCARD, num_perm=NUM_PERM)
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for article in sorted(articles, key=lambda a: a.id):
        if article.id in parent:
            continue
        signature = _signature(article.text)
        parent[article.id] = article.id
        for other in lsh.query(signature):
            parent[root(article.id)] = root(other)
        lsh.insert(article.id, signature)
    groups: dict[str, list[str]] = {}
    for key in parent:
        groups.setdefault(root(key), []).append(key)
    return sorted(tuple(sorted(g)) for g in groups.values() if len(g) > 1)
