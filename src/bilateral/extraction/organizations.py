"""Organizations named in titles, in English and in one canonical spelling.

``split_title("Director of the Department of Consular Service of the Ministry of Foreign
Affairs of Kazakhstan")`` gives the title ("Director of the Department of Consular Service"),
the organization ("Ministry of Foreign Affairs of Kazakhstan") and its country ("KAZ").
"""

from __future__ import annotations

import re
from functools import cache

from bilateral.extraction.gazetteer import Gazetteer
from bilateral.extraction.vocabulary import people_vocabulary

FOREIGN_MINISTRY = re.compile(
    r"^(?:the\s+)?(?:(?P<adj>[\w.’'\-]+)\s+)?(?:Foreign\s+Ministry|MFA|Ministry\s+of\s+Foreign\s+Affairs"
    r"|Foreign\s+Affairs\s+Ministry)(?:\s+of\s+(?:the\s+)?(?P<of>.+))?$"
)
STATE_DEPARTMENT = re.compile(
    r"^(?:the\s+)?(?:U\.?S\.?\s+|United\s+States\s+)?(?:Department\s+of\s+State|State\s+Department)$"
)
FOREIGN_MINISTER_TITLE = re.compile(
    r"Foreign\s+Minister|Minister\s+of\s+Foreign\s+Affairs|Foreign\s+Affairs\s+Minister"
    r"|Vice\s+Minister\s+of\s+Foreign|Foreign\s+Secretary"
)
US_STATE_TITLE = re.compile(r"Secretary\s+of\s+State|Assistant\s+Secretary|Under\s+Secretary")
US = "USA"


@cache
def _top_pattern() -> re.Pattern[str]:
    tops = "|".join(re.escape(t) for t in people_vocabulary().top_organizations)
    return re.compile(
        r"\s+(?:of|at|in)\s+(?:the\s+)?(?P<org>(?:[A-Z][\w.’'\-]*\s+){0,3}?(?:" + tops + r")\b.*)$"
    )


def _country_in(text: str, gaz: Gazetteer) -> str | None:
    for form in sorted({*gaz.countries, *gaz.demonyms}, key=len, reverse=True):
        if re.search(r"(?<![\w.])" + re.escape(form) + r"(?![\w])", text):
            return gaz.countries.get(form) or gaz.demonyms.get(form)
    return None


def split_title(text: str, gaz: Gazetteer) -> tuple[str, str | None, str | None]:
    """Split a title phrase into (title, organization, country)."""
    text = " ".join(text.split())
    country: str | None = None
    org: str | None = None
    m = _top_pattern().search(text)
    if m:
        org = m.group("org")
        text = text[: m.start()]
    of_country = re.search(r"\s+of\s+(?:the\s+)?([A-Z][\w .’'\-]+)$", text)
    if of_country and of_country.group(1) in gaz.countries:
        country = gaz.countries[of_country.group(1)]
        text = text[: of_country.start()]
    if org:
        org, org_country = normalize_organization(org, gaz)
        country = country or org_country
    return text.strip(" ,"), org, country


def normalize_organization(name: str, gaz: Gazetteer) -> tuple[str, str | None]:
    """An organization's canonical English name and its country, where known."""
    name = " ".join(name.split()).strip(" ,")
    if STATE_DEPARTMENT.match(name):
        return "U.S. Department of State", US
    m = FOREIGN_MINISTRY.match(name)
    if m:
        where = m.group("of") or m.group("adj") or ""
        code = gaz.countries.get(where) or gaz.demonyms.get(where)
        if code:
            return foreign_ministry(code, gaz), code
    return name, _country_in(name, gaz)


def foreign_ministry(code: str, gaz: Gazetteer) -> str:
    if code == US:
        return "U.S. Department of State"
    return f"Ministry of Foreign Affairs of {gaz.name_of(code)}"


def infer_organization(title: str, country: str | None, gaz: Gazetteer) -> str | None:
    """The organization a title implies (a foreign minister's ministry), if it is clear."""
    if not country:
        return None
    if FOREIGN_MINISTER_TITLE.search(title):
        return foreign_ministry(country, gaz)
    if country == US and US_STATE_TITLE.search(title):
        return "U.S. Department of State"
    return None
