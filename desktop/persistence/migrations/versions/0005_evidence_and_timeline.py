"""evidence and timeline: attachments with their bytes (chunked, once per SHA-256), custody logs, timeline events

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03 11:00:00

New tables only: no existing row changes. The bytes of attached files live in the database (evidence_blobs,
evidence_chunks), so that an attachment and its file are committed together, and every backup, restore and team
server carries them (docs/ARCHITECTURE.md, "Where attached files live").
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

PRECISIONS = ('exact', 'day', 'month', 'year', 'range', 'unknown')
BANDS = ('night', 'early_morning', 'morning', 'afternoon', 'evening')
KINDS = ('incident', 'facility', 'plan_item', 'directive')


def coded(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=40)


def versioned() -> list[sa.Column[object]]:
    return [sa.Column('id', sa.Integer(), nullable=False, primary_key=True),
            sa.Column('uuid', sa.String(length=36), nullable=False, unique=True),
            sa.Column('created_at', sa.DateTime(), nullable=False),
            sa.Column('updated_at', sa.DateTime(), nullable=False),
            sa.Column('version', sa.Integer(), nullable=False)]


def happened() -> list[sa.Column[object]]:
    return [sa.Column('happened_precision', coded('date_precision', *PRECISIONS), nullable=False),
            sa.Column('happened_on', sa.Date(), nullable=True),
            sa.Column('happened_until', sa.Date(), nullable=True),
            sa.Column('happened_time', sa.Time(), nullable=True),
            sa.Column('happened_approximate', sa.Boolean(), nullable=False),
            sa.Column('happened_time_of_day', coded('time_of_day', *BANDS), nullable=True)]


def upgrade() -> None:
    op.create_table('evidence_blobs',
                    sa.Column('id', sa.Integer(), nullable=False, primary_key=True),
                    sa.Column('sha256', sa.String(length=64), nullable=False, unique=True),
                    sa.Column('size', sa.BigInteger(), nullable=False),
                    sa.Column('chunks', sa.Integer(), nullable=False))
    op.create_table('evidence_chunks',
                    sa.Column('blob_id', sa.Integer(), sa.ForeignKey('evidence_blobs.id', ondelete='CASCADE'),
                              nullable=False, primary_key=True),
                    sa.Column('seq', sa.Integer(), nullable=False, primary_key=True),
                    sa.Column('data', sa.LargeBinary(), nullable=False))
    op.create_table('attachments', *versioned(),
                    sa.Column('owner_kind', coded('record_kind', *KINDS), nullable=False),
                    sa.Column('owner_uuid', sa.String(length=36), nullable=False),
                    sa.Column('file_name', sa.String(length=255), nullable=False),
                    sa.Column('media_type', sa.String(length=127), nullable=False),
                    sa.Column('size', sa.BigInteger(), nullable=False),
                    sa.Column('sha256', sa.String(length=64),
                              sa.ForeignKey('evidence_blobs.sha256', ondelete='RESTRICT'), nullable=False),
                    sa.Column('added_at', sa.DateTime(), nullable=False),
                    sa.Column('added_by', sa.String(length=200), nullable=False),
                    sa.Column('description', sa.Text(), nullable=False),
                    sa.Column('sensitive', sa.Boolean(), nullable=False))
    op.create_index('ix_attachments_owner', 'attachments', ['owner_kind', 'owner_uuid', 'id'])
    op.create_index('ix_attachments_sha256', 'attachments', ['sha256'])
    op.create_table('custody_entries',
                    sa.Column('id', sa.Integer(), nullable=False, primary_key=True),
                    sa.Column('uuid', sa.String(length=36), nullable=False, unique=True),
                    sa.Column('attachment_id', sa.Integer(), sa.ForeignKey('attachments.id', ondelete='CASCADE'),
                              nullable=False),
                    sa.Column('received_from', sa.String(length=300), nullable=False),
                    sa.Column('received_by', sa.String(length=300), nullable=False),
                    *happened(),
                    sa.Column('purpose', sa.Text(), nullable=False),
                    sa.Column('note', sa.Text(), nullable=False),
                    sa.Column('recorded_at', sa.DateTime(), nullable=False))
    op.create_index('ix_custody_entries_attachment_id', 'custody_entries', ['attachment_id'])
    op.create_table('timeline_events', *versioned(),
                    sa.Column('incident_id', sa.Integer(), sa.ForeignKey('incidents.id', ondelete='CASCADE'),
                              nullable=False),
                    *happened(),
                    sa.Column('source', sa.String(length=300), nullable=False),
                    sa.Column('text', sa.Text(), nullable=False))
    op.create_index('ix_timeline_events_incident_id', 'timeline_events', ['incident_id'])


def downgrade() -> None:
    for table in ('timeline_events', 'custody_entries', 'attachments', 'evidence_chunks', 'evidence_blobs'):
        op.drop_table(table)
