"""case facts: approximate dates and ranges, legal history details, GTD facts, directives, links

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 21:00:00

Every existing record keeps its meaning: an occurred date gets the last day it may be (its month's or year's
end), a status change its precision "day"; a plan item's incident becomes its one linked incident; damage
with a known estimate gets the GTD extent band of that estimate (unknown without one); a hostage-taking
incident has hostages "yes"; everything not recorded before (targets, outcome, operator) is "unknown".
No existing table is rebuilt except plan_items (its incident_id column goes into plan_item_incidents).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def coded(name: str, *values: str) -> sa.Enum:
    """A coded column of a new table: VARCHAR(40) with its CHECK of the codes."""
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=40)


def added(name: str, *values: str) -> sa.String:
    """A coded column added to an existing table: VARCHAR(40); SQLite cannot add its CHECK without rebuilding
    the table (a million incidents, the full-text triggers), so the codes are checked by the application
    (the ORM's enumeration type and the domain) on both database kinds alike."""
    del name, values
    return sa.String(length=40)


ATTACK_TYPES = ('armed_assault', 'bombing_explosion', 'facility_infrastructure_attack', 'unarmed_assault',
                'hostage_taking', 'assassination', 'threat', 'breach_of_security', 'vandalism', 'protest_peaceful',
                'protest_unlawful', 'other', 'unknown')
TARGET_TYPES = ('building', 'vehicles', 'perimeter', 'personnel', 'detainees', 'visitors_public',
                'utilities_equipment', 'other', 'unknown')
PRECISIONS = ('exact', 'day', 'month', 'year', 'range', 'unknown')


def month_end(column: str, sqlite: bool) -> str:
    if sqlite:
        return f"date({column}, 'start of month', '+1 month', '-1 day')"
    return f"CAST(date_trunc('month', {column}) + interval '1 month - 1 day' AS date)"


def year_end(column: str, sqlite: bool) -> str:
    if sqlite:
        return f"date({column}, 'start of year', '+1 year', '-1 day')"
    return f"CAST(date_trunc('year', {column}) + interval '1 year - 1 day' AS date)"


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.add_column('facilities', sa.Column('fsl_unknown', sa.Boolean(), server_default=sa.false(), nullable=False))
    op.add_column('facilities', sa.Column('operator', added('operator_kind', 'government', 'contractor', 'unknown'),
                                          server_default='unknown', nullable=False))
    op.add_column('facilities', sa.Column('operator_name', sa.String(length=300), server_default='',
                                          nullable=False))

    op.add_column('incidents', sa.Column('occurred_end', sa.Date(), nullable=True))
    op.add_column('incidents', sa.Column('occurred_approximate', sa.Boolean(), server_default=sa.false(),
                                         nullable=False))
    op.add_column('incidents', sa.Column('occurred_time_of_day', added(
        'time_of_day', 'night', 'early_morning', 'morning', 'afternoon', 'evening'), nullable=True))
    op.add_column('incidents', sa.Column('attack_type_2', added('attack_type', *ATTACK_TYPES), nullable=True))
    op.add_column('incidents', sa.Column('attack_type_3', added('attack_type', *ATTACK_TYPES), nullable=True))
    op.add_column('incidents', sa.Column('target_type', added('target_type', *TARGET_TYPES),
                                         server_default='unknown', nullable=False))
    op.add_column('incidents', sa.Column('target_type_2', added('target_type', *TARGET_TYPES), nullable=True))
    op.add_column('incidents', sa.Column('target_type_3', added('target_type', *TARGET_TYPES), nullable=True))
    op.add_column('incidents', sa.Column('property_extent', added(
        'property_extent', 'catastrophic', 'major', 'minor', 'unknown'), nullable=True))
    op.add_column('incidents', sa.Column('hostages', added('yes_no_unknown', 'yes', 'no', 'unknown'),
                                         server_default='unknown', nullable=False))
    op.add_column('incidents', sa.Column('perpetrator_outcome', added(
        'perpetrator_outcome', 'killed', 'wounded', 'arrested', 'fled', 'unknown'), server_default='unknown',
        nullable=False))
    op.execute(
        "UPDATE incidents SET occurred_end = CASE occurred_precision"
        f" WHEN 'year' THEN {year_end('occurred_on', sqlite)} WHEN 'month' THEN {month_end('occurred_on', sqlite)}"
        " ELSE occurred_on END WHERE occurred_on IS NOT NULL"
    )
    op.execute(
        "UPDATE incidents SET property_extent = CASE WHEN damage_estimate_usd IS NULL THEN 'unknown'"
        " WHEN damage_estimate_usd >= 1000000000 THEN 'catastrophic' WHEN damage_estimate_usd >= 1000000 THEN"
        " 'major' ELSE 'minor' END WHERE property_damage = 'yes'"
    )
    op.execute("UPDATE incidents SET hostages = 'yes' WHERE attack_type = 'hostage_taking'")
    op.create_index('ix_incidents_occurred_end', 'incidents', ['occurred_end', 'id'])
    op.create_index('ix_incidents_attack_type_2', 'incidents', ['attack_type_2'])
    op.create_index('ix_incidents_attack_type_3', 'incidents', ['attack_type_3'])

    op.add_column('incident_status_changes', sa.Column('changed_precision', added('date_precision', *PRECISIONS),
                                                       server_default='day', nullable=False))
    op.add_column('incident_status_changes', sa.Column('changed_until', sa.Date(), nullable=True))
    op.add_column('incident_status_changes', sa.Column('changed_approximate', sa.Boolean(),
                                                       server_default=sa.false(), nullable=False))
    for name in ('agency', 'reference'):
        op.add_column('incident_status_changes', sa.Column(name, sa.String(length=300), server_default='',
                                                           nullable=False))
    op.add_column('incident_status_changes', sa.Column('charges', sa.Text(), server_default='', nullable=False))

    op.create_table('incident_links',
    sa.Column('incident_id', sa.Integer(), nullable=False),
    sa.Column('related_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['incident_id'], ['incidents.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['related_id'], ['incidents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('incident_id', 'related_id')
    )
    op.create_index(op.f('ix_incident_links_related_id'), 'incident_links', ['related_id'], unique=False)

    op.create_table('directives',
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('issuing_office', sa.String(length=300), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=True),
    sa.Column('deadline', sa.Date(), nullable=True),
    sa.Column('source_reference', sa.Text(), nullable=False),
    sa.Column('scope', coded('directive_scope', 'facility', 'agency', 'facility_type', 'all'), nullable=False),
    sa.Column('scope_facility_id', sa.Integer(), nullable=True),
    sa.Column('scope_agencies', sa.String(length=200), nullable=False),
    sa.Column('scope_facility_types', sa.String(length=200), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['scope_facility_id'], ['facilities.id'], ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('uuid')
    )
    op.create_index(op.f('ix_directives_issued_on'), 'directives', ['issued_on'], unique=False)
    op.create_index(op.f('ix_directives_scope_facility_id'), 'directives', ['scope_facility_id'], unique=False)

    # Read the links first: rebuilding plan_items (SQLite) deletes its rows, which would cascade into a link table.
    links = op.get_bind().execute(sa.text(
        "SELECT id, incident_id FROM plan_items WHERE incident_id IS NOT NULL ORDER BY id")).all()
    op.drop_index('ix_plan_items_incident_id', table_name='plan_items')
    with op.batch_alter_table('plan_items', recreate='auto') as batch_op:
        batch_op.drop_column('incident_id')
        batch_op.add_column(sa.Column('directive_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key('fk_plan_items_directive_id', 'directives', ['directive_id'], ['id'],
                                    ondelete='RESTRICT')
        batch_op.create_index(batch_op.f('ix_plan_items_directive_id'), ['directive_id'], unique=False)
    op.create_table('plan_item_incidents',
    sa.Column('plan_item_id', sa.Integer(), nullable=False),
    sa.Column('incident_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['incident_id'], ['incidents.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['plan_item_id'], ['plan_items.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('plan_item_id', 'incident_id')
    )
    op.create_index(op.f('ix_plan_item_incidents_incident_id'), 'plan_item_incidents', ['incident_id'],
                    unique=False)
    if links:
        op.get_bind().execute(sa.text("INSERT INTO plan_item_incidents (plan_item_id, incident_id, position)"
                                      " VALUES (:plan_item, :incident, 0)"),
                              [{"plan_item": plan_item, "incident": incident} for plan_item, incident in links])


def downgrade() -> None:
    first = op.get_bind().execute(sa.text(
        "SELECT plan_item_id, MIN(incident_id) FROM plan_item_incidents GROUP BY plan_item_id")).all()
    with op.batch_alter_table('plan_items', recreate='auto') as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_items_directive_id'))
        batch_op.drop_constraint('fk_plan_items_directive_id', type_='foreignkey')
        batch_op.drop_column('directive_id')
        batch_op.add_column(sa.Column('incident_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key('fk_plan_items_incident_id', 'incidents', ['incident_id'], ['id'],
                                    ondelete='SET NULL')
    op.create_index('ix_plan_items_incident_id', 'plan_items', ['incident_id'])
    if first:  # one incident per plan item before: the first linked one
        op.get_bind().execute(sa.text("UPDATE plan_items SET incident_id = :incident WHERE id = :plan_item"),
                              [{"plan_item": plan_item, "incident": incident} for plan_item, incident in first])
    op.drop_table('plan_item_incidents')
    op.drop_table('directives')
    op.drop_table('incident_links')
    for name in ('charges', 'reference', 'agency', 'changed_approximate', 'changed_until', 'changed_precision'):
        op.drop_column('incident_status_changes', name)
    for index in ('ix_incidents_attack_type_3', 'ix_incidents_attack_type_2', 'ix_incidents_occurred_end'):
        op.drop_index(index, table_name='incidents')
    for name in ('perpetrator_outcome', 'hostages', 'property_extent', 'target_type_3', 'target_type_2',
                 'target_type', 'attack_type_3', 'attack_type_2', 'occurred_time_of_day', 'occurred_approximate',
                 'occurred_end'):
        op.drop_column('incidents', name)
    for name in ('operator_name', 'operator', 'fsl_unknown'):
        op.drop_column('facilities', name)
