"""Synthetic readouts for the throughput benchmark: seed documents recombined and perturbed.

The seed texts (by default the dev corpus in ``../shared/corpus/dev/docs``) are never copied
into the repository: documents are generated in memory, one at a time, at run time.

Each synthetic document takes the lead (headline and dateline paragraphs) of one seed and
body paragraphs from it and from other seeds, in shuffled order, until a drawn length of
``min_words``-``max_words`` words is reached; then it swaps the countries (names, demonyms,
capitals: consistently, so a pair stays a pair), swaps person names (drawn from names found in
the seeds and from invented ones), and shifts years, months and days. Document ``i`` depends
only on ``(seed, i)``, so any run can regenerate any document.

    gen = CorpusGenerator(texts, seed=7)
    for doc in gen.documents(5000):
        ...
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

SEED_SUFFIXES = (".txt", ".md")

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
# Associated Press abbreviations, as the readouts write them ("Oct. 28").
AP_MONTHS = (
    "Jan.", "Feb.", "March", "April", "May", "June",
    "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
)  # fmt: skip

# Words that precede a person's name in readouts ("Foreign Minister Kairat Umarov").
NAME_CUES = (
    "President", "Minister", "Secretary", "Ambassador", "Envoy", "Senator", "Speaker",
    "Chairman", "Chair", "Adviser", "Advisor", "Representative", "Director", "Spokesperson",
    "Counselor", "Affairs", "Mr.", "Ms.", "Mrs.", "Dr.",
)  # fmt: skip
# Words that follow a name and a comma ("Bauyrzhan Akatayev, Director of ...").
TITLES_AFTER = (
    "Deputy", "First", "Vice", "Minister", "Director", "Ambassador", "Head", "Chairman",
    "Secretary", "President", "Special", "Assistant", "Chief", "Foreign",
)  # fmt: skip
# Capitalised words that are part of titles or offices, never of a name.
NOT_NAME_WORDS = frozenset((
    *NAME_CUES, *TITLES_AFTER,
    "Affairs", "State", "General", "Prime", "Under", "Senior", "Acting", "Republic",
    "Department", "Ministry", "Office", "Embassy", "Council", "Committee", "Commission",
    "National", "Security", "The", "His", "Her", "Excellency", "Majesty", "Ambassadors",
    "Central", "Asia", "Asian", "South", "North", "East", "West", "Economy", "Trade",
    "Energy", "Defense", "Defence", "Justice", "Interior", "Finance", "Education",
))  # fmt: skip
_NAME_WORD = r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+|['’][A-Z][a-z]+)*"
_NAME_AFTER_CUE = re.compile(
    r"(?=(?<![\w.])(?:"
    + "|".join(re.escape(cue) for cue in NAME_CUES)
    + rf")\s+(?P<name>{_NAME_WORD}(?:\s{_NAME_WORD}){{1,2}})(?![\w-]))"
)
_NAME_BEFORE_TITLE = re.compile(
    rf"(?=(?<![\w-])(?P<name>{_NAME_WORD}(?:\s{_NAME_WORD}){{1,2}}),\s+(?:the\s+)?(?:"
    + "|".join(TITLES_AFTER)
    + r")\b)"
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")

# Invented names: syllables that read as names in several languages.
_ONSETS = ("b", "d", "g", "k", "l", "m", "n", "r", "s", "t", "v", "z", "sh", "ch", "h", "y")
_VOWELS = ("a", "e", "i", "o", "u", "ai", "ia")
_SURNAME_ENDINGS = ("ov", "ova", "enko", "son", "ez", "ski", "li", "yev", "berg", "ani", "ura")


@dataclass(frozen=True)
class SyntheticDocument:
    """One generated readout."""

    name: str
    text: str

    @property
    def words(self) -> int:
        """Whitespace-separated words (the unit of the benchmark's words/s)."""
        return len(self.text.split())


@dataclass(frozen=True)
class CountryForms:
    """The country surface forms the generator swaps, by ISO alpha-3 code.

    ``forms`` maps a form ("Kazakhstan", "Kazakh", "Astana") to its code and kind
    (``name``, ``demonym`` or ``capital``); ``names``, ``demonyms`` and ``capitals`` give each
    code the form a replacement uses.
    """

    forms: dict[str, tuple[str, str]]
    names: dict[str, str]
    demonyms: dict[str, str]
    capitals: dict[str, str]

    @classmethod
    def from_gazetteer(cls) -> CountryForms:
        """The forms of bilateral's own gazetteer (imports spaCy through the package)."""
        from bilateral.extraction.gazetteer import load_gazetteer

        gaz = load_gazetteer()
        forms = {form: (code, "capital") for form, code in gaz.capitals.items()}
        forms |= {form: (code, "demonym") for form, code in gaz.demonyms.items()}
        forms |= {form: (code, "name") for form, code in gaz.countries.items()}
        return cls(
            forms=forms,
            names=dict(gaz.country_names),
            demonyms=_first_by_code(gaz.demonyms),
            capitals=_first_by_code(gaz.capitals),
        )

    def swappable(self) -> list[str]:
        """Codes that have a name, a demonym and a capital: safe replacements."""
        return sorted(set(self.names) & set(self.demonyms) & set(self.capitals))

    def lookup(self, form: str) -> tuple[str, str]:
        """The code and kind of ``form``, with or without a leading "the "."""
        if form not in self.forms and form[:4] in ("the ", "The "):
            form = form[4:]
        return self.forms[form]

    def render(self, code: str, kind: str) -> str:
        """The form of ``code`` of the given kind."""
        table = {"name": self.names, "demonym": self.demonyms, "capital": self.capitals}[kind]
        return table[code]


def _takes_article(name: str) -> bool:
    """Whether a country name reads "the X" ("the United Kingdom", "the Philippines")."""
    return name.startswith(("United ", "Republic ")) or name.endswith(("s", "Republic"))


def _first_by_code(forms: dict[str, str]) -> dict[str, str]:
    by_code: dict[str, str] = {}
    for form, code in forms.items():
        by_code.setdefault(code, form)
    return by_code


@dataclass(frozen=True)
class Seed:
    """A seed document cut into its lead (headline, dateline) and body paragraphs."""

    lead: tuple[str, ...]
    body: tuple[str, ...]


def read_seed_texts(folder: Path) -> list[str]:
    """The texts of the ``.txt`` and ``.md`` files in ``folder``, in name order."""
    paths = sorted(p for p in folder.iterdir() if p.suffix in SEED_SUFFIXES and p.is_file())
    return [p.read_text(encoding="utf-8") for p in paths]


def split_seed(text: str, *, max_paragraph_words: int = 120) -> Seed:
    """Cut ``text`` into paragraphs (one per non-empty line); the lead runs to the first long one.

    Paragraphs over ``max_paragraph_words`` are cut into runs of sentences, so a seed
    written as one block still yields parts to recombine.
    """
    paragraphs: list[str] = []
    for line in text.splitlines():
        if line.strip():
            paragraphs.extend(_chunks(" ".join(line.split()), max_paragraph_words))
    cut = next((i + 1 for i, p in enumerate(paragraphs) if len(p.split()) >= 20), 1)
    return Seed(lead=tuple(paragraphs[:cut]), body=tuple(paragraphs[cut:]))


def _chunks(paragraph: str, max_words: int) -> list[str]:
    chunks: list[list[str]] = [[]]
    for sentence in _SENTENCE_END.split(paragraph):
        if chunks[-1] and sum(len(s.split()) for s in chunks[-1]) >= max_words:
            chunks.append([])
        chunks[-1].append(sentence)
    return [" ".join(chunk) for chunk in chunks]


def harvest_names(texts: Iterable[str], *, exclude: Iterable[str] = ()) -> list[str]:
    """Person names that follow a title in ``texts`` ("Minister Kairat Umarov"), sorted.

    Only lines of 20 words or more are read: headlines capitalise every word.
    """
    excluded = set(exclude) | NOT_NAME_WORDS
    names = set()
    lines = (line for text in texts for line in text.splitlines() if len(line.split()) >= 20)
    for line in lines:
        matches = [*_NAME_AFTER_CUE.finditer(line), *_NAME_BEFORE_TITLE.finditer(line)]
        for match in matches:
            name = match.group("name")
            if not any(word in excluded for word in name.split()):
                names.add(name)
    return sorted(names)


def invent_names(rng: random.Random, count: int) -> list[str]:
    """``count`` name-like strings ("Dalimo Karenko"), drawn from ``rng``."""
    return [f"{_invent_word(rng, 2)} {_invent_word(rng, 2, ending=True)}" for _ in range(count)]


def _invent_word(rng: random.Random, syllables: int, *, ending: bool = False) -> str:
    word = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(syllables))
    if ending:
        word += rng.choice(_SURNAME_ENDINGS)
    return word.capitalize()


