"""Cart pricing."""

__version__ = "7.2.0"
