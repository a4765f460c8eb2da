"""Redaksi: newsroom CMS and public news portal."""

__version__ = "0.2.0"
