"""Near-duplicate documents: one statement published again, verbatim or nearly.

Agencies and embassies re-publish each other's readouts; such copies describe the same
meetings in the same order, which is strong evidence for grouping. Each document's text is
reduced to a MinHash of its word shingles, and a MinHash LSH index finds the candidates, so
the cost grows with the number of documents, not with the number of pairs.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Sequence

from anyascii import anyascii
from datasketch import MinHash, MinHashLSH  # type: ignore[import-untyped]

from bilateral.resolved import Report

#: Permutations per MinHash: enough to tell 0.8 from 0.4 similarity, cheap to compute.
NUM_PERM = 64
#: Words per shingle.
SHINGLE_WORDS = 5
#: Only the opening words of a long text are compared (a copy copies its opening too).
MAX_WORDS = 3000
#: Estimated Jaccard similarity of shingle sets at and above which two texts are copies.
NEAR_DUPLICATE = 0.7

_WORD = re.compile(r"[a-z0-9]+")


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """The distinct ``size``-word sequences of ``text``, case and accents folded."""
    words = _WORD.findall(anyascii(text).lower())[:MAX_WORDS]
    if len(words) <= size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


def document_texts(reports: Iterable[Report]) -> dict[str, str]:
    """One text per document id (the first non-empty one); documents without text are left out."""
    texts: dict[str, str] = {}
    for report in reports:
        if report.text.strip() and report.key.document_id not in texts:
            texts[report.key.document_id] = report.text
    return texts


def near_duplicate_documents(
    reports: Sequence[Report], threshold: float = NEAR_DUPLICATE
) -> list[tuple[str, str]]:
    """Pairs of document ids whose texts are near-duplicates, each pair sorted, pairs sorted."""
    texts = document_texts(reports)
    shingled = {doc: shingles(text) for doc, text in texts.items()}
    ids = sorted(doc for doc, found in shingled.items() if found)
    shingle_sets = [shingled[doc] for doc in ids]
    sketches: list[MinHash] = MinHash.bulk(shingle_sets, num_perm=NUM_PERM, hashfunc=zlib.crc32)
    index = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    for doc, sketch in zip(ids, sketches, strict=True):
        index.insert(doc, sketch)
    by_id = dict(zip(ids, sketches, strict=True))
    pairs: set[tuple[str, str]] = set()
    for doc, sketch in by_id.items():
        for other in index.query(sketch):
            if other != doc and sketch.jaccard(by_id[other]) >= threshold:
                pairs.add((min(doc, other), max(doc, other)))
    return sorted(pairs)