def literal_pattern(forms: Iterable[str], *, article: bool = False) -> re.Pattern[str] | None:
    """A pattern matching any of ``forms`` as whole words (longest first); None if none.

    Hyphens delimit words ("U.S.-Kazakhstan"). With ``article``, a preceding "the " is
    part of the match ("the United States").
    """
    ordered = sorted(set(forms), key=lambda form: (-len(form), form))
    if not ordered:
        return None
    alternation = "|".join(re.escape(form) for form in ordered)
    the = "(?:[Tt]he )?" if article else ""
    return re.compile(rf"(?<![\w.]){the}(?:{alternation})(?!\w)")


def _month_forms() -> dict[str, tuple[int, str]]:
    forms: dict[str, tuple[int, str]] = {}
    for index, (full, short) in enumerate(zip(MONTHS, AP_MONTHS, strict=True)):
        forms[full[:3]] = (index, "abbr")  # "Jul 15, 2013"
        forms[short] = (index, "short")
        forms[full.upper()] = (index, "upper")
        forms[full] = (index, "full")
    forms["Sep."], forms["Sept"] = (8, "short"), (8, "abbr")
    return forms


MONTH_FORMS = _month_forms()
_MONTH = "|".join(re.escape(m) for m in sorted(MONTH_FORMS, key=len, reverse=True))
DATE_PATTERN = re.compile(
    rf"(?<![\w.])(?:(?P<month>{_MONTH})(?:\s+(?P<day>\d{{1,2}})(?!\d))?"
    rf"|(?P<day_first>\d{{1,2}})\s+(?P<month_after>{_MONTH})"
    r"|(?P<year>(?:19|20)\d\d))(?![\w-])"
)


