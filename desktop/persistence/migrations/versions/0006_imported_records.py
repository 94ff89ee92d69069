"""imported records: a CSV import is proven by one audit entry, its records by a digest each

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 14:00:00

A new table only: no existing row changes. Records imported before keep their own audit entries (one per row, as
they were written); records imported from now on are listed here with the import that made them and a keyed digest
of their state, and the import's one entry carries the digest of this list (docs/ARCHITECTURE.md, "Imports").
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('imported_records',
                    sa.Column('uuid', sa.String(length=36), nullable=False, primary_key=True),
                    sa.Column('entity', sa.String(length=40), nullable=False),
                    sa.Column('import_uuid', sa.String(length=36), nullable=False),
                    sa.Column('state_digest', sa.String(length=64), nullable=False),
                    sqlite_with_rowid=False)
    op.create_index('ix_imported_records_import_uuid', 'imported_records', ['import_uuid'])


def downgrade() -> None:
    op.drop_index('ix_imported_records_import_uuid', table_name='imported_records')
    op.drop_table('imported_records')
