"""The Jinja2 environment of the web pages: autoescaping everywhere, strict undefined.

Filters here format values of the record for people (country names, kinds); they return
plain strings or escaped :class:`~markupsafe.Markup`, never raw text as markup.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
import pycountry
from markupsafe import Markup
from starlette.requests import Request
from starlette.templating import Jinja2Templates

from bilateral.web.highlight import render_snippet

TEMPLATE_DIR = Path(__file__).parent / "templates"
STATIC_DIR = Path(__file__).parent / "static"
HTMX_FILE = "vendor/htmx-2.0.11.min.js"


@lru_cache(maxsize=512)
def country_name(code: str | None) -> str | None:
    """The English short name of an ISO 3166-1 alpha-3 code; None for EU, UN, unknown."""
    if not code or len(code) != 3:
        return None
    country = pycountry.countries.get(alpha_3=code.upper())
    if country is None:
        return None
    return str(getattr(country, "common_name", None) or country.name)


def country_abbr(code: str | None) -> Markup:
    """``KAZ`` as ``<abbr title="Kazakhstan">KAZ</abbr>`` (plain code when unknown)."""
    if not code:
        return Markup("")
    name = country_name(code)
    if name is None:
        return Markup("{}").format(code)
    return Markup('<abbr title="{}">{}</abbr>').format(name, code)


def kind_label(kind: str | None) -> str:
    """``working_group`` as ``working group``."""
    return (kind or "").replace("_", " ")


@jinja2.pass_context
def path_for(context: Any, name: str, /, **params: Any) -> str:
    """The path (no scheme or host) of a named route, so links work behind any proxy."""
    request: Request = context["request"]
    return request.url_for(name, **params).path


def make_templates() -> Jinja2Templates:
    """Templates with autoescape on for every template, whatever its file name."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(country=country_abbr, kind=kind_label, snippet=render_snippet)
    env.globals.update(path_for=path_for, htmx_file=HTMX_FILE)
    return Jinja2Templates(env=env)
