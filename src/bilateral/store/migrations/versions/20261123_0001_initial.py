"""initial: documents, engagements and their lists, provenance spans, full-text search

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SQLITE_SEARCH = [
    """CREATE VIRTUAL TABLE documents_fts USING fts5(
        document_id UNINDEXED, title, text,
        tokenize = 'porter unicode61 remove_diacritics 2'
    )""",
    """CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts (document_id, title, text)
        VALUES (new.id, new.title, new.text);
    END""",
    """CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
        DELETE FROM documents_fts WHERE document_id = old.id;
    END""",
    """CREATE TRIGGER documents_fts_update AFTER UPDATE OF id, title, text ON documents BEGIN
        DELETE FROM documents_fts WHERE document_id = old.id;
        INSERT INTO documents_fts (document_id, title, text)
        VALUES (new.id, new.title, new.text);
    END""",
]

# A tsvector holds at most 1 MB of lexemes: indexing the first 240,000 characters of the text
# (and 2,000 of the title) keeps any text under it, since a character is at most 4 bytes.
POSTGRESQL_SEARCH = [
    """ALTER TABLE documents ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, left(coalesce(title, ''), 2000)), 'A')
        || setweight(to_tsvector('english'::regconfig, left(text, 240000)), 'B')
    ) STORED""",
    "CREATE INDEX ix_documents_search_vector ON documents USING gin (search_vector)",
]


def _child_table(name: str, *columns: sa.Column[object]) -> None:
    """A list held by an engagement: one row per item, keyed by (engagement_id, ordinal)."""
    op.create_table(
        name,
        sa.Column("engagement_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("ordinal", sa.Integer(), autoincrement=False, nullable=False),
        *columns,
        sa.ForeignKeyConstraint(
            ["engagement_id"],
            ["engagements.id"],
            name=f"fk_{name}_engagement_id_engagements",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("engagement_id", "ordinal", name=f"pk_{name}"),
    )


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("media_type", sa.String(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("extractor_version", sa.String(), nullable=False),
        sa.Column("record_document", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_documents"),
    )
    op.create_index("ix_documents_name_id", "documents", ["name", "id"])

    op.create_table(
        "engagements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.String(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("mechanism", sa.Text(), nullable=True),
        sa.Column("mechanism_short", sa.String(), nullable=True),
        sa.Column("round", sa.Integer(), nullable=True),
        sa.Column("date", sa.String(), nullable=True),
        sa.Column("date_end", sa.String(), nullable=True),
        sa.Column("sort_date", sa.Date(), nullable=True),
        sa.Column("city", sa.String(), nullable=True),
        sa.Column("country", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name="fk_engagements_document_id_documents",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_engagements"),
    )
    op.create_index(
        "ix_engagements_document_id_ordinal", "engagements", ["document_id", "ordinal"], unique=True
    )
    op.create_index("ix_engagements_sort_date", "engagements", ["sort_date"])

    _child_table("engagement_parties", sa.Column("code", sa.String(), nullable=False))
    op.create_index("ix_engagement_parties_code", "engagement_parties", ["code"])
    _child_table(
        "participants",
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("organization", sa.Text(), nullable=True),
        sa.Column("country", sa.String(), nullable=True),
        sa.Column("role", sa.String(), nullable=False),
    )
    op.create_index("ix_participants_name", "participants", ["name"])
    _child_table(
        "organizations",
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("country", sa.String(), nullable=True),
    )
    _child_table("engagement_topics", sa.Column("code", sa.String(), nullable=False))
    op.create_index("ix_engagement_topics_code", "engagement_topics", ["code"])
    _child_table(
        "commitments",
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("by", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False),
        sa.Column("due", sa.String(), nullable=True),
        sa.Column("kind", sa.String(), nullable=False),
    )

    op.create_table(
        "field_spans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("engagement_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(), nullable=False),
        sa.Column("target_ordinal", sa.Integer(), nullable=True),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=True),
        sa.Column("end", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            '(start IS NULL AND "end" IS NULL) OR (start >= 0 AND start <= "end")',
            name="ck_field_spans_span_range",
        ),
        sa.ForeignKeyConstraint(
            ["engagement_id"],
            ["engagements.id"],
            name="fk_field_spans_engagement_id_engagements",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_field_spans"),
    )
    op.create_index("ix_field_spans_engagement_id", "field_spans", ["engagement_id"])

    dialect = op.get_bind().dialect.name
    for statement in {"sqlite": SQLITE_SEARCH, "postgresql": POSTGRESQL_SEARCH}.get(dialect, []):
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS documents_fts")  # its triggers go with documents
    for table in (
        "field_spans",
        "commitments",
        "engagement_topics",
        "organizations",
        "participants",
        "engagement_parties",
        "engagements",
        "documents",
    ):
        op.drop_table(table)
