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
        "Gelezen op {per}. De cijfers in dit warehouse lopen tot en met {datum}: UWV tot en met {kwartaal}, {rijk}, "
        "{sector}.",
        "Read on {per}. The figures in this warehouse run up to {datum}: UWV up to {kwartaal}, {rijk}, {sector}.",
    ),
    "stand_rijk": (
        "de Monitor Banenafspraak Rijk tot en met {kwartaal}",
        "the Monitor Banenafspraak Rijk up to {kwartaal}",
    ),
    "stand_rijk_geen": ("nog geen Monitor Banenafspraak Rijk", "no Monitor Banenafspraak Rijk yet"),
    "stand_sector": (
        "de jaarrapportages van de sectoren tot en met {jaar}",
        "the sector reports up to {jaar}",
    ),
    "stand_sector_geen": ("nog geen jaarrapportage van de sectoren", "no sector report yet"),
    "nog_geen_jaarmeting": (
        "Op {per} is nog geen jaarmeting gepubliceerd; de kwartaalcijfers lopen tot {kwartaal}. Deze vraag wordt op "
        "de jaarmeting beantwoord.",
        "On {per} no jaarmeting is published yet; the quarterly figures run to {kwartaal}. This question is "
        "answered on the jaarmeting.",
    ),
    "stand_jaarmeting": (
        "De laatste gepubliceerde jaarmeting is die over {jaar} (gepubliceerd {datum}).",
        "The last published jaarmeting is that of {jaar} (published {datum}).",
    ),
    "stand_jaarmeting_in_woorden": (
        "De laatste gepubliceerde jaarmeting is die over {jaar} ({datum}), maar de bronnen van dit warehouse geven "
        "er alleen woorden van: “{uitspraak}” ({bron}). De laatste jaarmeting in cijfers is die over {cijfers}.",
        "The last published jaarmeting is that of {jaar} ({datum}), but this warehouse's sources give it only in "
        "words: “{uitspraak}” ({bron}). The last jaarmeting in figures is that of {cijfers}.",
    ),
    "stand_uitspraak": (
        "Verder: “{uitspraak}” ({bron}, {datum}).",
        "Further: “{uitspraak}” ({bron}, {datum}).",
    ),
    "stand_nog_niet": (
        "De jaarmeting over {jaren} is op {per} nog niet gepubliceerd (niet in de bronnen van dit warehouse).",
        "The jaarmeting of {jaren} is not yet published on {per} (not in this warehouse's sources).",
    ),
    "stand_geen_jaarmeting": (
        "Niet gepubliceerd in de bronnen van dit warehouse: de jaarmeting over {jaren}. Voor die jaren is het "
        "officiële cijfer een nowcast: een schatting van de jaarmeting, met een 80%-interval.",
        "Not published in this warehouse's sources: the jaarmeting of {jaren}. For those years the official figure is "
        "a nowcast: an estimate of the jaarmeting, with an 80% interval.",
    ),
    "stand_geen_taakstelling": (
        "Geen taakstelling gepubliceerd voor {jaren}: daar houdt dit rapport de wettelijke eindtaakstelling aan, "
        "100.000 extra banen in de markt en 25.000 bij de overheid (het pad van de overheid bereikte 25.000 in 2023).",
        "No target published for {jaren}: there this report keeps the law's final target, 100,000 extra banen in the "
        "market and 25,000 in government (government's path reached 25,000 in 2023).",
    ),
    "de_overheid": ("de overheid", "government"),
    "de_markt": ("de markt", "the market"),
    "de_totaal": ("het totaal", "the total"),
    "wet_brief": (
        "De wet verandert. De minister van BZK schreef op {datum} ({kenmerk}): “{uitspraak}”.",
        "The law is changing. The minister of BZK wrote on {datum} ({kenmerk}): “{uitspraak}”.",
    ),
    "wet_geldt": (
        "De vernieuwde Wet banenafspraak geldt sinds {ingang} ({bron}). Of er daarna nog aparte taakstellingen voor "
        "markt en overheid gelden, zeggen de bronnen niet; dit rapport zet daarom het totaal van {doel_totaal} "
        "naast de laatste verdeling ({doel_markt} markt, {doel_overheid} overheid). De vergelijking van markt en "
        "overheid met hun taakstellingen (vraag 2) loopt tot en met {laatste_jaar}.",
        "The amended Wet banenafspraak has applied since {ingang} ({bron}). Whether separate targets for market and "
        "government still apply after that, the sources do not say; this report therefore puts the total of "
        "{doel_totaal} beside the last split ({doel_markt} market, {doel_overheid} government). The comparison of "
        "market and government with their targets (question 2) runs to {laatste_jaar}.",
    ),
    "wet_nog_niet": (
        "Tot de wijziging in werking is, gelden de aparte taakstellingen voor markt en overheid, en daarmee deze "
        "vergelijking; de datum van inwerkingtreding stond op {per} niet in de bronnen.",
        "Until the change is in force, the separate targets for market and government, and so this comparison, "
        "apply; the date of entry into force was not in the sources on {per}.",
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
