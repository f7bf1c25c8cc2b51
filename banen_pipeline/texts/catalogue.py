"""The catalogues of the words: one gettext catalogue per language (``banen_pipeline/locale/<taal>/
LC_MESSAGES/banen.po``), read with Babel; a message's id is its key. Keys chosen at run time are
marked here with ``N_``, so that ``make catalogues`` (pybabel extract, update) finds every key."""

from __future__ import annotations

import functools
from pathlib import Path

from babel.messages.pofile import read_po

LOCALES = {"nl": "nl_NL", "en": "en_GB"}
LOCALE_DIR = Path(__file__).resolve().parents[1] / "locale"
DOMAIN = "banen"


def N_(key: str) -> str:  # noqa: N802 - gettext's name for a message marked, translated later
    """Mark a key for extraction where it is chosen, not translated (a column, a segment)."""
    return key


@functools.cache
def messages(code: str) -> dict[str, str]:
    """The catalogue of the language ``code``: key -> text (obsolete entries left out)."""
    with open(LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.po", "rb") as f:
        return {m.id: m.string for m in read_po(f, locale=LOCALES[code]) if m.id}


ORIGINS = {
    "gepubliceerd": N_("gepubliceerd"),
    "afgeleid": N_("afgeleid"),
    "nowcast": N_("nowcast"),
    "geinterpoleerd": N_("geinterpoleerd"),
    "projectie": N_("projectie"),
    "synthetisch": N_("synthetisch_woord"),
    "ingevuld": N_("ingevuld"),
    "som_sectoren": N_("som_sectoren"),
}
"""The herkomst values and the text of each."""

CHOSEN_AT_RUN_TIME = (
    # the segments, alone and with their article ("de_" + a segment)
    *(N_("markt"), N_("overheid"), N_("totaal"), N_("de_markt"), N_("de_overheid"), N_("de_totaal")),
    # a chart's legend
    *(N_("band80"), N_("band95"), N_("eigen_band"), N_("onderdrukt"), N_("synthetisch_beeld")),
    # a rule's severity, and what a validation read ("dd_" + its scope)
    *(N_("critical"), N_("warning"), N_("info"), N_("dd_proef"), N_("dd_steekproef"), N_("dd_tabel")),
    # a published reference file ("bron_" + its name)
    *(N_("bron_published_jaarmeting"), N_("bron_published_quarterly"), N_("bron_published_sectors")),
    # a projection method ("methode_" + its code)
    *(N_("methode_ets_gedempt"), N_("methode_lokaal_lineair"), N_("methode_ols_trend_kwartaal")),
    # a measure ("maat_" + its column)
    *(N_("maat_banen_totaal"), N_("maat_doelgroep_personen"), N_("maat_doelgroepregister_personen")),
    *(N_("maat_extra_banen_inleen"), N_("maat_extra_banen_markt"), N_("maat_extra_banen_overheid")),
    *(N_("maat_extra_banen_regulier"), N_("maat_extra_banen_regulier_markt")),
    *(N_("maat_extra_banen_regulier_overheid"), N_("maat_extra_banen_totaal")),
    *(N_("maat_realisatie_banen"), N_("maat_realisatie_pct"), N_("maat_taakstelling_banen")),
    *(N_("maat_taakstelling_banen_jaar"), N_("maat_werkzame_personen")),
)
"""Keys put together or taken from the data at run time: marked here, so that extraction finds
them (``make catalogues``); a test holds every catalogue key to what extraction finds."""
