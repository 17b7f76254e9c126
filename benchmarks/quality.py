"""Extract the dev corpus and print the shared scorer's figures.

    uv run python benchmarks/quality.py [--per-doc] [--corpus DIR] [--keep DIR]

The corpus (``../shared/corpus/dev``) and the scorer (``../shared/eval/score.py``) are not
part of the repository; the script says so and exits 2 when they are missing.
"""

from __future__ import annotations

import argparse
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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "dev")
    ap.add_argument("--scorer", type=Path, default=SHARED / "eval" / "score.py")
    ap.add_argument("--per-doc", action="store_true", help="print what each document missed")
    ap.add_argument("--keep", type=Path, help="write the predictions here instead of a temp dir")
    args = ap.parse_args(argv)
    if not (args.corpus / "docs").is_dir() or not args.scorer.is_file():
        print(f"corpus or scorer not found ({args.corpus}, {args.scorer})", file=sys.stderr)
        return 2
    settings = load_settings()
    with tempfile.TemporaryDirectory() as tmp:
        out = args.keep or Path(tmp) / "pred"
        started = time.perf_counter()
        extractor = Extractor(model=settings.spacy_model)
        built = time.perf_counter()
        report = extract_paths(extractor, [args.corpus / "docs"], out,
                               max_bytes=settings.max_document_bytes)  # fmt: skip
        done = time.perf_counter()
        print(
            f"extracted {len(report.written)} documents in {done - built:.2f} s "
            f"(pipeline built in {built - started:.2f} s); {len(report.errors)} unreadable"
        )
        command = [sys.executable, str(args.scorer), str(args.corpus / "gold"), str(out)]
        if args.per_doc:
            command.append("--per-doc")
        return subprocess.call(command)


if __name__ == "__main__":
    sys.exit(main())
