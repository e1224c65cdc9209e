"""Subscription billing."""

__version__ = "4.7.2"
