"""The data docs of the Great Expectations validations. Each key: (Dutch, English)."""

TEXTS: dict[str, tuple[str, str]] = {
    # data docs
    "dd_titel": ("Data docs: validaties van de laatste run", "Data docs: validations of the last run"),
    "dd_sub": (
        "Great Expectations-suites (expectations/*.json) op frames uit warehouse/frames/*.sql. Geschreven "
        "{gemaakt}: {n} validaties, {mislukt} met een mislukte kritieke regel.",
        "Great Expectations suites (expectations/*.json) run on frames built by warehouse/frames/*.sql. Written "
        "{gemaakt}: {n} validations, {mislukt} with a failed critical expectation.",
    ),
    "tegengehouden_kop": ("Tegengehouden door een mislukte controle.", "Held back by a failed check."),
    "tegengehouden_eigen": (
        "marts.{mart} voldoet niet aan een kritieke regel ({regels}): niet opnieuw geëxporteerd, en wat "
        "deze tabel leest is niet opnieuw gebouwd.",
        "marts.{mart} breaks a critical rule ({regels}): not exported again, and what reads this table "
        "was not rebuilt.",
    ),
    "tegengehouden_via": (
        "marts.{mart} leest marts.{via}, dat niet door zijn controle kwam: niet opnieuw gebouwd en niet "
        "opnieuw geëxporteerd.",
        "marts.{mart} reads marts.{via}, which failed its check: neither rebuilt nor exported again.",
    ),
    "tegengehouden_rapport": (
        "Cijfers uit deze tabellen in dit rapport kwamen niet door hun controle of zijn niet bijgewerkt.",
        "Figures from these tables in this report did not pass their check or were not brought up to date.",
    ),
    "dd_oordeel": ("oordeel", "verdict"),
    "dd_wat": ("gevalideerd", "validated"),
    "dd_tijd": ("tijdstip", "time"),
    "dd_rijen": ("rijen", "rows"),
    "dd_regels": ("regels", "expectations"),
    "dd_mislukt_n": ("mislukt", "failed"),
    "dd_mislukt": ("mislukt", "failed"),
    "dd_geslaagd": ("geslaagd", "passed"),
    "dd_waarschuwingen": ("geslaagd, {n} waarschuwing(en)", "passed, {n} warning(s)"),
    "dd_geen_data": ("geen data (0 rijen)", "no data (0 rows)"),
    "dd_tabel": ("de hele tabel", "the whole table"),
    "dd_proef": (
        "proef: de nieuwe leveringen, vóór ze actueel worden",
        "trial: the new deliveries, before they become current",
    ),
    "dd_steekproef": ("steekproef uit het loonextract", "sample of the payroll extract"),
    "dd_alle": ("Alle validaties van de laatste run", "All validations of the last run"),
    "dd_pagina_sub": (
        "Asset {asset}, {rijen} rijen, {wat}, gevalideerd {tijd}. Suite: expectations/{suite}.json.",
        "Asset {asset}, {rijen} rows, {wat}, validated {tijd}. Suite: expectations/{suite}.json.",
    ),
    "dd_resultaat": ("resultaat", "result"),
    "dd_ernst": ("ernst", "severity"),
    "dd_verwachting": ("verwachting", "expectation"),
    "dd_regel": ("regel", "rule"),
    "dd_argumenten": ("argumenten", "arguments"),
    "dd_afwijkend": ("afwijkend", "unexpected"),
    "dd_waarneming": ("waargenomen / rijen", "observed / rows"),
    "dd_ok": ("ok", "pass"),
    "dd_fout": ("FOUT", "FAIL"),
    "dd_fout_waarschuwing": ("FOUT (waarschuwing)", "FAIL (warning)"),
    "critical": ("kritiek", "critical"),
    "warning": ("waarschuwing", "warning"),
    "info": ("info", "info"),
}
