"""keyed audit chain: the key that signed each entry, the database's id, whether sensitive values are kept

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03 08:00:00

Every existing entry keeps its contents and hash (key_id empty: signed by no key, as before). The database gets
no id here: the program gives it one at the next opening, when it creates the secret key outside the database,
signs the existing chain with it (after verifying it) and records every record's state as the chain's baseline
(desktop/persistence/chain_upkeep.py). Sensitive values are not kept in the trail (keep_sensitive false), as the
program's default now is.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('audit_entries', sa.Column('key_id', sa.String(length=16), nullable=True))
    op.add_column('audit_head', sa.Column('database_id', sa.String(length=36), nullable=True))
    op.add_column('audit_head', sa.Column('keep_sensitive', sa.Boolean(), server_default=sa.false(),
                                          nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('audit_head') as batch:
        batch.drop_column('keep_sensitive')
        batch.drop_column('database_id')
    with op.batch_alter_table('audit_entries') as batch:
        batch.drop_column('key_id')
