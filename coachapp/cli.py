"""``flask --app coachapp ...`` commands: thin wrappers over plain functions."""

from __future__ import annotations

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from coachapp.auth.operations import AccountError, create_api_token, find_user_by_email
from coachapp.auth.operations import register_user as create_account
from coachapp.passwords import MIN_PASSWORD_LENGTH


@click.command("create-user")
@with_appcontext
@click.argument("email")
@click.option("--role", type=click.Choice(["client", "coach"]), default="client", show_default=True)
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
@click.option("--name", default="", help="Display name (defaults to the email's local part).")
def create_user_command(email: str, role: str, password: str, name: str) -> None:
    """Create an account."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise click.ClickException(f"The password needs at least {MIN_PASSWORD_LENGTH} characters.")
    try:
        user = create_account(email, password, name, role)
    except AccountError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Created {user.role} {user.email} (id {user.id}).")


@click.command("create-token")
@with_appcontext
@click.argument("email")
@click.option("--name", default="cli", show_default=True, help="A label for the token.")
def create_token_command(email: str, name: str) -> None:
    """Print a new personal API token for EMAIL (shown once, stored hashed)."""
    user = find_user_by_email(email)
    if user is None:
        raise click.ClickException(f"No account with the email {email}.")
    token = create_api_token(user, name)
    click.echo(f"API token for {user.email}; use it as 'Authorization: Bearer <token>'.")
    click.echo(token)


@click.command("seed-demo")
@with_appcontext
@click.option("--force", is_flag=True, help="Recreate the demo accounts if they exist.")
def seed_demo_command(force: bool) -> None:
    """Load the demo coach and clients (once) and print their logins."""
    from coachapp.demo import DEMO_ACCOUNTS, seed_demo

    created = seed_demo(current_app.config["DEMO_PASSWORD"], force=force)
    click.echo("Demo data loaded." if created else "Demo data already present.")
    click.echo("Demo logins (password: {}):".format(current_app.config["DEMO_PASSWORD"]))
    for account in DEMO_ACCOUNTS:
        click.echo(f"  {account.role:<7} {account.email:<28} {account.about}")


def init_app(app: Flask) -> None:
    for command in (create_user_command, create_token_command, seed_demo_command):
        app.cli.add_command(command)
