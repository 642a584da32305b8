"""Exit 0 when the database at the URL given answers, 1 otherwise (used by `make test`)."""

import sys

from sqlalchemy import create_engine, text

from coachapp.config import database_url


def main(url: str) -> int:
    engine = create_engine(database_url(url), connect_args={"connect_timeout": 3})
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception:  # any failure means "not available" here
        return 1
    finally:
        engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
