import json
from pathlib import Path

from bilateral.extraction import Extractor
from bilateral.services.extracting import extract_paths


def test_extract_writes_one_file_per_document_and_reports_failures(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "talks.txt").write_text(
        "Foreign Minister of Chile Ana Rojas met Foreign Minister of Peru Luis Soto in Lima "
        "on May 2, 2024. They agreed to hold the next round in 2025."
    )
    (src / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    report = extract_paths(Extractor(), [src], tmp_path / "out", max_bytes=10_000)
    assert [p.name for p in report.written] == ["talks.json"]
    assert len(report.errors) == 1 and "broken.pdf" in report.errors[0].message
    data = json.loads((tmp_path / "out" / "talks.json").read_text())
    (engagement,) = data["engagements"]
    assert engagement["date"] == "2024-05-02"
    assert engagement["parties"] == ["CHL", "PER"]
    assert "provenance" not in engagement


def test_provenance_can_be_included(tmp_path: Path) -> None:
    text = "The ministers of Chile and Peru met in Lima on May 2, 2024."
    (tmp_path / "t.txt").write_text(text)
    extract_paths(Extractor(), [tmp_path / "t.txt"], tmp_path / "o", max_bytes=10_000,
                  with_provenance=True)  # fmt: skip
    (engagement,) = json.loads((tmp_path / "o" / "t.json").read_text())["engagements"]
    start = text.index("May 2, 2024")
    assert engagement["provenance"]["date"] == [{"start": start, "end": start + len("May 2, 2024")}]
