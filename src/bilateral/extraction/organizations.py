"""Organizations named in titles, in English and in one canonical spelling.

``split_title("Director of the Department of Consular Service of the Ministry of Foreign
Affairs of Kazakhstan")`` gives the title ("Director of the Department of Consular Service"),
the organization ("Ministry of Foreign Affairs of Kazakhstan") and its country ("KAZ").
The official names of bodies and what a title implies are data (``data/organizations.yaml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from bilateral.extraction.gazetteer import Gazetteer
from bilateral.extraction.vocabulary import load_yaml, people_vocabulary

FOREIGN_MINISTRY = re.compile(
    r"^(?:the\s+)?(?:(?P<adj>[\w.’'\-]+)\s+)?(?:Federal\s+)?(?:Foreign\s+Ministry|MFA"
    r"|Ministry\s+of\s+Foreign\s+Affairs|Foreign\s+Affairs\s+Ministry)"
    r"(?:\s+of\s+(?:the\s+)?(?P<of>.+))?$"
)
STATE_DEPARTMENT = re.compile(
    r"^(?:the\s+)?(?:U\.?S\.?\s+|United\s+States\s+)?(?:Department\s+of\s+State|State\s+Department)$"
)
FOREIGN_BODY = re.compile(r"\b(?:Foreign|External)\b.*\b(?:Office|Ministry|Department|Affairs)\b")
OTHER_BODY = re.compile(
    r"\b(?:Committee|Commission|Council|Parliament|Senate|Assembly|Institute)\b"
)
POLITY = re.compile(
    r"\sof\s+the\s+(?P<demonym>[A-Z][\w’'\-]+)\s+(?P<polity>Nation|Republic|Federation|"
    r"Confederation|Kingdom|State|Government)$"
)
OF = re.compile(r"\s+of\s+(?:the\s+)?")
POSSESSOR = re.compile(
    r"^(?:the\s+)?(?P<who>[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,3})['’]s\s+(?P<body>.+)$"
)
US = "USA"


@dataclass(frozen=True)
class OrganizationData:
    """Official names of bodies (``data/organizations.yaml``)."""

    country_names: dict[str, str]
    foreign_ministries: dict[str, str]
    title_rules: tuple[tuple[re.Pattern[str], str, str | None], ...]
    title_countries: tuple[tuple[re.Pattern[str], str], ...]


@cache
def organization_data() -> OrganizationData:
    data = load_yaml("organizations.yaml")
    rules = tuple(
        (re.compile(row[0]), str(row[1]), str(row[2]) if len(row) > 2 else None)
        for row in data["title_organizations"]
    )
    countries = tuple((re.compile(row[0]), str(row[1])) for row in data["title_countries"])
    return OrganizationData(data["country_names"], data["foreign_ministries"], rules, countries)


@cache
def _top_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(an organization ending a title, an organization starting one)."""
    tops = "|".join(re.escape(t) for t in people_vocabulary().top_organizations)
    tail = re.compile(
        r"\s+(?:of|at|in|from)\s+(?:the\s+)?(?P<org>(?:[A-Z][\w.’'\-]*,?\s+(?:and\s+|&\s+)?){0,4}?"
        r"(?:" + tops + r")\b.*)$"
    )
    lead = re.compile(
        r"^(?:the\s+)?(?P<org>(?:U\.S\.\s+)?(?:Department\s+of\s+State|State\s+Department"
        r"|Foreign\s+Ministry|MFA))\s+(?=[A-Z])"
    )
    return tail, lead


_COUNTRY_PATTERNS: dict[int, re.Pattern[str]] = {}


def _country_pattern(gaz: Gazetteer) -> re.Pattern[str]:
    """One compiled alternation of every country, demonym and organization form."""
    pattern = _COUNTRY_PATTERNS.get(id(gaz))
    if pattern is None:
        forms = sorted({*gaz.countries, *gaz.demonyms, *gaz.organizations}, key=len, reverse=True)
        pattern = re.compile(r"(?<![\w.])(?:" + "|".join(map(re.escape, forms)) + r")(?![\w’'])")
        _COUNTRY_PATTERNS[id(gaz)] = pattern
    return pattern


def code_of(form: str, gaz: Gazetteer) -> str | None:
    """The country or organization code a surface form names, if any."""
    form = form.replace("’", "'")
    return gaz.countries.get(form) or gaz.demonyms.get(form) or gaz.organizations.get(form)


def country_in(text: str, gaz: Gazetteer) -> str | None:
    """The first country, demonym or international organization named in ``text``."""
    m = _country_pattern(gaz).search(text)
    return code_of(m.group(0), gaz) if m else None


def _strip_country(text: str, gaz: Gazetteer) -> tuple[str, str | None]:
    """ "Foreign Minister of the Republic of Ghana" -> ("Foreign Minister", "GHA")."""
    for m in OF.finditer(text):
        rest = text[m.end() :].strip(" ,").replace("’", "'")
        code = gaz.countries.get(rest) or gaz.organizations.get(rest)
        if code:
            return text[: m.start()], code
    return text, None


