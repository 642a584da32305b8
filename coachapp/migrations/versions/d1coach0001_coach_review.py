"""coach review: invites, coach-client links, comment threads, finding and goal
decisions, private coach notes, notifications; the review state of goals

Revision ID: d1coach0001
Revises: c0merge0001
Create Date: 2026-11-21 18:51:43.070223

"""
from alembic import op
import sqlalchemy as sa

import coachapp.models.base


# revision identifiers, used by Alembic.
revision = 'd1coach0001'
down_revision = 'c0merge0001'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('coach_invites',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('coach_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('created_at', coachapp.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['coach_id'], ['users.id'], name=op.f('fk_coach_invites_coach_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_coach_invites')),
    sa.UniqueConstraint('coach_id', name=op.f('uq_coach_invites_coach_id')),
    sa.UniqueConstraint('code', name=op.f('uq_coach_invites_code'))
    )
    op.create_table('coach_links',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('coach_id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('started_at', coachapp.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('ended_at', coachapp.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('ended_by', sa.String(length=6), nullable=True),
    sa.CheckConstraint("ended_by IS NULL OR ended_by IN ('client', 'coach')", name=op.f('ck_coach_links_ended_by')),
    sa.CheckConstraint('coach_id <> client_id', name=op.f('ck_coach_links_not_self')),
    sa.ForeignKeyConstraint(['client_id'], ['users.id'], name=op.f('fk_coach_links_client_id_users'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['coach_id'], ['users.id'], name=op.f('fk_coach_links_coach_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_coach_links'))
    )
    with op.batch_alter_table('coach_links', schema=None) as batch_op:
        batch_op.create_index('ix_coach_links_coach_ended', ['coach_id', 'ended_at'], unique=False)
        batch_op.create_index('uq_coach_links_active_client', ['client_id'], unique=True, sqlite_where=sa.text('ended_at IS NULL'), postgresql_where=sa.text('ended_at IS NULL'))

    op.create_table('coach_notes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('coach_id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('created_at', coachapp.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['users.id'], name=op.f('fk_coach_notes_client_id_users'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['coach_id'], ['users.id'], name=op.f('fk_coach_notes_coach_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_coach_notes'))
    )
    with op.batch_alter_table('coach_notes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_coach_notes_client_id'), ['client_id'], unique=False)
        batch_op.create_index('ix_coach_notes_coach_client', ['coach_id', 'client_id'], unique=False)

    op.create_table('finding_decisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('goal_id', sa.Integer(), nullable=False),
    sa.Column('coach_id', sa.Integer(), nullable=True),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('quote', sa.String(length=300), nullable=False),
    sa.Column('start', sa.Integer(), nullable=True),
    sa.Column('end', sa.Integer(), nullable=True),
    sa.Column('decision', sa.String(length=9), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('created_at', coachapp.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint("decision IN ('accepted', 'dismissed')", name=op.f('ck_finding_decisions_decision')),
    sa.ForeignKeyConstraint(['coach_id'], ['users.id'], name=op.f('fk_finding_decisions_coach_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['goal_id'], ['goals.id'], name=op.f('fk_finding_decisions_goal_id_goals'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_finding_decisions')),
    sa.UniqueConstraint('goal_id', 'code', 'quote', name='uq_finding_decisions_finding')
    )
    op.create_table('goal_reviews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('goal_id', sa.Integer(), nullable=False),
    sa.Column('coach_id', sa.Integer(), nullable=True),
    sa.Column('decision', sa.String(length=17), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('goal_text', sa.Text(), nullable=False),
    sa.Column('created_at', coachapp.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint("decision IN ('approved', 'changes_requested')", name=op.f('ck_goal_reviews_decision')),
    sa.ForeignKeyConstraint(['coach_id'], ['users.id'], name=op.f('fk_goal_reviews_coach_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['goal_id'], ['goals.id'], name=op.f('fk_goal_reviews_goal_id_goals'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_goal_reviews'))
    )
    with op.batch_alter_table('goal_reviews', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_goal_reviews_goal_id'), ['goal_id'], unique=False)

    op.create_table('notifications',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('goal_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('message', sa.String(length=300), nullable=False),
    sa.Column('target_kind', sa.String(length=8), nullable=False),
    sa.Column('target_id', sa.Integer(), nullable=True),
    sa.Column('created_at', coachapp.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('read_at', coachapp.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_notifications_actor_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['client_id'], ['users.id'], name=op.f('fk_notifications_client_id_users'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['goal_id'], ['goals.id'], name=op.f('fk_notifications_goal_id_goals'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_notifications_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notifications'))
    )
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notifications_client_id'), ['client_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_notifications_goal_id'), ['goal_id'], unique=False)
        batch_op.create_index('ix_notifications_user_read', ['user_id', 'read_at'], unique=False)

    op.create_table('comments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('goal_id', sa.Integer(), nullable=True),
    sa.Column('action_id', sa.Integer(), nullable=True),
    sa.Column('check_in_id', sa.Integer(), nullable=True),
    sa.Column('attempt_id', sa.Integer(), nullable=True),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('finding_code', sa.String(length=32), nullable=True),
    sa.Column('anchor_start', sa.Integer(), nullable=True),
    sa.Column('anchor_end', sa.Integer(), nullable=True),
    sa.Column('anchor_text', sa.String(length=300), nullable=True),
    sa.Column('created_at', coachapp.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint("(kind = 'goal' AND goal_id IS NOT NULL) OR (kind = 'action' AND action_id IS NOT NULL) OR (kind = 'check_in' AND check_in_id IS NOT NULL) OR (kind = 'attempt' AND attempt_id IS NOT NULL)", name=op.f('ck_comments_target')),
    sa.CheckConstraint("kind IN ('goal', 'action', 'check_in', 'attempt')", name=op.f('ck_comments_kind')),
    sa.ForeignKeyConstraint(['action_id'], ['actions.id'], name=op.f('fk_comments_action_id_actions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['attempt_id'], ['practice_attempts.id'], name=op.f('fk_comments_attempt_id_practice_attempts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_comments_author_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['check_in_id'], ['check_ins.id'], name=op.f('fk_comments_check_in_id_check_ins'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['client_id'], ['users.id'], name=op.f('fk_comments_client_id_users'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['goal_id'], ['goals.id'], name=op.f('fk_comments_goal_id_goals'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_comments'))
    )
    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_comments_action_id'), ['action_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_comments_attempt_id'), ['attempt_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_comments_check_in_id'), ['check_in_id'], unique=False)
        batch_op.create_index('ix_comments_client_created', ['client_id', 'created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_comments_goal_id'), ['goal_id'], unique=False)

    with op.batch_alter_table('goals', schema=None) as batch_op:
        batch_op.add_column(sa.Column('review_state', sa.String(length=17), nullable=True))
        batch_op.add_column(sa.Column('submitted_at', coachapp.models.base.UTCDateTime(timezone=True), nullable=True))
    # Every existing goal starts as a draft the client has not submitted yet.
    op.execute("UPDATE goals SET review_state = 'draft'")
    with op.batch_alter_table('goals', schema=None) as batch_op:
        batch_op.alter_column('review_state', existing_type=sa.String(length=17), nullable=False)
        batch_op.create_check_constraint(
            'review_state',
            "review_state IN ('draft', 'submitted', 'changes_requested', 'approved')")


def downgrade():
    with op.batch_alter_table('goals', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_goals_review_state'), type_='check')
        batch_op.drop_column('submitted_at')
        batch_op.drop_column('review_state')

    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_comments_goal_id'))
        batch_op.drop_index('ix_comments_client_created')
        batch_op.drop_index(batch_op.f('ix_comments_check_in_id'))
        batch_op.drop_index(batch_op.f('ix_comments_attempt_id'))
        batch_op.drop_index(batch_op.f('ix_comments_action_id'))

    op.drop_table('comments')
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.drop_index('ix_notifications_user_read')
        batch_op.drop_index(batch_op.f('ix_notifications_goal_id'))
        batch_op.drop_index(batch_op.f('ix_notifications_client_id'))

    op.drop_table('notifications')
    with op.batch_alter_table('goal_reviews', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_goal_reviews_goal_id'))

    op.drop_table('goal_reviews')
    op.drop_table('finding_decisions')
    with op.batch_alter_table('coach_notes', schema=None) as batch_op:
        batch_op.drop_index('ix_coach_notes_coach_client')
        batch_op.drop_index(batch_op.f('ix_coach_notes_client_id'))

    op.drop_table('coach_notes')
    with op.batch_alter_table('coach_links', schema=None) as batch_op:
        batch_op.drop_index('uq_coach_links_active_client', sqlite_where=sa.text('ended_at IS NULL'), postgresql_where=sa.text('ended_at IS NULL'))
        batch_op.drop_index('ix_coach_links_coach_ended')

    op.drop_table('coach_links')
    op.drop_table('coach_invites')
