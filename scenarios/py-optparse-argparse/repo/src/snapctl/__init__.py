"""Database snapshot catalog and retention."""

__version__ = "2.3.0"
