"""The throughput benchmark's corpus generator (benchmarks/synthetic.py), on texts of our own.

Runs without ../shared: the seed texts below are invented, and so are their countries.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
SYNTHETIC = BENCHMARKS / "synthetic.py"


def _load(path: Path) -> ModuleType:
    """Import ``benchmarks/synthetic.py`` by path (``benchmarks`` is not a package)."""
    spec = importlib.util.spec_from_file_location("bench_synthetic", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


synthetic = _load(SYNTHETIC)

TEXTS = [
    "Freedonia and Sylvania Hold Talks\n"
    "FREDVILLE, March 3, 2021. Foreign Minister Anna Kowalska of Freedonia received the "
    "Sylvanian Deputy Foreign Minister Piet Janssen in Fredville for the third round of "
    "political consultations between the two countries.\n"
    "The Freedonian side proposed a joint commission on trade. Minister Kowalska said that "
    "the relations were excellent. Janssen agreed and invited her to Sylvania in 2022.\n"
    "The ministers discussed energy, transport and education. They signed a memorandum on "
    "culture. They agreed to meet again next year.",
    "Sylvania, Freedonia sign visa accord\n"
    "SYLVAN CITY, 14 October 2019 – Sylvania and Freedonia signed an agreement on visa-free "
    "travel for up to 30 days, the Sylvanian ministry of foreign affairs reported on "
    "Monday in a short statement to the press.\n"
    "Citizens of Freedonia may stay for up to 90 days within 180 days. The accord enters "
    "into force on Jan. 1, 2020.",
    "Short note. Freedonia welcomed the talks.",
]
COUNTRIES = synthetic.CountryForms(
    forms={
        "Freedonia": ("FRE", "name"), "Freedonian": ("FRE", "demonym"),
        "Fredville": ("FRE", "capital"), "Sylvania": ("SYL", "name"),
        "Sylvanian": ("SYL", "demonym"), "Sylvan City": ("SYL", "capital"),
    },
    names={"FRE": "Freedonia", "SYL": "Sylvania", "OST": "Osterlich", "BRU": "Brungaria"},
    demonyms={"FRE": "Freedonian", "SYL": "Sylvanian", "OST": "Osterlichian",
              "BRU": "Brungarian"},
    capitals={"FRE": "Fredville", "SYL": "Sylvan City", "OST": "Ostburg", "BRU": "Brun"},
)  # fmt: skip


def make_generator(**overrides: object) -> object:
    """A generator over TEXTS and the invented countries; short documents."""
    options: dict[str, object] = {
        "seed": 7, "countries": COUNTRIES, "min_words": 40, "max_words": 120,
    }  # fmt: skip
    options.update(overrides)
    return synthetic.CorpusGenerator(TEXTS, **options)


def texts(count: int = 40, **overrides: object) -> list[str]:
    """The texts of the first ``count`` documents."""
    return [doc.text for doc in make_generator(**overrides).documents(count)]


def test_same_seed_same_documents() -> None:
    assert texts() == texts()


def test_another_seed_other_documents() -> None:
    assert texts(seed=8) != texts()


def test_a_document_can_be_regenerated_alone() -> None:
    generator = make_generator()
    docs = list(generator.documents(12))
    assert generator.document(11) == docs[11]
    assert list(generator.documents(2, start=5)) == docs[5:7]


def test_documents_are_varied_and_never_empty() -> None:
    docs = list(make_generator().documents(40))
    assert len({doc.text for doc in docs}) == len(docs)
    assert len({doc.name for doc in docs}) == len(docs)
    assert all(doc.words > 0 for doc in docs)
    assert len({doc.words for doc in docs}) > 5


def test_lengths_follow_the_requested_range() -> None:
    words = [doc.words for doc in make_generator().documents(40)]
    # Swaps change a few words after the cut ("Sylvan City" for "Fredville").
    assert min(words) >= 40 * 0.9
    assert max(words) <= 120 * 1.2


def test_a_short_corpus_still_fills_long_documents() -> None:
    generator = synthetic.CorpusGenerator(
        ["One sentence from Freedonia."], countries=COUNTRIES, min_words=50, max_words=60
    )
    assert generator.document(0).words >= 50


def test_countries_are_swapped_as_a_pair() -> None:
    mentioned_pairs = set()
    for text in texts(60):
        names = {code for code, name in COUNTRIES.names.items() if name in text}
        demonyms = {code for code, demonym in COUNTRIES.demonyms.items() if demonym in text}
        assert len(names) <= 2
        assert demonyms <= names or not names  # a demonym goes with its country
        mentioned_pairs.add(frozenset(names))
    assert len(mentioned_pairs) > 3


def test_people_are_renamed_consistently() -> None:
    renamed = 0
    for text in texts(30):
        full = re.search(r"Foreign Minister (\S+) (\S+) of", text)
        if full and "said that the relations" in text:
            assert f"Minister {full.group(2)} said that" in text
        renamed += bool(full) and full.group(2) != "Kowalska"
    assert renamed > 10


def test_dates_are_shifted() -> None:
    years = {int(y) for text in texts(40) for y in re.findall(r"\b(?:19|20)\d\d\b", text)}
    assert len(years) > 5


def test_date_shift_keeps_each_style() -> None:
    shift = synthetic.DateShift(years=1, months=2, days=3)
    text = "On 28 Feb. 2020, Oct. 3, 2019, DECEMBER 6, 2022, Jul 15 and in May."
    assert (
        shift.apply(text) == "On 3 April 2021, Dec. 6, 2020, FEBRUARY 9, 2023, Sep 18 and in July."
    )


def test_names_are_harvested_after_titles_only_from_long_lines() -> None:
    names = synthetic.harvest_names(TEXTS, exclude=COUNTRIES.forms)
    assert "Anna Kowalska" in names
    assert "Piet Janssen" in names
    assert not any("Freedonia" in name for name in names)


def test_seed_texts_are_read_from_a_folder(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Second.", encoding="utf-8")
    (tmp_path / "a.md").write_text("First.", encoding="utf-8")
    (tmp_path / "c.pdf").write_bytes(b"%PDF")
    assert synthetic.read_seed_texts(tmp_path) == ["First.", "Second."]


@pytest.mark.parametrize("seeds", [[], ["", "  \n"]])
def test_no_text_is_an_error(seeds: list[str]) -> None:
    with pytest.raises(ValueError, match="no seed texts"):
        synthetic.CorpusGenerator(seeds, countries=COUNTRIES)


def test_the_gazetteer_gives_swappable_countries() -> None:
    countries = synthetic.CountryForms.from_gazetteer()
    assert {"KAZ", "USA"} <= set(countries.swappable())
    assert countries.lookup("the United States")[0] == "USA"


# --- the throughput script around the generator


def test_throughput_exits_2_without_its_seed_documents(tmp_path: Path) -> None:
    script = BENCHMARKS / "throughput.py"
    done = subprocess.run(
        [sys.executable, str(script), "--quick", "--source", str(tmp_path / "absent")],
        capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip
    assert done.returncode == 2
    assert "seed documents not found" in done.stderr


def test_every_option_in_the_readme_exists() -> None:
    readme = (BENCHMARKS / "README.md").read_text(encoding="utf-8")
    script = (BENCHMARKS / "throughput.py").read_text(encoding="utf-8")
    options = set(re.findall(r"`(--[a-z-]+)", readme))
    assert {"--docs", "--seed", "--quick", "--json", "--source"} <= options
    for option in options:
        assert f'"{option}"' in script, option
