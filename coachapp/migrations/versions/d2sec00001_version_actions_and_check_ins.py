"""optimistic locking: a version column on actions and check-ins

Revision ID: d2sec00001
Revises: c0merge0001
Create Date: 2026-11-22 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'd2sec00001'
down_revision = 'c0merge0001'
branch_labels = None
depends_on = None


def upgrade():
    for table in ('actions', 'check_ins'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column('version', sa.Integer(), nullable=False, server_default='1')
            )


def downgrade():
    for table in ('check_ins', 'actions'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('version')
