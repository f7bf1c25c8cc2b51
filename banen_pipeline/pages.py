"""The Jinja environment every HTML page is rendered with, the report's and the data docs': the
project's templates (``banen_pipeline/templates/``), every value escaped. Only what is marked safe
goes through as markup: the SVG charts, and a figure's span with its status."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader


def environment() -> Environment:
    """A fresh environment (globals set on it stay with its caller)."""
    return Environment(loader=PackageLoader("banen_pipeline"), autoescape=True)
