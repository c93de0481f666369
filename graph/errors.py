"""The two errors a caller of claimgraph handles: a bad input, and a store that cannot be used.

Both carry a one-line message meant for the user as it is.
"""

from __future__ import annotations


class IngestError(Exception):
    """An input could not be ingested; ``str()`` is a one-line reason naming the input."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class StoreError(Exception):
    """The store could not be opened, read or written; the message is one line."""
