"""The words in gettext catalogues: every message in Dutch and English, with the same placeholders,
and exactly the keys that Babel extracts from the code and templates (so ``make catalogues`` keeps
every message and drops none)."""

import re
import string
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from banen_pipeline.config import PROJECT_ROOT
from banen_pipeline.texts.catalogue import LOCALE_DIR, LOCALES

KEYWORDS = re.findall(r"-k (\S+)", (PROJECT_ROOT / "Makefile").read_text())
"""The extraction keywords, as ``make catalogues`` gives them to pybabel."""


def catalogue(code: str, folder: Path = LOCALE_DIR) -> Catalog:
    with open(folder / code / "LC_MESSAGES" / "banen.po", "rb") as f:
        return read_po(f, locale=LOCALES[code])


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def problems(catalogues: dict[str, Catalog]) -> list[str]:
    """What keeps the catalogues from serving every language: a key one language lacks, a message
    without a translation (or fuzzy), placeholders that differ from the Dutch."""
    found = []
    texts = {code: {m.id: m for m in cat if m.id} for code, cat in catalogues.items()}
    keys = set().union(*texts.values())
    for code, messages in texts.items():
        for key in sorted(keys - set(messages)):
            found.append(f"{code}: {key} is missing")
        for key, message in messages.items():
            if not message.string or message.fuzzy:
                found.append(f"{code}: {key} has no translation")
            elif placeholders(message.string) != placeholders(texts["nl"][key].string or ""):
                found.append(f"{code}: {key} has placeholders {sorted(placeholders(message.string))}")
    return found


def test_every_message_is_in_both_languages_with_the_same_placeholders():
    assert KEYWORDS == ["t", "m", "N_"]
    assert problems({code: catalogue(code) for code in LOCALES}) == []


def test_the_check_fails_on_a_removed_translation_and_on_a_changed_placeholder():
    english = catalogue("en")
    english["titel"].string = ""  # removed
    english["ondertitel"].string = english["ondertitel"].string.replace("{jaar}", "{year}")
    del english["kol_kans"]
    assert sorted(problems({"nl": catalogue("nl"), "en": english})) == [
        "en: kol_kans is missing",
        "en: ondertitel has placeholders ['gemaakt', 'kwartaal', 'year']",
        "en: titel has no translation",
    ]


def test_extraction_finds_exactly_the_catalogues_keys():
    with open(PROJECT_ROOT / "babel.cfg") as f:
        method_map, options_map = parse_mapping_cfg(f)
    extracted = {
        message if isinstance(message, str) else message[0]
        for _, _, message, _, _ in extract_from_dir(
            PROJECT_ROOT, method_map, options_map, keywords={**DEFAULT_KEYWORDS, **dict.fromkeys(KEYWORDS)}
        )
    }
    assert extracted == {m.id for m in catalogue("nl") if m.id}
