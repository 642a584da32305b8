"""merge interview and progress

Revision ID: c0merge0001
Revises: a6interview01, b5progress01
Create Date: 2026-11-21 18:21:11.916682

"""
from alembic import op
import sqlalchemy as sa

import coachapp.models.base


# revision identifiers, used by Alembic.
revision = 'c0merge0001'
down_revision = ('a6interview01', 'b5progress01')
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
