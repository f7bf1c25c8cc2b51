"""The page around the sections: title, notes on the data, the headline table. Each key: (Dutch, English)."""

TEXTS: dict[str, tuple[str, str]] = {
    # page
    "titel": ("Banenafspraak: stand van zaken op {per}", "Banenafspraak: where things stand on {per}"),
    "ondertitel": (
        "Extra banen (van 25,5 betaalde uren per week) voor mensen met een arbeidsbeperking, geteld vanaf "
        "de nulmeting van 31-12-2012. Laatste gepubliceerde jaarmeting: {jaar}; laatste kwartaalcijfers in dit "
        "warehouse: {kwartaal}. "
        "Gemaakt {gemaakt}.",
        "Extra jobs (banen of 25.5 paid hours a week) for people with an occupational disability, counted from "
        "the baseline (nulmeting) of 31-12-2012. Last published yearly measurement (jaarmeting): {jaar}; last "
        "quarterly figures in this warehouse: {kwartaal}. Built {gemaakt}.",
    ),
    "synthetisch": (
        "Regionale en sectorale verdelingen zijn synthetisch, landelijke totalen zoals gepubliceerd.",
        "Regional and sectoral splits are synthetic, national totals as published.",
    ),
    "synthetisch_uitleg": (
        "In de voorbeelddata zijn de verdeling over sectoren, over Rijksorganisaties en over regio's en de "
        "microdata verzonnen (passend bij de gepubliceerde totalen). Landelijke kwartaalcijfers zijn zoals UWV ze "
        "publiceerde waar een cijfer gepubliceerd is, en geïnterpoleerd waar dat niet zo is. Waar een cijfer "
        "gepubliceerd is, staat dat voorop en het cijfer van dit warehouse ernaast, met het verschil en de reden. "
        "Een * achter een naam betekent: een synthetische rij. Grafieken met synthetische punten dragen een "
        "gele markering.",
        "In the sample data the split over sectors, over Rijk organisations and over regions, and the microdata, "
        "are made up (consistent with the published totals). National quarterly figures are as UWV published them "
        "where a figure was published, and interpolated elsewhere. Where a figure was published, it comes first and "
        "this warehouse's figure stands beside it, with the difference and its reason. A * after a name marks a "
        "synthetic row. Charts with synthetic points carry a yellow label.",
    ),
    "synthetisch_beeld": ("Synthetische verdeling (voorbeelddata)", "Synthetic split (sample data)"),
    "maat_officieel": (
        "Alle doelen tellen in UWV's jaarmeting, waarin inleen (uitzendwerk en detachering) meetelt bij de "
        "inlenende werkgever. In de kwartaalcijfers is inleen niet over markt en overheid verdeeld; waar dit "
        "rapport ze gebruikt, zegt het dat.",
        "Every target is counted in UWV's yearly measurement (jaarmeting), where agency work and secondment "
        "(inleen) count for the hiring employer. The quarterly figures do not split inleen; where this report "
        "uses them, it says so.",
    ),
    "inhoud": ("Inhoud", "Contents"),
    "bron": ("bron", "source"),
    # headline table
    "kerncijfers": ("Kerncijfers", "Headline figures"),
    "kol_omschrijving": ("wat", "what"),
    "kol_ons": ("volgens dit warehouse", "according to this warehouse"),
    "kol_volgens_ons": ("volgens dit warehouse", "according to this warehouse"),
    "kol_cijfer": ("cijfer", "figure"),
    "bijlage": ("Bijlage: lange tabellen", "Appendix: long tables"),
    "in_bijlage": (
        "De tabel “{titel}” ({n} rijen) staat in de bijlage.",
        "The table “{titel}” ({n} rows) is in the appendix.",
    ),
    "ons_gelijk": ("{ons}, gelijk", "{ons}, equal"),
    "ons_rij": (
        "{realisatie} van {taakstelling} ({pct}), tekort {tekort}, {verandering} t.o.v. {vorig}",
        "{realisatie} of {taakstelling} ({pct}), short {tekort}, {verandering} against {vorig}",
    ),
    "ons_verschil": ("{ons} ({verschil}: {reden})", "{ons} ({verschil}: {reden})"),
    "procentpunt": ("{n} procentpunt", "{n} percentage points"),
    "reden_synthetisch": ("synthetische verdeling in de voorbeelddata", "synthetic split in the sample data"),
    "reden_noemer": (
        "zelfde aantal banen; het gepubliceerde percentage deelt {realisatie} door ongeveer {noemer}, dit "
        "warehouse door de taakstelling van het jaar, {taakstelling}",
        "same number of banen; the published percentage divides {realisatie} by about {noemer}, this warehouse "
        "by the year's target, {taakstelling}",
    ),
    "herkomst_deels": ("gepubliceerd: {welke}; verder {rest}", "published: {welke}; otherwise {rest}"),
    "kol_gepubliceerd": ("gepubliceerd", "published"),
    "gelijk": ("gelijk", "equal"),
    "wijkt_af": ("wijkt af", "differs"),
    "afgeleid_uit": ("afgeleid: {afleiding}", "derived: {afleiding}"),
    "kop_totaal": (
        "Extra banen eind {jaar} (jaarmeting), tegenover de taakstelling van {doel}",
        "Extra banen at the end of {jaar} (jaarmeting), against the target of {doel}",
    ),
    "kop_overheid": (
        "Overheid eind {jaar} (jaarmeting), tegenover de taakstelling van {doel}",
        "Government at the end of {jaar} (jaarmeting), against the target of {doel}",
    ),
    "kop_markt": (
        "Markt eind {jaar} (jaarmeting), tegenover de taakstelling van {doel}",
        "Market at the end of {jaar} (jaarmeting), against the target of {doel}",
    ),
    "kop_verhouding": (
        "Extra banen in de markt per extra baan bij de overheid, {jaar} (jaarmeting)",
        "Extra banen in the market per extra baan in government, {jaar} (jaarmeting)",
    ),
    "kop_kwartaal": (
        "UWV-kwartaalcijfer {kwartaal}: extra banen, alle categorieën (trendrapportage, geen jaarmeting)",
        "UWV quarterly figure {kwartaal}: extra banen, all categories (trend report, not the jaarmeting)",
    ),
    "van_doel": ("{waarde} ({pct} van {doel})", "{waarde} ({pct} of {doel})"),
}