@dataclass(frozen=True)
class DateShift:
    """Shifts years, months and days of the dates a text writes."""

    years: int
    months: int
    days: int

    def apply(self, text: str) -> str:
        """``text`` with every date (and stray year) shifted."""
        return DATE_PATTERN.sub(self._replace, text)

    def _replace(self, match: re.Match[str]) -> str:
        if match.group("year"):
            return str(int(match.group("year")) + self.years)
        if match.group("month_after"):
            day, month = match.group("day_first"), match.group("month_after")
            return f"{self._day(day)} {self._month(month)}"
        month, day = match.group("month"), match.group("day")
        return f"{self._month(month)} {self._day(day)}" if day else self._month(month)

    def _month(self, form: str) -> str:
        index, style = MONTH_FORMS[form]
        new = (index + self.months) % 12
        if style == "abbr":
            return MONTHS[new][:3]
        return {"short": AP_MONTHS[new], "upper": MONTHS[new].upper(), "full": MONTHS[new]}[style]

    def _day(self, day: str) -> str:
        return str((int(day) - 1 + self.days) % 28 + 1)


@dataclass
class _Swapper:
    """Replaces literal forms through a per-document mapping filled on first sight."""

    pattern: re.Pattern[str] | None
    choose: Callable[[str], str]
    mapping: dict[str, str] = field(default_factory=dict)

    def apply(self, text: str) -> str:
        return self.pattern.sub(self._replace, text) if self.pattern else text

    def _replace(self, match: re.Match[str]) -> str:
        form = match.group(0)
        if form not in self.mapping:
            self.mapping[form] = self.choose(form)
        return self.mapping[form]


