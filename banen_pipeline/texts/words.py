"""Single words: segments, origins, chart words, measures and sources by name. Each key: (Dutch, English)."""

TEXTS: dict[str, tuple[str, str]] = {
    # segments, origins and chart words
    "markt": ("markt", "market"),
    "overheid": ("overheid", "government"),
    "totaal": ("totaal", "total"),
    "gepubliceerd": ("gepubliceerd", "published"),
    "afgeleid": ("afgeleid", "derived"),
    "nowcast": ("nowcast", "nowcast"),
    "geinterpoleerd": ("geïnterpoleerd", "interpolated"),
    "projectie": ("projectie", "projection"),
    "synthetisch_woord": ("synthetisch", "synthetic"),
    "ingevuld": ("ingevuld", "interpolated"),
    "som_sectoren": ("som van de sectorrapportages", "sum of the sector reports"),
    "niet_gepubliceerd": ("niet gepubliceerd", "not published"),
    "stand_data": (
        "Deze rapportage gaat over de cijfers tot en met {datum}: UWV tot en met {kwartaal}, de Monitor "
        "Banenafspraak Rijk tot en met {rijk}, de jaarrapportages van de sectoren tot en met {sector}. De laatste "
        "gepubliceerde jaarmeting is die over {jaarmeting}.",
        "This report covers the figures up to {datum}: UWV up to {kwartaal}, the Monitor Banenafspraak Rijk up to "
        "{rijk}, the sector reports up to {sector}. The last published jaarmeting is that of {jaarmeting}.",
    ),
    "stand_geen_jaarmeting": (
        "Niet gepubliceerd in de bronnen van dit warehouse: de jaarmeting over {jaren}. Voor die jaren is het "
        "officiële cijfer een nowcast: een schatting van de jaarmeting, met een 80%-interval.",
        "Not published in this warehouse's sources: the jaarmeting of {jaren}. For those years the official figure is "
        "a nowcast: an estimate of the jaarmeting, with an 80% interval.",
    ),
    "stand_geen_taakstelling": (
        "Geen taakstelling vastgesteld voor {jaren}: daar is de wettelijke eindtaakstelling aangehouden, 100.000 "
        "extra banen in de markt en 25.000 bij de overheid.",
        "No target set for {jaren}: the law's final target is kept there, 100,000 extra banen in the market and "
        "25,000 in government.",
    ),
    "stand_uitspraak": (
        "Over {jaar} werd gepubliceerd: “{uitspraak}” ({bron}).",
        "Of {jaar} was published: “{uitspraak}” ({bron}).",
    ),
    "wet_onderscheid": (
        "De wet verandert: {uitspraak} (Kamerstuk 36 449; {datum}). Zolang die wijziging niet in werking is, "
        "gelden de aparte taakstellingen voor markt en overheid, en daarmee deze vergelijking. Daarna telt alleen "
        "het totaal van 125.000 extra banen; de datum van inwerkingtreding staat niet in de bronnen.",
        "The law is changing: {uitspraak} (Kamerstuk 36 449; {datum}). Until that change is in force, the separate "
        "targets for market and government, and so this comparison, apply. After that only the total of 125,000 "
        "extra banen counts; the date of entry into force is not in the sources.",
    ),
    "v1_antwoord_zonder_jaarmeting": (
        "De jaarmeting over {jaar} is niet gepubliceerd. Volgens de jaarrapportages van de sectoren had de overheid "
        "eind {jaar} {overheid} van haar {doel_overheid} extra banen ({pct_overheid}); {gehaald} van de 13 "
        "publieke sectoren haalde zijn taakstelling, het verst achter ligt {achterste} ({pct_achterste}). Voor de "
        "markt is er over {jaar} geen officieel cijfer.",
        "The jaarmeting of {jaar} is not published. According to the sector reports, government had {overheid} of "
        "its {doel_overheid} extra banen at the end of {jaar} ({pct_overheid}); {gehaald} of the 13 public sectors "
        "met its target, furthest behind is {achterste} ({pct_achterste}). For the market there is no official "
        "figure for {jaar}.",
    ),
    "as_extra_banen": ("extra banen sinds 31-12-2012", "extra banen since 31-12-2012"),
    "as_banen": ("banen (25,5 uur per week)", "banen (25.5 hours a week)"),
    "as_kwartaal": ("kwartaal (stand aan het eind)", "quarter (as at its end)"),
    "as_jaar": ("jaar (stand op 31 december)", "year (as at 31 December)"),
    "as_verhouding": (
        "extra banen markt per extra baan overheid",
        "extra banen market per extra baan government",
    ),
    "as_aandeel": ("nog aan het werk na 4 kwartalen", "still working 4 quarters later"),
    "gerealiseerd": ("gerealiseerd", "realised"),
    "taakstelling": ("taakstelling", "target"),
    "ambitie": ("ambitie 1:{x}", "ambition 1:{x}"),
    "werkgelegenheid": ("werkgelegenheid 1:{x}", "employment 1:{x}"),
    "doelverhouding": ("in de taakstelling van het jaar", "in the year's target"),
    "jaarmeting": ("jaarmeting", "jaarmeting"),
    "kwartaalschatting_lijn": (
        "kwartaalschatting (SEO-sleutel, niet officieel)",
        "quarterly estimate (SEO key, not official)",
    ),
    "officiele_reeks": ("officiële reeks", "official series"),
    "band80": ("80%-band", "80% band"),
    "band95": ("95%-band", "95% band"),
    "landelijk": ("landelijk", "national"),
    "per_sector": ("per sector, {kwartaal}", "per sector, {kwartaal}"),
    "gedrukt": ("gepubliceerd", "published"),
    "geen": ("geen", "none"),
    # measures and sources by name
    "maat_extra_banen_totaal": ("extra banen, totaal", "extra banen, total"),
    "maat_extra_banen_markt": ("extra banen, markt", "extra banen, market"),
    "maat_extra_banen_overheid": ("extra banen, overheid", "extra banen, government"),
    "maat_extra_banen_inleen": ("extra banen via inleen", "extra banen through inleen"),
    "maat_extra_banen_regulier": ("extra banen in regulier werk", "extra banen in regular work"),
    "maat_extra_banen_regulier_markt": (
        "extra banen in regulier werk, markt",
        "extra banen in regular work, market",
    ),
    "maat_extra_banen_regulier_overheid": (
        "extra banen in regulier werk, overheid",
        "extra banen in regular work, government",
    ),
    "maat_banen_totaal": ("banen, totaal (niet alleen extra)", "banen, total (not only extra)"),
    "maat_doelgroepregister_personen": ("personen in het doelgroepregister", "persons in the register"),
    "maat_doelgroep_personen": ("personen in de doelgroep", "persons in the target group"),
    "maat_werkzame_personen": ("werkzame personen uit de doelgroep", "working persons of the target group"),
    "maat_taakstelling_banen": ("taakstelling", "target"),
    "maat_taakstelling_banen_jaar": ("taakstelling van het jaar", "target of the year"),
    "maat_realisatie_banen": ("gerealiseerd", "realised"),
    "maat_realisatie_pct": ("gerealiseerd, % van de taakstelling", "realised, % of the target"),
    "bron_published_jaarmeting": ("jaarmeting (UWV)", "jaarmeting (UWV)"),
    "bron_published_quarterly": ("kwartaalcijfers (UWV)", "quarterly figures (UWV)"),
    "bron_published_sectors": ("sectoren (BZK, sectorrapportages)", "sectors (BZK, sector reports)"),
    "revisies_bron": (
        "marts.revisies (regiocode NL; per maat het aantal regio's waarvan het cijfer veranderde)",
        "marts.revisies (regiocode NL; per measure the number of regions whose figure changed)",
    ),
}
