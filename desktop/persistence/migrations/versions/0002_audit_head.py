"""audit chain head: entry count and last hash, to detect deleted newest entries

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 08:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

GENESIS = "0" * 64


def upgrade() -> None:
    op.create_table('audit_head',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entries', sa.Integer(), nullable=False),
    sa.Column('last_hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    # The head of the chain as it stands: every existing entry counts.
    connection = op.get_bind()
    entries = connection.execute(sa.text("SELECT COUNT(*) FROM audit_entries")).scalar_one()
    last = connection.execute(sa.text("SELECT entry_hash FROM audit_entries ORDER BY id DESC LIMIT 1")).scalar()
    connection.execute(
        sa.text("INSERT INTO audit_head (id, entries, last_hash) VALUES (1, :entries, :last_hash)"),
        {"entries": entries, "last_hash": last or GENESIS},
    )


def downgrade() -> None:
    op.drop_table('audit_head')
