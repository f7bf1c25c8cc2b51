"""How far the figures can be trusted: nowcasts, durability, revisions, regions, printed figures beside ours. Each key: (Dutch, English)."""

TEXTS: dict[str, tuple[str, str]] = {
    # trust
    "vertrouwen_titel": ("Hoe betrouwbaar zijn deze cijfers?", "How far can these figures be trusted?"),
    "nowcast_uitleg": (
        "Voor elk jaar sinds {eerste} hebben we de jaarmeting geschat uit de kwartaalcijfers zoals die er waren "
        "vóór de jaarmeting verscheen, en vergeleken. Zo'n schatting zat er gemiddeld {mae_overheid} banen naast "
        "voor de overheid, {mae_markt} voor de markt en {mae_totaal} voor het totaal. {binnen} van de {n} "
        "80%-intervallen bevatten de jaarmeting.",
        "For every year since {eerste} we estimated the jaarmeting from the quarterly figures as they were before "
        "it came out, and compared. Such an estimate was off by {mae_overheid} banen on average for government, "
        "{mae_markt} for the market and {mae_totaal} for the total. {binnen} of the {n} 80% intervals held the "
        "jaarmeting.",
    ),
    "nowcast_geen": (
        "Na de laatste jaarmeting in cijfers zijn er geen kwartaalcijfers, of er is nog geen jaarmeting: er is "
        "niets te schatten.",
        "There are no quarterly figures after the last jaarmeting in figures, or there is no jaarmeting yet: there is "
        "nothing to estimate.",
    ),
    "nowcast_wel": (
        "Na de laatste jaarmeting in cijfers (over {jaar}) schatten we de jaarmeting per kwartaal: {nowcasts}.",
        "After the last jaarmeting in figures (of {jaar}) we estimate it per quarter: {nowcasts}.",
    ),
    "banden_uitleg": (
        "De banden zijn zo breed als de fouten die de methode in het verleden maakte, op elk moment gemeten met "
        "alleen de fouten die toen bekend waren. Daarna is geteld hoe vaak de werkelijke waarde binnen de band viel. "
        "Een kwartaal vooruit viel die voor de overheid in {overheid_80} van de gevallen binnen de 80%-band "
        "({overheid_n} gevallen, ± {overheid_se} punten), voor de markt in {markt_80} ({markt_n}, ± {markt_se}). "
        "Verder vooruit zijn er minder gevallen en is het cijfer onzekerder. {oordeel}",
        "The bands are as wide as the errors the method made in the past, each time using only the errors known "
        "then. We then counted how often the outcome fell inside. One quarter ahead, for government it fell inside "
        "the 80% band {overheid_80} of the time ({overheid_n} cases, ± {overheid_se} points), for the market "
        "{markt_80} ({markt_n}, ± {markt_se}). Further ahead there are fewer cases and the figure is less certain. "
        "{oordeel}",
    ),
    "banden_te_smal": (
        "Voor de overheid waren de banden dus te smal: de daling in 2022 verraste elke projectie. Lees de band "
        "voor de overheid als ondergrens van de onzekerheid.",
        "For government the bands were too narrow: the fall in 2022 surprised every projection. Read the "
        "government band as a lower bound on the uncertainty.",
    ),
    "banden_ok": (
        "De banden hielden ongeveer hun niveau.",
        "The bands held about their level.",
    ),
    "kalibratie_tabel": (
        "Hoe vaak de uitkomst binnen de band viel, per segment en kwartalen vooruit",
        "How often the outcome fell inside the band, per segment and quarters ahead",
    ),
    "kol_vooruit": ("kwartalen vooruit", "quarters ahead"),
    "kol_n": ("gevallen", "cases"),
    "kol_binnen80": ("binnen 80%-band", "inside 80% band"),
    "kol_binnen95": ("binnen 95%-band", "inside 95% band"),
    "te_weinig": ("te weinig", "too few"),
    "methoden_uitleg": (
        "Per segment kiest een vooraf vastgelegde regel de methode met de laagste som van fout en scheefheid. De "
        "fout (MASE) is de gemiddelde afwijking van de projectie, gedeeld door de gemiddelde verandering van "
        "kwartaal op kwartaal: onder 1 is beter dan aannemen dat het volgende kwartaal gelijk is aan dit. De "
        "scheefheid is de gemiddelde afwijking met teken, op dezelfde schaal: een methode die stelselmatig te hoog "
        "of te laag zit, verliest.",
        "Per segment a rule fixed in advance picks the method with the lowest sum of error and bias. The error "
        "(MASE) is the projection's mean deviation divided by the mean change from quarter to quarter: below 1 "
        "beats assuming the next quarter equals this one. The bias is the mean signed deviation on the same scale: "
        "a method that is systematically too high or too low loses.",
    ),
    "methoden_tabel": ("Scheefheid en fout per methode", "Bias and error per method"),
    "kol_methode": ("methode", "method"),
    "kol_mase": ("fout (MASE)", "error (MASE)"),
    "methode_ols_trend_kwartaal": ("lineaire trend met kwartaaleffect", "linear trend with quarter effects"),
    "methode_ets_gedempt": ("exponentiële afvlakking, gedempte trend", "exponential smoothing, damped trend"),
    "methode_lokaal_lineair": ("lokaal lineaire trend", "local linear trend"),
    "kol_scheef": ("scheefheid", "bias"),
    "kol_score": ("score", "score"),
    "kol_gekozen": ("gekozen", "chosen"),
    "nowcast_tabel": ("De jaarmeting geschat en gemeten", "The jaarmeting estimated and measured"),
    "kol_jaar": ("jaar", "year"),
    "kol_schatting_vooraf": ("geschat vooraf", "estimated before"),
    "kol_jaarmeting": ("jaarmeting", "jaarmeting"),
    "kol_fout": ("fout", "error"),
    "kol_interval": ("80%-interval", "80% interval"),
    # durability
    "duurzaam_titel": (
        "Duurzaamheid: werken mensen een jaar later nog?",
        "Durability: are people still working a year later?",
    ),
    "duurzaam_antwoord": (
        "In de synthetische microdata van de voorbeelddata werkte van wie in het {kwartaal} een baan had een jaar "
        "later {aandeel} nog ({zelfde} bij dezelfde werkgever); dat beschrijft de generator, geen echte loopbanen.",
        "In the sample data's synthetic microdata, of those with a job in {kwartaal}, {aandeel} were still working a "
        "year later ({zelfde} with the same employer); that describes the generator, not real careers.",
    ),
    "extract_gelijk": (
        "Het loonextract reproduceert de geleverde cijfers van UWV in alle {n} cellen (kwartaal, regio en "
        "categorie, zonder de onderdrukte) binnen 1 baan.",
        "The payroll extract reproduces UWV's delivered figures within 1 baan in all {n} cells (quarter, region "
        "and category, the suppressed ones left out).",
    ),
    "extract_verschil": (
        "Het loonextract reproduceert de geleverde cijfers van UWV in {gelijk} van de {n} cellen binnen 1 baan; "
        "in {verschil} niet (tabel), zoals na een herlevering van UWV die het extract niet volgt. Daar geldt de "
        "levering van UWV: het verschil wordt getoond en houdt niets tegen.",
        "The payroll extract reproduces UWV's delivered figures within 1 baan in {gelijk} of the {n} cells; in "
        "{verschil} it does not (table), as after a revision by UWV the extract does not follow. There UWV's "
        "delivery holds: the difference is shown and holds nothing back.",
    ),
    "extract_verschil_tabel": (
        "Waar het loonextract afwijkt van de levering van UWV",
        "Where the payroll extract differs from UWV's delivery",
    ),
    "kol_extract": ("uit het loonextract", "from the payroll extract"),
    "kol_geleverd": ("geleverd door UWV", "delivered by UWV"),
    "kol_afwijking": ("afwijking", "difference"),
    "duurzaam_geen": (
        "Er is geen loonextract met een kwartaal dat een jaar later nog te volgen is: geen cijfers over "
        "duurzaamheid.",
        "There is no payroll extract with a quarter that can be followed a year later: no figures on durability.",
    ),
    "duurzaam_uitleg": (
        "Uit een loonextract (per persoon, werkgever en kwartaal) tellen we wie vier kwartalen later nog betaalde "
        "uren heeft. Onderdrukking: een cel met minder dan 10 personen wordt niet getoond. Het voorbeeldextract is "
        "synthetisch: deze aandelen beschrijven de aannames van de generator, niet echte loopbanen.",
        "From a payroll extract (per person, employer and quarter) we count who still has paid hours four "
        "quarters later. Suppression: a cell of fewer than 10 persons is not shown. The sample extract is "
        "synthetic: these shares describe the generator's assumptions, not real careers.",
    ),
    "fig_duurzaam": ("Nog aan het werk na vier kwartalen", "Still working four quarters later"),
    "fig_duurzaam_alt": (
        "Links een lijn van het aandeel dat na vier kwartalen nog werkt, per kwartaal {eerste} tot {laatste}; "
        "rechts een staafdiagram per sector voor {kwartaal}.",
        "Left a line of the share still working four quarters later, per quarter {eerste} to {laatste}; right a "
        "bar chart per sector for {kwartaal}.",
    ),
    "nog_aan_het_werk": ("nog aan het werk", "still working"),
    "zelfde_werkgever": ("bij dezelfde werkgever", "with the same employer"),
    "onderdrukt": ("onderdrukt (< 10 personen)", "suppressed (< 10 persons)"),
    # revisions
    "revisies_titel": ("Revisies: wat herleveringen veranderden", "Revisions: what re-deliveries changed"),
    "revisies_antwoord": (
        "{n} kwartaal is opnieuw geleverd; het landelijk totaal veranderde daarbij met {verschil}.",
        "{n} quarter was delivered again; the national total changed by {verschil}.",
    ),
    "revisies_meer": (
        "{n} kwartalen zijn opnieuw geleverd; het grootste verschil in het landelijk totaal was {verschil}.",
        "{n} quarters were delivered again; the largest change in the national total was {verschil}.",
    ),
    "revisies_geen": ("Geen kwartaal is opnieuw geleverd.", "No quarter was delivered again."),
    "kol_oud": ("oud", "old"),
    "kol_nieuw": ("nieuw", "new"),
    "kol_verschil": ("verschil", "change"),
    "kol_bestanden": ("versies", "versions"),
    "kol_regios": ("regio's gewijzigd", "regions changed"),
    # regions
    "regios_titel": ("Regio's", "Regions"),
    "fig_regios": ("Regio's per kwartaal", "Regions per quarter"),
    "regios_antwoord": (
        "In het {kwartaal} had {hoogste} de meeste extra banen per 100 mensen in het doelgroepregister ({hoog}), "
        "{laagste} de minste ({laag}); de verdeling over regio's is synthetisch.",
        "In {kwartaal}, {hoogste} had the most extra banen per 100 people in the register ({hoog}), {laagste} the "
        "fewest ({laag}); the split over regions is synthetic.",
    ),
    "fig_regios_alt": (
        "Warmtekaart van de 35 arbeidsmarktregio's (rijen) en de kwartalen {eerste} tot {laatste} (kolommen): "
        "extra banen per 100 personen in het doelgroepregister.",
        "Heat map of the 35 labour-market regions (rows) and the quarters {eerste} to {laatste} (columns): extra "
        "banen per 100 persons in the register.",
    ),
    "fig_regios_noot": (
        "Extra banen per 100 personen in het doelgroepregister, per arbeidsmarktregio en kwartaal; de verdeling "
        "over regio's is synthetisch, het landelijk totaal zoals gepubliceerd.",
        "Extra banen per 100 persons in the register, per labour-market region and quarter; the split over regions "
        "is synthetic, the national total as published.",
    ),
    "regios_tabel": ("De 35 regio's, {kwartaal}", "The 35 regions, {kwartaal}"),
    "kol_regio": ("arbeidsmarktregio", "labour-market region"),
    "kol_extra": ("extra banen", "extra banen"),
    "kol_jaarverandering": ("t.o.v. een jaar eerder", "vs a year earlier"),
    "kol_per100": ("per 100 in het register", "per 100 in the register"),
    "regios_noot": (
        "Het verschil van een enkele baan tussen de som van de regio's en het landelijk cijfer komt doordat UWV elk "
        "cijfer apart afrondt.",
        "A difference of a single baan between the sum of the regions and the national figure comes from UWV "
        "rounding every figure on its own.",
    ),
    # published beside ours
    "gepubliceerd_titel": ("Gepubliceerde cijfers naast de onze", "Published figures beside ours"),
    "gepubliceerd_antwoord": (
        "Van {n} gepubliceerde cijfers reproduceren we er {gelijk} binnen de afronding; {verschil} wijken af en {geen} "
        "kunnen we niet berekenen. Bij de jaarmeting staat de kwartaalschatting apart: die wijkt elk jaar af.",
        "Of {n} published figures we reproduce {gelijk} within rounding; {verschil} differ and {geen} we cannot "
        "compute. For the jaarmeting the quarterly estimate stands apart: it differs every year.",
    ),
    "kol_bron": ("bron", "source"),
    "kol_status": ("status", "status"),
    "niet_beschikbaar": ("niet beschikbaar", "not available"),
    "voet": (
        "Bronnen: UWV-trendrapportages en dashboardexports, de Monitor Banenafspraak Rijk, de jaarrapportages van "
        "de publieke sectoren, en de gepubliceerde doelen en jaarmetingen met hun vindplaats. Onder elke tabel en "
        "grafiek staat de tabel in het warehouse waar de cijfers uit komen.",
        "Sources: UWV trend reports and dashboard exports, the Monitor Banenafspraak Rijk, the yearly reports of the "
        "public sectors, and the published targets and jaarmetingen with where they were found. Under each table "
        "and chart stands the warehouse table its figures come from.",
    ),
    "voet_bron": (
        "staging.uwv_kwartaal, staging.rijk_monitor, staging.sector_rapportage, referentie.*",
        "staging.uwv_kwartaal, staging.rijk_monitor, staging.sector_rapportage, referentie.*",
    ),
}
