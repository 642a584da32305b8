"""merge coach review and version columns on actions and check-ins

Revision ID: e0merge0002
Revises: d1coach0001, d2sec00001
Create Date: 2026-11-21 19:30:00.000000

"""


# revision identifiers, used by Alembic.
revision = 'e0merge0002'
down_revision = ('d1coach0001', 'd2sec00001')
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
