from pathlib import Path

import pytest

from bilateral.errors import ConfigError
from bilateral.settings import Settings, load_settings


def test_default_database_is_sqlite_in_the_data_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BILATERAL_DATABASE_URL", raising=False)
    settings = load_settings(data_dir=Path("/tmp/x"))
    assert settings.resolved_database_url == "sqlite:////tmp/x/bilateral.db"


def test_environment_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BILATERAL_DATABASE_URL", "postgresql+psycopg://u@h/db")
    monkeypatch.setenv("BILATERAL_PORT", "9001")
    settings = load_settings()
    assert settings.resolved_database_url == "postgresql+psycopg://u@h/db"
    assert settings.port == 9001


def test_overrides_beat_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BILATERAL_PORT", "9001")
    assert load_settings(port=9002).port == 9002


def test_invalid_values_are_a_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BILATERAL_PORT", "not-a-port")
    with pytest.raises(ConfigError, match="port"):
        load_settings()


def test_settings_are_frozen() -> None:
    settings = Settings()
    with pytest.raises(ValueError):
        settings.port = 1  # type: ignore[misc]
