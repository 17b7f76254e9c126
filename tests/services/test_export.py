import json
from pathlib import Path

from bilateral.extraction import Extractor
from bilateral.services.export import export_corpus, export_records
from bilateral.services.extracting import extract_paths
from bilateral.services.ingest import ingest_paths
from bilateral.services.samples import sample_paths
from bilateral.store import open_store

MAX = 5 * 1024 * 1024


def test_export_records_equals_direct_extraction(tmp_path: Path) -> None:
    extractor = Extractor()
    direct = extract_paths(extractor, sample_paths(), tmp_path / "direct", max_bytes=MAX)
    assert len(direct.written) == len(sample_paths())
    with open_store(f"sqlite:///{tmp_path / 'x.db'}") as store:
        ingest_paths(store, extractor, sample_paths(), max_bytes=MAX)
        report = export_records(store, tmp_path / "stored")
    assert report.count == len(sample_paths())
    for path in direct.written:
        stored = tmp_path / "stored" / path.name
        assert json.loads(stored.read_text()) == json.loads(path.read_text()), path.name


def test_export_is_deterministic(tmp_path: Path) -> None:
    extractor = Extractor()
    with open_store(f"sqlite:///{tmp_path / 'x.db'}") as store:
        ingest_paths(store, extractor, sample_paths()[:2], max_bytes=MAX)
        export_records(store, tmp_path / "one")
        export_records(store, tmp_path / "two")
    one = {p.name: p.read_bytes() for p in (tmp_path / "one").iterdir()}
    two = {p.name: p.read_bytes() for p in (tmp_path / "two").iterdir()}
    assert one == two and len(one) == 2


def test_export_corpus_writes_the_spec_shape(tmp_path: Path) -> None:
    with open_store(f"sqlite:///{tmp_path / 'x.db'}") as store:
        report = export_corpus(store, tmp_path / "out" / "corpus.json")
    data = json.loads(report.path.read_text())
    assert data == {"same_event": [], "fulfillments": []}
