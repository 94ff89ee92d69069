"""sync: the origin replica of synchronized audit entries, the servers synchronized with and the merge bases

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04 05:00:00

- audit_entries.origin (nullable): the replica (its audit_head.database_id) a synchronized change came from. Inside
  the entry's hash when not None, exactly as `actor` was added in 0008: every existing entry stays NULL and hashes
  as before, so old chains verify unchanged.
- sync_peers: per server synchronized with, the time of the last synchronization (the server's clock) and the
  newest audit entry id of each side it covered.
- sync_bases: per peer and record, the content both sides agreed on after the last synchronization (the merge base
  of the field-by-field three-way comparison).
- sync_receipts (written on the server): per laptop replica and record, the content its synchronization round agreed
  on and the content the laptop had then, in the server's transaction; when the laptop's transaction of that round was lost (killed), its next round
  takes these as its bases, so that nothing sent is seen as a conflict or sent twice.
No existing row changes; both tables start empty (no database has synchronized before this revision).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('audit_entries', sa.Column('origin', sa.String(length=36), nullable=True))
    op.create_table(
        'sync_peers',
        sa.Column('peer_id', sa.String(length=36), primary_key=True),
        sa.Column('server', sa.String(length=300), nullable=False),
        sa.Column('last_sync_at', sa.DateTime(), nullable=True),
        sa.Column('local_entry_id', sa.Integer(), nullable=False),
        sa.Column('server_entry_id', sa.Integer(), nullable=False),
        sa.Column('rounds', sa.Integer(), nullable=False),
    )
    op.create_table(
        'sync_bases',
        sa.Column('peer_id', sa.String(length=36), primary_key=True),
        sa.Column('kind', sa.String(length=40), primary_key=True),
        sa.Column('uuid', sa.String(length=36), primary_key=True),
        sa.Column('content', sa.JSON(), nullable=False),
    )
    op.create_table(
        'sync_receipts',
        sa.Column('replica_id', sa.String(length=36), primary_key=True),
        sa.Column('kind', sa.String(length=40), primary_key=True),
        sa.Column('uuid', sa.String(length=36), primary_key=True),
        sa.Column('round', sa.Integer(), nullable=False),
        sa.Column('content', sa.JSON(), nullable=True),
        sa.Column('sent', sa.JSON(), nullable=True),
    )


def downgrade() -> None:
    op.drop_table('sync_receipts')
    op.drop_table('sync_bases')
    op.drop_table('sync_peers')
    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.drop_column('origin')
