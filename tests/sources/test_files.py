"""Reading files, uploads, pasted text and folders."""

from __future__ import annotations

import codecs
import hashlib
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from bilateral.errors import (
    BinarySource,
    EmptySource,
    SourceError,
    TooLargeSource,
    UnreadableSource,
    UnsupportedSource,
)
from bilateral.records import SourceDocument
from bilateral.sources import (
    DEFAULT_MAX_BYTES,
    iter_sources,
    read_bytes,
    read_path,
    read_text,
    supported_suffixes,
)

from .builders import FIXTURES, build_pdf

Write = Callable[[str, bytes | str], Path]
READOUT = (
    "Envoys agree on river schedule\n\n"
    "Port Town, 12 May 2021 – The envoys of Westria and Lakeland agreed on a common schedule "
    "for the locks on the shared river.\n"
)


def test_default_limit_is_the_settings_default() -> None:
    from bilateral.settings import Settings

    assert Settings.model_fields["max_document_bytes"].default == DEFAULT_MAX_BYTES


def test_supported_suffixes() -> None:
    assert supported_suffixes() == (".htm", ".html", ".md", ".pdf", ".txt")


def test_reads_a_text_file(write: Write) -> None:
    path = write("readout.txt", READOUT.replace("\n", "\r\n"))
    document = read_path(path)
    assert document.text == READOUT.strip()
    assert document.id == hashlib.sha256(READOUT.strip().encode()).hexdigest()
    assert document.name == "readout"
    assert document.source == str(path)
    assert document.media_type == "text/plain"
    assert document.title == "Envoys agree on river schedule"
    assert document.published == date(2021, 5, 12)


def test_reads_markdown_as_text() -> None:
    document = read_path(FIXTURES / "readout.md")
    assert document.media_type == "text/markdown"
    assert document.text.startswith("# Northland and Southmark")
    assert "- The pilot starts in the summer." in document.text
    assert document.title == "Northland and Southmark agree on a customs pilot"
    assert document.published == date(2024, 3, 9)


def test_accepts_a_path_as_string_and_upper_case_suffix(write: Write) -> None:
    path = write("LOUD.TXT", READOUT)
    assert read_path(str(path)).name == "LOUD"  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF8 + READOUT.encode("utf-8"),
        READOUT.encode("utf-16"),
        READOUT.encode("utf-8"),
    ],
)
def test_same_text_in_any_encoding_is_the_same_document(write: Write, data: bytes) -> None:
    assert read_path(write("x.txt", data)).id == read_text(READOUT, name="x").id


def test_same_content_in_two_files_is_one_document(write: Write) -> None:
    first = read_path(write("a/first.txt", READOUT))
    second = read_path(write("b/second.md", READOUT + "\n\n"))
    assert first.id == second.id
    assert (first.name, second.name) == ("first", "second")


def test_unsupported_suffix(write: Write) -> None:
    path = write("minutes.docx", b"PK\x03\x04")
    with pytest.raises(UnsupportedSource) as caught:
        read_path(path)
    assert str(path) in str(caught.value)
    assert ".docx files are not supported" in caught.value.reason


def test_no_suffix(write: Write) -> None:
    with pytest.raises(UnsupportedSource, match="without a suffix"):
        read_path(write("README", READOUT))


