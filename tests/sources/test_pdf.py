"""PDF files: the text layer, metadata, and the PDFs that cannot be read."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfWriter

from bilateral.errors import UnreadableSource
from bilateral.sources import read_path
from bilateral.sources.pdf import extract_pdf

from .builders import build_pdf

Write = Callable[[str, bytes | str], Path]
LINES = [
    "Port Town, 12 May 2021 - Joint statement (final)",
    "The envoys of Westria and Lakeland agreed on a common schedule.",
]


def test_reads_the_text_layer(write: Write) -> None:
    document = read_path(write("statement.pdf", build_pdf(LINES, title="River schedule agreed")))
    assert document.text == "\n".join(LINES)
    assert document.media_type == "application/pdf"
    assert document.name == "statement"
    assert document.title == "River schedule agreed"
    assert document.published == date(2021, 5, 12)


def test_title_from_text_when_metadata_is_a_file_name() -> None:
    pdf = extract_pdf(build_pdf(LINES, title="Microsoft Word - draft7.docx"), source="a.pdf")
    assert pdf.title is None


def test_pdf_without_text_layer() -> None:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(UnreadableSource, match="no text layer"):
        extract_pdf(buffer.getvalue(), source="scan.pdf")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"%PDF-1.4\nthis is not really a PDF\n%%EOF\n", "not a readable PDF"),
        (build_pdf(LINES)[:150], "not a readable PDF"),
        (b"Plain words saved with a .pdf suffix.", "no %PDF- header"),
    ],
)
def test_corrupt_pdf(write: Write, data: bytes, reason: str) -> None:
    path = write("broken.pdf", data)
    with pytest.raises(UnreadableSource, match=reason) as caught:
        read_path(path)
    assert str(path) in str(caught.value)


def test_pages_are_joined_with_a_blank_line(write: Write) -> None:
    from pypdf import PdfReader

    writer = PdfWriter()
    for lines in (["First page text."], [], ["Third page text."]):
        writer.append(PdfReader(io.BytesIO(build_pdf(lines))))
    buffer = io.BytesIO()
    writer.write(buffer)
    document = read_path(write("three.pdf", buffer.getvalue()))
    assert document.text == "First page text.\n\nThird page text."
