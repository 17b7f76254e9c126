"""Decoding bytes and normalising text."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilateral.errors import BinarySource
from bilateral.sources.encoding import decode_bytes, normalise_text

RUSSIAN = (
    "Министры иностранных дел двух стран обсудили торговлю, транспорт и культурные связи. "
    "Стороны договорились провести следующую встречу весной в столице соседней страны."
)
FRENCH = "Réunion à Genève : les ministres ont parlé de coopération économique et de l'été."
GERMAN = (
    "Die Außenminister beider Länder trafen sich in München und sprachen über Zölle, Verkehr "
    "und Energie. Das nächste Treffen findet im Frühjahr statt."
)


def test_utf8() -> None:
    assert decode_bytes(FRENCH.encode("utf-8"), source="a.txt") == FRENCH


def test_utf8_bom_is_dropped() -> None:
    assert decode_bytes(codecs.BOM_UTF8 + FRENCH.encode("utf-8"), source="a.txt") == FRENCH


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom(encoding: str) -> None:
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(encoding, b"")
    data = bom + RUSSIAN.encode(encoding)
    assert decode_bytes(data, source="a.txt") == RUSSIAN


def test_cp1251_is_detected() -> None:
    assert decode_bytes(RUSSIAN.encode("cp1251"), source="a.txt") == RUSSIAN


def test_latin1_is_detected() -> None:
    # charset-normalizer needs enough text; short French in Latin-1 can pass for cp1250
    assert decode_bytes(GERMAN.encode("latin-1"), source="a.txt") == GERMAN


def test_declared_encoding_is_tried_after_utf8() -> None:
    short = "Привет, мир"  # too short for detection to be sure
    assert decode_bytes(short.encode("cp1251"), source="a.html", declared="windows-1251") == short


def test_unknown_declared_encoding_falls_back_to_detection() -> None:
    assert decode_bytes(GERMAN.encode("latin-1"), source="a.html", declared="no-such") == GERMAN


def test_declared_latin1() -> None:
    assert decode_bytes(FRENCH.encode("latin-1"), source="a.html", declared="iso-8859-1") == FRENCH


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        bytes(range(256)) * 4,
        b"text with a NUL\x00 in the middle",
        bytes(range(1, 9)) * 200,  # decodes as UTF-8, but only control characters
    ],
)
def test_binary_is_refused(data: bytes) -> None:
    with pytest.raises(BinarySource) as caught:
        decode_bytes(data, source="picture.txt")
    assert "picture.txt" in str(caught.value)
    assert caught.value.code == "binary_file"


def test_broken_utf16_is_binary() -> None:
    with pytest.raises(BinarySource):
        decode_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8", source="a.txt")  # lone surrogate


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("one\r\ntwo\rthree\n", "one\ntwo\nthree"),
        ("e\u0301te\u0301", "été"),  # NFC
        ("bell\x07 and\x1b escape\x7f", "bell and escape"),
        ("tab\tkept\nnewline kept", "tab\tkept\nnewline kept"),
        ("page\x0cbreak\u2028line", "page\nbreak\nline"),
        ("\ufeff  padded  \n\n", "padded"),
        ("c1\x85next\x9bcontrol", "c1\nnextcontrol"),
    ],
)
def test_normalise_text(raw: str, normal: str) -> None:
    assert normalise_text(raw) == normal


@given(st.text())
def test_normalising_is_idempotent(text: str) -> None:
    once = normalise_text(text)
    assert normalise_text(once) == once
    assert "\r" not in once
