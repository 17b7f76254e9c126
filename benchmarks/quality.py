"""Extract a set of readouts and print the shared scorer's figures.

    uv run python benchmarks/quality.py [--set dev|golden|blind] [--per-doc] [--keep DIR]

Sets: ``dev`` is the 40-document dev corpus (``../shared/corpus/dev``, not in the
repository); ``golden`` the hand-written readouts the rules are tuned on
(``tests/extraction/golden`` and the bundled samples); ``blind`` the hand-written readouts kept
out of tuning (``benchmarks/blind``): score it once per round of changes, never tune on it.
The scorer (``../shared/eval/score.py``) is not part of the repository; the script says so
and exits 2 when it is missing.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bilateral.extraction import Extractor
from bilateral.services.extracting import extract_paths
from bilateral.settings import load_settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GOLDEN = ROOT / "tests" / "extraction" / "golden"
SETS: dict[str, tuple[list[Path], list[Path]]] = {
    # name: (folders of readouts, folders of gold JSON)
    "dev": ([SHARED / "corpus" / "dev" / "docs"], [SHARED / "corpus" / "dev" / "gold"]),
    "golden": (
        [GOLDEN, ROOT / "src" / "bilateral" / "samples"],
        [GOLDEN, GOLDEN / "samples"],
    ),
    "blind": ([ROOT / "benchmarks" / "blind"], [ROOT / "benchmarks" / "blind"]),
}


def gather_gold(folders: list[Path], into: Path) -> int:
    """Copy the gold records of ``folders`` into one folder; how many there are."""
    into.mkdir(parents=True)
    count = 0
    for folder in folders:
        for path in folder.glob("*.json"):
            if path.name not in ("baseline.json", "corpus.json"):
                shutil.copy(path, into / path.name)
                count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--set", choices=sorted(SETS), default="dev", help="which readouts")
    ap.add_argument("--scorer", type=Path, default=SHARED / "eval" / "score.py")
    ap.add_argument("--per-doc", action="store_true", help="print what each document missed")
    ap.add_argument("--keep", type=Path, help="write the predictions here instead of a temp dir")
    args = ap.parse_args(argv)
    texts, golds = SETS[args.set]
    if not all(t.is_dir() for t in texts) or not args.scorer.is_file():
        print(f"readouts or scorer not found ({texts}, {args.scorer})", file=sys.stderr)
        return 2
    settings = load_settings()
    with tempfile.TemporaryDirectory() as tmp:
        out = args.keep or Path(tmp) / "pred"
        gold = Path(tmp) / "gold"
        gather_gold(golds, gold)
        started = time.perf_counter()
        extractor = Extractor(model=settings.spacy_model)
        built = time.perf_counter()
        report = extract_paths(extractor, texts, out, max_bytes=settings.max_document_bytes)
        done = time.perf_counter()
        print(
            f"extracted {len(report.written)} documents in {done - built:.2f} s "
            f"(pipeline built in {built - started:.2f} s); {len(report.errors)} unreadable"
        )
        command = [sys.executable, str(args.scorer), str(gold), str(out)]
        if args.per_doc:
            command.append("--per-doc")
        return subprocess.call(command)


if __name__ == "__main__":
    sys.exit(main())
