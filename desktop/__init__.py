"""Incident Logger: facility security incidents, their legal lifecycle and security plans."""

__version__ = "0.1.0"
