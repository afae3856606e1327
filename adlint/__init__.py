"""adlint: a linter for job postings.

Kept tiny on purpose: importing :mod:`adlint` must cost nothing, because a
pre-commit hook pays the start-up time on every commit.
"""

__version__ = "0.1.0"
