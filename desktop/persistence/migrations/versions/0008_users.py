"""users: who wrote each audit entry (inside its hash) and who created and last changed each record

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 22:00:00

New nullable columns only: audit_entries.actor, and created_by / updated_by on every editable record table. Rows
written before stay NULL: no program recorded who wrote them, so none is invented (the history, CSV and briefing
say "unknown"). An entry with a NULL actor hashes exactly as before (audit_log.entry_hash), so old chains verify.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

RECORD_TABLES = ('facilities', 'incidents', 'plan_items', 'directives', 'attachments', 'timeline_events')


def upgrade() -> None:
    op.add_column('audit_entries', sa.Column('actor', sa.String(length=200), nullable=True))
    for table in RECORD_TABLES:
        op.add_column(table, sa.Column('created_by', sa.String(length=200), nullable=True))
        op.add_column(table, sa.Column('updated_by', sa.String(length=200), nullable=True))


def downgrade() -> None:
    for table in reversed(RECORD_TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('updated_by')
            batch_op.drop_column('created_by')
    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.drop_column('actor')
