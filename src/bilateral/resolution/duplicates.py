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

import numpy as np
from anyascii import anyascii
from datasketch import LeanMinHash, MinHash, MinHashLSH  # type: ignore[import-untyped]

from bilateral.resolved import Report

#: Permutations per MinHash: enough to tell 0.8 from 0.4 similarity, cheap to compute.
NUM_PERM = 64
#: datasketch's hashing scheme for 32-bit hash values (its default since 2.0).
SCHEME = "affine32"
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


def sketch(text: str) -> bytes | None:
    """The MinHash of a text as bytes, to keep with the document (None for no words).

    Computing it once at ingest spares every later resolution the shingling of long texts.
    """
    found = shingles(text)
    if not found:
        return None
    [minhash] = MinHash.bulk([found], num_perm=NUM_PERM, hashfunc=zlib.crc32, scheme=SCHEME)
    return bytes(minhash.hashvalues.astype("<u4").tobytes())


def _sketches(reports: Sequence[Report]) -> dict[str, LeanMinHash]:
    """One MinHash per document: the stored one, or one computed from the text."""
    stored = {r.key.document_id: r.sketch for r in reports if r.sketch}
    texts = {doc: text for doc, text in document_texts(reports).items() if doc not in stored}
    shingled = {doc: found for doc, text in texts.items() if (found := shingles(text))}
    computed = MinHash.bulk(
        list(shingled.values()), num_perm=NUM_PERM, hashfunc=zlib.crc32, scheme=SCHEME
    )
    sketches = {doc: LeanMinHash(m) for doc, m in zip(shingled, computed, strict=True)}
    for doc, data in stored.items():
        hashvalues = np.frombuffer(data, dtype="<u4").astype(np.uint32)
        sketches[doc] = LeanMinHash(seed=1, hashvalues=hashvalues, scheme=SCHEME)
    return sketches


def near_duplicate_documents(
    reports: Sequence[Report], threshold: float = NEAR_DUPLICATE
) -> list[tuple[str, str]]:
    """Pairs of document ids whose texts are near-duplicates, each pair sorted, pairs sorted."""
    by_id = dict(sorted(_sketches(reports).items()))
    index = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    for doc, minhash in by_id.items():
        index.insert(doc, minhash)
    pairs: set[tuple[str, str]] = set()
    for doc, minhash in by_id.items():
        for other in index.query(minhash):
            if other != doc and minhash.jaccard(by_id[other]) >= threshold:
                pairs.add((min(doc, other), max(doc, other)))
    return sorted(pairs)
