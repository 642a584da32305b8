"""interview practice: practice sets (target jobs) and attempts

Revision ID: a6interview01
Revises: fae6b579d583
Create Date: 2026-11-21 19:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

import coachapp.models.base


# revision identifiers, used by Alembic.
revision = 'a6interview01'
down_revision = 'fae6b579d583'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('practice_sets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=120), nullable=False),
    sa.Column('company', sa.String(length=120), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('created_at', coachapp.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', coachapp.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_practice_sets_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_practice_sets'))
    )
    with op.batch_alter_table('practice_sets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_practice_sets_user_id'), ['user_id'], unique=False)

    op.create_table('practice_attempts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('practice_set_id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.String(length=40), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('duration_seconds', sa.Integer(), nullable=True),
    sa.Column('analysis', sa.JSON(), nullable=True),
    sa.Column('score', sa.Integer(), nullable=True),
    sa.Column('created_at', coachapp.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['practice_set_id'], ['practice_sets.id'], name=op.f('fk_practice_attempts_practice_set_id_practice_sets'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_practice_attempts'))
    )
    with op.batch_alter_table('practice_attempts', schema=None) as batch_op:
        batch_op.create_index('ix_practice_attempts_set_question', ['practice_set_id', 'question_id'], unique=False)


def downgrade():
    with op.batch_alter_table('practice_attempts', schema=None) as batch_op:
        batch_op.drop_index('ix_practice_attempts_set_question')

    op.drop_table('practice_attempts')
    with op.batch_alter_table('practice_sets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_practice_sets_user_id'))

    op.drop_table('practice_sets')
