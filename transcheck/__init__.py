"""transcheck: find drift between the localized copies of documentation pages."""

__version__ = "0.1.0"
