"""The Jinja environment every HTML page is rendered with, the report's and the data docs': the
project's templates (``banen_pipeline/templates/``), every value escaped. Only what is marked safe
goes through as markup: the SVG charts, and a figure's span with its status."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader


def environment(lang) -> Environment:
    """A fresh environment (globals set on it stay with its caller), its words in ``lang``'s catalogue
    (a ``texts.Language``) through Jinja2's i18n extension: ``_('key', name=value)``."""
    env = Environment(loader=PackageLoader("banen_pipeline"), autoescape=True, extensions=["jinja2.ext.i18n"])
    env.install_gettext_callables(gettext=lang.t, ngettext=lang.nt, newstyle=False)
    return env
