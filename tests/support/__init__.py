"""Helpers for the test suite that are not fixtures (importable from conftest.py)."""
