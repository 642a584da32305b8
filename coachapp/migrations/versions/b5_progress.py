"""progress: check-ins, goal revisions, quarterly reviews, calendar feeds

Revision ID: b5progress01
Revises: fae6b579d583
Create Date: 2026-11-22 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

import coachapp.models.base


# revision identifiers, used by Alembic.
revision = 'b5progress01'
down_revision = 'fae6b579d583'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('goals', schema=None) as batch_op:
        batch_op.add_column(sa.Column('activated_at', coachapp.models.base.UTCDateTime(timezone=True), nullable=True))
    # Goals already past draft started their check-in rhythm when they were created.
    op.execute("UPDATE goals SET activated_at = created_at WHERE status <> 'draft'")

    op.create_table('check_ins',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('goal_id', sa.Integer(), nullable=False),
    sa.Column('value', sa.Float(), nullable=False),
    sa.Column('target', sa.Float(), nullable=True),
    sa.Column('moved', sa.Text(), nullable=False),
    sa.Column('blocked', sa.Text(), nullable=False),
    sa.Column('adjust', sa.Text(), nullable=False),
    sa.Column('findings', sa.JSON(), nullable=True),
    sa.Column('created_at', coachapp.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['goal_id'], ['goals.id'], name=op.f('fk_check_ins_goal_id_goals'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_check_ins'))
    )
    with op.batch_alter_table('check_ins', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_check_ins_goal_id'), ['goal_id'], unique=False)

    op.create_table('goal_revisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('goal_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=True),
    sa.Column('metric_target', sa.String(length=120), nullable=False),
    sa.Column('score', sa.Integer(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('created_at', coachapp.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint("kind IN ('original', 'adjusted', 'pivoted', 'dropped')", name=op.f('ck_goal_revisions_kind')),
    sa.ForeignKeyConstraint(['goal_id'], ['goals.id'], name=op.f('fk_goal_revisions_goal_id_goals'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_goal_revisions'))
    )
    with op.batch_alter_table('goal_revisions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_goal_revisions_goal_id'), ['goal_id'], unique=False)

    op.create_table('quarterly_reviews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', coachapp.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_quarterly_reviews_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quarterly_reviews'))
    )
    with op.batch_alter_table('quarterly_reviews', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quarterly_reviews_user_id'), ['user_id'], unique=False)

    op.create_table('review_answers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('review_id', sa.Integer(), nullable=False),
    sa.Column('goal_id', sa.Integer(), nullable=True),
    sa.Column('goal_text', sa.Text(), nullable=False),
    sa.Column('decision', sa.String(length=6), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.CheckConstraint("decision IN ('keep', 'adjust', 'drop')", name=op.f('ck_review_answers_decision')),
    sa.ForeignKeyConstraint(['goal_id'], ['goals.id'], name=op.f('fk_review_answers_goal_id_goals'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['review_id'], ['quarterly_reviews.id'], name=op.f('fk_review_answers_review_id_quarterly_reviews'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_answers'))
    )
    with op.batch_alter_table('review_answers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_answers_goal_id'), ['goal_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_review_answers_review_id'), ['review_id'], unique=False)

    op.create_table('calendar_feeds',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=True),
    sa.Column('show_details', sa.Boolean(), nullable=False),
    sa.Column('created_at', coachapp.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_calendar_feeds_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_calendar_feeds')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_calendar_feeds_token_hash')),
    sa.UniqueConstraint('user_id', name=op.f('uq_calendar_feeds_user_id'))
    )


def downgrade():
    op.drop_table('calendar_feeds')
    with op.batch_alter_table('review_answers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_answers_review_id'))
        batch_op.drop_index(batch_op.f('ix_review_answers_goal_id'))

    op.drop_table('review_answers')
    with op.batch_alter_table('quarterly_reviews', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quarterly_reviews_user_id'))

    op.drop_table('quarterly_reviews')
    with op.batch_alter_table('goal_revisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_goal_revisions_goal_id'))

    op.drop_table('goal_revisions')
    with op.batch_alter_table('check_ins', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_check_ins_goal_id'))

    op.drop_table('check_ins')
    with op.batch_alter_table('goals', schema=None) as batch_op:
        batch_op.drop_column('activated_at')
