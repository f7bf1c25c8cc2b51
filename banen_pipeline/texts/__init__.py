"""The words and numbers people read (the report, the data docs) in their language: Dutch by default,
English as an option.

The words are gettext catalogues, one per language (``banen_pipeline/locale/<taal>/LC_MESSAGES/
banen.po``), read with Babel; a message's id is its key (``tegengehouden_kop``), the same in the
Python sections (``lang.t``, ``lang.m``, ``N_`` for a key chosen at run time) and the templates
(Jinja2's i18n extension: ``_('titel', per=per)``). ``make catalogues`` extracts the keys and
updates the catalogues; a test fails on a message without a translation or whose placeholders
differ. Numbers, percentages and quarters are written as the language writes them (Babel: 85.665 and
46,5% in Dutch, 85,665 and 46.5% in English).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from babel.numbers import format_decimal
from markupsafe import Markup, escape

from .catalogue import LOCALES, ORIGINS, messages

DEFAULT = "nl"


def held_back_sentences(lang: Language, held) -> list[str]:
    """What failed checks held back, a sentence per mart. ``held``: ``marts.HeldBack`` values (the
    mart, the critical rules it broke, or the failed mart it reads)."""
    return [
        lang.t("tegengehouden_via", mart=h.mart, via=h.via)
        if h.via
        else lang.t("tegengehouden_eigen", mart=h.mart, regels="; ".join(h.broke))
        for h in held
    ]


def quarter_parts(quarter: str) -> tuple[int, int]:
    return int(quarter[:4]), int(quarter[-1])


@dataclass(frozen=True)
class Language:
    """Texts and numbers in one language (``nl`` or ``en``)."""

    code: str = DEFAULT

    def __post_init__(self) -> None:
        if self.code not in LOCALES:
            raise ValueError(f"no report language {self.code!r}: choose from {', '.join(LOCALES)}")

    def t(self, key: str, **values) -> str:
        text = messages(self.code)[key]
        return text.format(**values) if values else text

    def m(self, key: str, **values) -> Markup:
        """A sentence as markup: its words escaped, a value with ``__html__`` (a report figure
        that carries its status) kept as markup, any other value escaped."""
        return escape(messages(self.code)[key]).format(**values)

    def nt(self, one: str, other: str, n: int, **values) -> str:
        """Jinja's ``ngettext``: the key ``one`` or ``other`` by the language's plural rule for ``n``."""
        from babel import Locale

        singular = Locale.parse(self.locale).plural_form(n) == "one"
        return self.t(one if singular else other, n=n, **values)

    def has(self, key: str) -> bool:
        return key in messages(self.code)

    @property
    def locale(self) -> str:
        return LOCALES[self.code]

    def n(self, value: float | None, digits: int = 0) -> str:
        """A number with the language's thousands and decimal separators (85.665; 6,36)."""
        if value is None or value != value:
            return "–"
        pattern = "#,##0" + ("." + "0" * digits if digits else "")
        return format_decimal(round(float(value), digits) + 0.0, format=pattern, locale=self.locale)

    def signed(self, value: float | None, digits: int = 0) -> str:
        if value is None or value != value:
            return "–"
        return ("+" if value > 0 else "−" if value < 0 else "±") + self.n(abs(value), digits)

    def pct(self, value: float | None, digits: int = 1) -> str:
        """A figure already in percent (46.5 -> 46,5%)."""
        return "–" if value is None or value != value else f"{self.n(value, digits)}%"

    def share(self, value: float | None, digits: int = 0) -> str:
        """A fraction as a percentage (0.787 -> 79%)."""
        return "–" if value is None or value != value else self.pct(100 * value, digits)

    def date(self, day) -> str:
        """A date in words: 31 december 2026 / 31 December 2026."""
        from babel.dates import format_date

        return format_date(day, format="long", locale=self.locale)

    def years(self, years: list[int]) -> str:
        """[2024, 2025, 2026] -> '2024, 2025 en 2026' / '2024, 2025 and 2026'."""
        words = [str(y) for y in years]
        if len(words) < 2:
            return "".join(words)
        return self.t("jaren_en", eerdere=", ".join(words[:-1]), laatste=words[-1])

    def quarter(self, quarter: str) -> str:
        """2023Q4 -> '4e kwartaal 2023' / 'Q4 2023'."""
        year, q = quarter_parts(quarter)
        return self.t("kwartaal_voluit", q=q, jaar=year)

    def quarter_tick(self, quarter: str) -> str:
        """2023Q4 -> 'K4 2023' / 'Q4 2023': a tick that cannot be read as 1 January."""
        year, q = quarter_parts(quarter)
        return self.t("kwartaal_as", q=q, jaar=year)

    def chance(self, p: float | None) -> str:
        """A probability in words a minister can repeat."""
        if p is None:
            return "–"
        if p < 0.01:
            return self.t("kans_onder")
        if p > 0.99:
            return self.t("kans_boven")
        return self.t("kans_ongeveer", kans=self.share(p))

    def method(self, code: str) -> str:
        """A projection method's code (ols_trend_kwartaal) in words."""
        return self.t(f"methode_{code}") if self.has(f"methode_{code}") else code

    def measure(self, maat: str) -> str:
        """A measure's column name (extra_banen_markt; Politie.realisatie_pct) in words."""
        sector, _, name = maat.rpartition(".")
        words = self.t(f"maat_{name}") if self.has(f"maat_{name}") else name.replace("_", " ")
        return f"{sector}: {words}" if sector else words

    def origin(self, herkomst: str | None) -> str:
        """A herkomst value (gepubliceerd, afgeleid, synthetisch, ...) as a word."""
        return self.t(ORIGINS[herkomst]) if herkomst in ORIGINS else (herkomst or "")

    def derivation(self, text: str | None) -> str:
        """A derivation as marts.officiele_meting writes it ('totaal - markt = 85665 - 74031') in
        this language, numbers formatted; none: 'niet gepubliceerd'."""
        if not text:
            return self.t("niet_gepubliceerd")
        words = re.sub(r"\b(totaal|markt|overheid)\b", lambda m: self.t(m.group(1)), text)
        return re.sub(r"\d{4,}", lambda m: self.n(int(m.group())), words).replace(" - ", " − ")