def test_binary_file(write: Write) -> None:
    with pytest.raises(BinarySource, match=r"image\.txt: contains NUL bytes"):
        read_path(write("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))


def test_empty_file(write: Write) -> None:
    with pytest.raises(EmptySource, match="the file is empty"):
        read_path(write("empty.txt", b""))


def test_whitespace_only_file(write: Write) -> None:
    with pytest.raises(EmptySource, match="only whitespace"):
        read_path(write("blank.md", " \n\t\r\n  \n"))


def test_file_over_the_limit_is_refused_before_reading(write: Write) -> None:
    path = write("big.txt", "x" * 2000)
    with pytest.raises(TooLargeSource, match=r"the file is 2\.0 KB, over the limit of 1000 bytes"):
        read_path(path, max_bytes=1000)


def test_text_over_the_limit_after_decoding(write: Write) -> None:
    # 600 bytes of cp1251 become 1200 bytes of UTF-8 text
    path = write("cyrillic.txt", ("Переговоры " * 55).encode("cp1251"))
    assert path.stat().st_size <= 1000
    with pytest.raises(TooLargeSource, match="the text is"):
        read_path(path, max_bytes=1000)


def test_utf16_file_may_be_twice_the_limit(write: Write) -> None:
    path = write("wide.txt", ("a" * 900).encode("utf-16"))
    assert path.stat().st_size > 1000
    assert read_path(path, max_bytes=1000).text == "a" * 900


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UnreadableSource, match="no such file"):
        read_path(tmp_path / "gone.txt")


def test_folder_named_like_a_file(tmp_path: Path) -> None:
    (tmp_path / "folder.txt").mkdir()
    with pytest.raises(UnreadableSource, match="folder"):
        read_path(tmp_path / "folder.txt")


def test_read_bytes_of_an_upload() -> None:
    document = read_bytes(build_pdf(["Westria and Lakeland met."]), filename="upload.pdf")
    assert (document.name, document.source, document.media_type) == (
        "upload",
        "upload.pdf",
        "application/pdf",
    )
    with pytest.raises(TooLargeSource):
        read_bytes(b"x" * 101, filename="u.txt", source="form upload", max_bytes=100)
    with pytest.raises(UnsupportedSource, match="form upload"):
        read_bytes(b"x", filename="u.exe", source="form upload")


def test_read_text() -> None:
    document = read_text("  Pasted readout of the talks.\n", name="pasted")
    assert document.text == "Pasted readout of the talks."
    assert (document.name, document.source, document.media_type) == ("pasted", None, "text/plain")
    with pytest.raises(EmptySource, match="pasted"):
        read_text(" \n ", name="pasted")
    with pytest.raises(BinarySource, match="clipboard"):
        read_text("a\x00b", name="pasted", source="clipboard")
    with pytest.raises(TooLargeSource):
        read_text("é" * 60, name="pasted", max_bytes=100)


# --------------------------------------------------------------------------- folders


def _summary(items: list[SourceDocument | SourceError], root: Path) -> list[tuple[str, str]]:
    def short(source: str | None) -> str:
        return Path(source or "").relative_to(root).as_posix()

    return [
        (short(item.source), item.code if isinstance(item, SourceError) else item.media_type)
        for item in items
    ]


def test_iter_sources_walks_folders_and_reports_errors(write: Write, tmp_path: Path) -> None:
    write("docs/b.txt", READOUT)
    write("docs/a.md", "# Another readout about trade\n\nSome text about trade.")
    write("docs/sub/c.html", (FIXTURES / "readout.html").read_bytes())
    write("docs/sub/d.pdf", build_pdf(["The envoys met again."]))
    write("docs/sub/broken.pdf", b"%PDF-1.4\nnot a real pdf")
    write("docs/empty.txt", b"")
    write("docs/binary.txt", b"\x00\x01\x02")
    write("docs/notes.docx", b"PK")  # skipped: unsupported suffixes are not taken from folders
    write("docs/.hidden.txt", READOUT)  # skipped: hidden
    write("docs/.git/config.txt", READOUT)  # skipped: hidden folder
    extra = write("extra.docx", b"PK")  # named explicitly: reported
    items = list(iter_sources([tmp_path / "docs", extra, tmp_path / "missing.txt"]))
    assert _summary(items, tmp_path) == [
        ("docs/a.md", "text/markdown"),
        ("docs/b.txt", "text/plain"),
        ("docs/binary.txt", "binary_file"),
        ("docs/empty.txt", "empty_document"),
        ("docs/sub/broken.pdf", "unreadable"),
        ("docs/sub/c.html", "text/html"),
        ("docs/sub/d.pdf", "application/pdf"),
        ("extra.docx", "unsupported_type"),
        ("missing.txt", "unreadable"),
    ]


def test_iter_sources_passes_the_limit_on(write: Write, tmp_path: Path) -> None:
    write("small.txt", "tiny readout")
    write("large.txt", "x" * 500)
    items = list(iter_sources([tmp_path], max_bytes=100))
    assert [type(item).__name__ for item in items] == ["TooLargeSource", "SourceDocument"]


def test_reading_many_text_files_is_fast(write: Write, tmp_path: Path) -> None:
    import time

    for number in range(40):
        write(f"doc{number:02d}.txt", READOUT * 20 + f"\nNumber {number}.")
    started = time.perf_counter()
    documents = list(iter_sources([tmp_path]))
    elapsed = time.perf_counter() - started
    assert len({doc.id for doc in documents if isinstance(doc, SourceDocument)}) == 40
    assert elapsed < 1.0  # typically ~20 ms; generous for slow CI machines