def _strip_inner_country(text: str, gaz: Gazetteer) -> tuple[str, str | None]:
    """ "High Representative of the European Union for X" -> ("High Representative for X", EU);
    "Ambassador of Mongolia to Japan" -> ("Ambassador to Japan", MNG)."""
    for m in OF.finditer(text):
        tail = text[m.end() :]
        found = _country_pattern(gaz).match(tail)
        if found and re.match(r"\s+(?:for|to)\s", tail[found.end() :]):
            code = code_of(found.group(0), gaz)
            return text[: m.start()] + tail[found.end() :], code
    return text, None


def _strip_polity_demonym(text: str, gaz: Gazetteer) -> tuple[str, str | None]:
    """ "President of the Argentine Nation" -> ("President of the Nation", "ARG")."""
    m = POLITY.search(text)
    code = gaz.demonyms.get(m.group("demonym")) if m else None
    if m is None or code is None:
        return text, None
    return text[: m.start("demonym")] + m.group("polity"), code


def split_title(text: str, gaz: Gazetteer) -> tuple[str, str | None, str | None]:
    """Split a title phrase into (title, organization, country)."""
    text = " ".join(text.split())
    org: str | None = None
    tail, lead = _top_patterns()
    m = tail.search(text) or lead.match(text)
    if m:
        org = m.group("org")
        text = text[: m.start()] if m.re is tail else text[m.end() :]
    text, country = _strip_country(text, gaz)
    text, inner = _strip_inner_country(text, gaz)
    text, polity = _strip_polity_demonym(text, gaz)
    country = country or inner or polity
    if org:
        org, org_country = normalize_organization(org, gaz)
        country = country or org_country
    return text.strip(" ,"), org, country


def normalize_organization(name: str, gaz: Gazetteer) -> tuple[str, str | None]:
    """An organization's canonical English name and its country, where known."""
    name = " ".join(name.split()).strip(" ,")
    name = re.sub(r"\s*\([A-Z]{2,6}\)", "", name)  # "(FCDO)"
    if STATE_DEPARTMENT.match(name):
        return foreign_ministry(US, gaz), US
    owned = POSSESSOR.match(name)
    owner = code_of(owned.group("who"), gaz) if owned else None
    if owned and owner and owner not in gaz.organizations.values():  # "Chile's Ministry of X"
        body, code = normalize_organization(owned.group("body"), gaz)
        if code is None and not FOREIGN_MINISTRY.match(body):
            body = f"{body} of {country_name(owner, gaz)}"
        return complete_organization(body, owner, gaz) or body, code or owner
    m = FOREIGN_MINISTRY.match(name)
    if m:
        where = (m.group("of") or m.group("adj") or "").strip()
        code = code_of(where, gaz)
        if code:
            return foreign_ministry(code, gaz), code
        if not where:
            return "Ministry of Foreign Affairs", None  # completed once the country is known
    code = _strip_country(name, gaz)[1] or country_in(name, gaz)
    if code and FOREIGN_BODY.search(name) and not OTHER_BODY.search(name):
        return foreign_ministry(code, gaz), code  # "Foreign, Commonwealth, and Development Office"
    return name, code


def country_name(code: str, gaz: Gazetteer) -> str:
    """A country as written inside a body's name ("Korea", "the Philippines")."""
    return organization_data().country_names.get(code) or gaz.name_of(code)


def foreign_ministry(code: str, gaz: Gazetteer) -> str:
    """The foreign ministry of a country, under its official English name."""
    known = organization_data().foreign_ministries.get(code)
    return known or f"Ministry of Foreign Affairs of {country_name(code, gaz)}"


def infer_organization(title: str, country: str | None, gaz: Gazetteer) -> str | None:
    """The body a title implies (a foreign minister's ministry), once the country is known."""
    if not country:
        return None
    for pattern, template, only in organization_data().title_rules:
        if only and only != country:
            continue
        m = pattern.search(title)
        if m:
            domain = m.groupdict().get("domain") or ""
            return template.format(
                country=country_name(country, gaz),
                foreign_ministry=foreign_ministry(country, gaz),
                domain=domain,
                title=title,
            )
    return None


def title_country(title: str) -> str | None:
    """The country whose government alone uses this title ("Assistant Secretary of State")."""
    return next((code for p, code in organization_data().title_countries if p.search(title)), None)


def complete_organization(name: str | None, country: str | None, gaz: Gazetteer) -> str | None:
    """A body named without its country ("the Ministry of Foreign Affairs") completed with
    the person's country."""
    if not name or not country:
        return name
    m = FOREIGN_MINISTRY.match(name)
    if m and not m.group("of") and not m.group("adj"):
        return foreign_ministry(country, gaz)
    return name
