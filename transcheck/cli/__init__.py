"""The command line: a click app whose options become :class:`~transcheck.run.run.RunOptions`."""

from .app import main

__all__ = ["main"]