class CorpusGenerator:
    """Deterministic synthetic readouts recombined from ``texts``.

    ``countries`` defaults to bilateral's gazetteer; pass a small :class:`CountryForms` to
    run without it.
    """

    def __init__(
        self,
        texts: Sequence[str],
        *,
        seed: int = 0,
        countries: CountryForms | None = None,
        min_words: int = 200,
        max_words: int = 800,
        invented_names: int = 200,
    ) -> None:
        self.seeds = [split_seed(text) for text in texts if text.strip()]
        if not self.seeds:
            raise ValueError("no seed texts: the generator needs at least one non-empty text")
        if not 0 < min_words <= max_words:
            raise ValueError(f"bad length range: {min_words}-{max_words} words")
        self.seed, self.min_words, self.max_words = seed, min_words, max_words
        self.countries = countries or CountryForms.from_gazetteer()
        self._targets = self.countries.swappable()
        self._swappable = frozenset(self._targets)
        present = [form for form in self.countries.forms if any(form in t for t in texts)]
        self._country_pattern = literal_pattern(present, article=True)
        found = harvest_names(texts, exclude=self.countries.forms)
        self._found_names = found
        self.names = sorted(set(found) | set(invent_names(random.Random(seed), invented_names)))
        parts = {part for name in found for part in (name.split()[0], name.split()[-1])}
        self._name_pattern = literal_pattern([*found, *parts])

    def documents(self, count: int, *, start: int = 0) -> Iterator[SyntheticDocument]:
        """Documents ``start`` .. ``start + count - 1``, generated lazily."""
        for index in range(start, start + count):
            yield self.document(index)

    def document(self, index: int) -> SyntheticDocument:
        """Document number ``index`` (the same for the same seed and seed texts)."""
        rng = random.Random(self.seed * 1_000_003 + index)
        paragraphs = self._compose(rng)
        text = "\n\n".join(paragraphs)
        text = self._swap_countries(rng, text)
        text = self._swap_names(rng, text)
        shift = DateShift(rng.randint(-8, 3), rng.randint(0, 11), rng.randint(0, 27))
        return SyntheticDocument(name=f"synthetic-{index:05d}", text=shift.apply(text))

    def _compose(self, rng: random.Random) -> list[str]:
        primary = rng.choice(self.seeds)
        donors = rng.sample(self.seeds, min(len(self.seeds), rng.randint(1, 4)))
        pool = list(primary.body) + [p for donor in donors for p in donor.body]
        if not pool:  # seeds that are all lead: recombine those
            pool = [p for seed in self.seeds for p in (*seed.lead, *seed.body)]
        if rng.random() < 0.8:
            rng.shuffle(pool)
        paragraphs = list(primary.lead)
        target = rng.randint(self.min_words, self.max_words)
        words = sum(len(p.split()) for p in paragraphs)
        for paragraph in _cycle(pool, limit=200):
            size = len(paragraph.split())
            if words >= target or (words >= self.min_words and words + size > self.max_words):
                break
            paragraphs.append(_shuffle_sentences(rng, paragraph))
            words += size
        return paragraphs

    def _swap_countries(self, rng: random.Random, text: str) -> str:
        if self._country_pattern is None or not self._targets:
            return text
        codes = (self.countries.lookup(form)[0] for form in self._forms_in(text))
        present = [code for code in dict.fromkeys(codes) if code in self._swappable]
        if len(present) >= 2 and rng.random() < 0.2:
            new = [present[1], present[0], *present[2:]]  # the pair, sides swapped
        else:
            new = rng.sample(self._targets, min(len(present), len(self._targets)))
        by_code = dict(zip(present, new, strict=False))

        def choose(form: str) -> str:
            code, kind = self.countries.lookup(form)
            if code not in by_code:
                return form
            new = self.countries.render(by_code[code], kind)
            article = form[:4] if form[:4] in ("the ", "The ") else ""
            return article + new if kind != "name" or _takes_article(new) else new

        return _Swapper(self._country_pattern, choose).apply(text)

    def _forms_in(self, text: str) -> list[str]:
        assert self._country_pattern is not None
        return [m.group(0) for m in self._country_pattern.finditer(text)]

    def _swap_names(self, rng: random.Random, text: str) -> str:
        replacements: dict[str, str] = {}

        def choose(form: str) -> str:
            if form in replacements:
                return replacements[form]
            new = rng.choice(self.names)
            if " " in form:  # a full name: its first and last words follow it
                first, last = form.split()[0], form.split()[-1]
                replacements.setdefault(first, new.split()[0])
                replacements.setdefault(last, new.split()[-1])
                return new
            return new.split()[-1]

        return _Swapper(self._name_pattern, choose).apply(text)


def _cycle(pool: list[str], *, limit: int) -> Iterator[str]:
    """The pool's items again and again (short seeds), at most ``limit`` items in all."""
    if not pool:
        return
    for count in range(limit):
        yield pool[count % len(pool)]


def _shuffle_sentences(rng: random.Random, paragraph: str) -> str:
    sentences = _SENTENCE_END.split(paragraph)
    if len(sentences) < 3 or rng.random() >= 0.3:
        return paragraph
    rng.shuffle(sentences)
    return " ".join(sentences)
