"""Partner order feed ingestion."""

__version__ = "1.14.0"
