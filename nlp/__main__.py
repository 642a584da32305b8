"""python -m nlp: see nlp.cli."""

from .cli import main

raise SystemExit(main())
