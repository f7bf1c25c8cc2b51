"""The words and numbers people read (the report, the data docs) in their language: Dutch by default, English as an option.

One table of texts (``TEXTS``: key -> Dutch, English) serves the template, the charts and the data
docs' headings; numbers, percentages and quarters are written as the language writes them (Babel:
85.665 and 46,5% in Dutch, 85,665 and 46.5% in English).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from babel.numbers import format_decimal

LANGUAGES = {"nl": "nl_NL", "en": "en_GB"}
DEFAULT = "nl"

TEXTS: dict[str, tuple[str, str]] = {
    # page
    "titel": ("Banenafspraak: stand van zaken", "Banenafspraak: where things stand"),
    "ondertitel": (
        "Extra banen (van 25,5 betaalde uren per week) voor mensen met een arbeidsbeperking, geteld vanaf "
        "de nulmeting van 31-12-2012. Laatste jaarmeting: {jaar}; laatste kwartaalcijfers: {kwartaal}. "
        "Gemaakt {gemaakt}.",
        "Extra jobs (banen of 25.5 paid hours a week) for people with an occupational disability, counted from "
        "the baseline (nulmeting) of 31-12-2012. Last yearly measurement (jaarmeting): {jaar}; last quarterly "
        "figures: {kwartaal}. Built {gemaakt}.",
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
    "ons_gelijk": ("{ons}, gelijk", "{ons}, equal"),
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
    "kans_herkomst": (
        "niet gepubliceerd: projectie van dit warehouse",
        "not published: this warehouse's projection",
    ),
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
    "kop_kans": (
        "Kans dat de overheid 25.000 extra banen haalt eind 2025 / eind 2026 (projectie van de jaarmeting)",
        "Chance that government reaches 25,000 extra banen by the end of 2025 / 2026 (projection of the jaarmeting)",
    ),
    "van_doel": ("{waarde} ({pct} van {doel})", "{waarde} ({pct} of {doel})"),
    # question 1
    "v1_titel": (
        "1. Hoe staat elke sector ervoor tegenover zijn taakstelling?",
        "1. How does each sector stand against its target?",
    ),
    "v1_antwoord": (
        "Eind {jaar} had de overheid {overheid} van haar {doel_overheid} extra banen ({pct_overheid}) en de markt "
        "{markt} van {doel_markt} ({pct_markt}); {gehaald} van de 13 publieke sectoren haalde zijn taakstelling, "
        "het verst achter ligt {achterste} ({pct_achterste}).",
        "At the end of {jaar} government had {overheid} of its {doel_overheid} extra banen ({pct_overheid}) and "
        "the market {markt} of {doel_markt} ({pct_markt}); {gehaald} of the 13 public sectors met its target, the "
        "furthest behind is {achterste} ({pct_achterste}).",
    ),
    "v1_oordeel": (
        "Oordeel: eind {jaar} had de overheid {pct_overheid} van haar taakstelling ({overheid} van {doel_overheid}, "
        "{tekort} banen te weinig) en de markt {pct_markt} ({markt} van {doel_markt}): {conclusie}.",
        "Verdict: at the end of {jaar} government had {pct_overheid} of its target ({overheid} of {doel_overheid}, "
        "{tekort} banen short) and the market {pct_markt} ({markt} of {doel_markt}): {conclusie}.",
    ),
    "v1_conclusie_geen": ("geen van beide haalde zijn taakstelling", "neither met its target"),
    "v1_conclusie_markt": (
        "de markt haalde haar taakstelling, de overheid niet",
        "the market met its target, government did not",
    ),
    "v1_conclusie_overheid": (
        "de overheid haalde haar taakstelling, de markt niet",
        "government met its target, the market did not",
    ),
    "v1_conclusie_beide": ("beide haalden hun taakstelling", "both met their targets"),
    "v1_oordeel_zonder_jaarmeting": (
        "Oordeel: volgens de jaarrapportages van de sectoren had de overheid eind {jaar} {pct_overheid} van haar "
        "taakstelling ({overheid} van {doel_overheid}, {tekort} banen te weinig); de jaarmeting over {jaar} is niet "
        "gepubliceerd.",
        "Verdict: according to the sector reports government had {pct_overheid} of its target at the end of {jaar} "
        "({overheid} of {doel_overheid}, {tekort} banen short); the jaarmeting of {jaar} is not published.",
    ),
    "v1_tabel": ("Sectoren, overheid en markt in {jaar}", "Sectors, government and market in {jaar}"),
    "kol_sector": ("sector", "sector"),
    "kol_taakstelling": ("taakstelling", "target"),
    "kol_gerealiseerd": ("gerealiseerd", "realised"),
    "kol_pct": ("%", "%"),
    "kol_tekort": ("tekort", "shortfall"),
    "kol_verandering": ("t.o.v. {jaar}", "vs {jaar}"),
    "kol_herkomst": ("herkomst", "origin"),
    "v1_tabel_noot": (
        "Sectoren: jaarrapportages van de 13 publieke sectoren (synthetische verdeling). Overheid en markt: de "
        "jaarmeting. Waar een cijfer gepubliceerd is, staat het gepubliceerde cijfer in de tabel en dat van dit "
        "warehouse in de kolom ernaast; wijken ze af, dan is de rij gemarkeerd.",
        "Sectors: the yearly reports of the 13 public sectors (synthetic split). Government and market: the "
        "jaarmeting. Where a figure was published, the table shows it and this warehouse's figure stands in the "
        "column beside; where they differ, the row is marked.",
    ),
    "fig_sectoren": (
        "Elke sector tegenover zijn taakstelling, per jaar",
        "Each sector against its target, per year",
    ),
    "fig_sectoren_alt": (
        "Kleine grafieken, één per sector plus overheid en markt: de gerealiseerde extra banen per jaar (lijn) "
        "tegenover de taakstelling van dat jaar (stippellijn), {eerste} tot {laatste}.",
        "Small charts, one per sector plus government and market: extra banen realised per year (line) against "
        "that year's target (dashed), {eerste} to {laatste}.",
    ),
    "fig_sectoren_noot": (
        "Stand op 31 december van elk jaar. De verdeling over de 13 sectoren is synthetisch; overheid en markt "
        "zijn de jaarmeting.",
        "As at 31 December of each year. The split over the 13 sectors is synthetic; government and market are "
        "the jaarmeting.",
    ),
    "fig_rijk": (
        "Sector Rijk per kwartaal tegenover de taakstelling van het jaar",
        "Sector Rijk per quarter against the target of the year",
    ),
    "fig_rijk_alt": (
        "Lijngrafiek van de gerealiseerde banen van het Rijk per kwartaal, {eerste} tot {laatste}, met de "
        "taakstelling van elk jaar als trap; gepubliceerde cijfers zijn als punten gemarkeerd en benoemd.",
        "Line chart of the banen realised by the Rijk per quarter, {eerste} to {laatste}, with each year's target "
        "as steps; printed figures are marked as points and labelled.",
    ),
    "fig_rijk_noot": (
        "Monitor Banenafspraak Rijk, laatste versie van elk kwartaal; in de voorbeelddata zijn de kwartalen "
        "zonder gepubliceerd cijfer synthetisch. Ruiten: gepubliceerde cijfers (BZK, Tweede Kamer), met het "
        "cijfer erbij; de tabel eronder zet ze naast die van dit warehouse.",
        "Monitor Banenafspraak Rijk, the latest version of each quarter; in the sample data the quarters without a "
        "published figure are synthetic. Diamonds: published figures (BZK, parliament), labelled; the table below "
        "puts them beside this warehouse's.",
    ),
    "rijk_gepubliceerd_tabel": (
        "Gepubliceerde cijfers van het Rijk, met die van dit warehouse ernaast",
        "Published Rijk figures, with this warehouse's beside them",
    ),
    "kol_kwartaal": ("kwartaal", "quarter"),
    "kol_maat": ("maat", "measure"),
    "rijk_organisaties": ("Rijk per organisatie, {kwartaal}", "Rijk per organisation, {kwartaal}"),
    "kol_organisatie": ("organisatie", "organisation"),
    "rijk_organisaties_noot": (
        "Synthetische verdeling over organisaties (voorbeelddata); Totaal Rijk zoals gepubliceerd waar een cijfer "
        "bestaat.",
        "Synthetic split over organisations (sample data); Totaal Rijk as published where a figure exists.",
    ),
    # question 2
    "v2_titel": (
        "2. Hoe verhoudt de overheid zich tot de markt?",
        "2. How does government compare with the market?",
    ),
    "v2_antwoord": (
        "Volgens de jaarmeting {jaar} staan tegenover elke extra baan bij de overheid {verhouding} extra banen in de "
        "markt ({markt} : {overheid}); de ambitie is 1 : {ambitie}, de werkgelegenheid ongeveer 1 : {werk}.",
        "By the jaarmeting of {jaar}, for every extra baan in government the market has {verhouding} "
        "({markt} : {overheid}); the ambition is 1 : {ambitie}, employment about 1 : {werk}.",
    ),
    "v2_oordeel_achter": (
        "Oordeel: de overheid blijft achter, ook bij haar aandeel in de werkgelegenheid. In {jaar} stonden "
        "tegenover elke extra baan bij de overheid {verhouding} extra banen in de markt, terwijl de werkgelegenheid "
        "ongeveer 1 : {werk} is en de ambitie 1 : {ambitie}. In het eerste jaar, {eerste_jaar}, vroegen de "
        "taakstellingen 1 : {eerste_doel}; het werd 1 : {eerste}.",
        "Verdict: government lags behind, even behind its share of employment. In {jaar} the market had "
        "{verhouding} extra banen for every extra baan in government, while employment is about 1 : {werk} and the "
        "ambition 1 : {ambitie}. In the first year, {eerste_jaar}, the targets asked 1 : {eerste_doel}; it was "
        "1 : {eerste}.",
    ),
    "v2_oordeel_tussen": (
        "Oordeel: de overheid doet meer dan haar aandeel in de werkgelegenheid (1 : {werk}), maar haalt de "
        "ambitie van 1 : {ambitie} niet: in {jaar} stonden tegenover elke extra baan bij de overheid {verhouding} "
        "extra banen in de markt. In het eerste jaar, {eerste_jaar}, vroegen de taakstellingen 1 : {eerste_doel}; "
        "het werd 1 : {eerste}.",
        "Verdict: government does more than its share of employment (1 : {werk}) but misses the ambition of "
        "1 : {ambitie}: in {jaar} the market had {verhouding} extra banen for every extra baan in government. In "
        "the first year, {eerste_jaar}, the targets asked 1 : {eerste_doel}; it was 1 : {eerste}.",
    ),
    "v2_oordeel_ambitie": (
        "Oordeel: de overheid haalt de ambitie van 1 : {ambitie}: in {jaar} stonden tegenover elke extra baan bij "
        "de overheid {verhouding} extra banen in de markt. In het eerste jaar, {eerste_jaar}, vroegen de "
        "taakstellingen 1 : {eerste_doel}; het werd 1 : {eerste}.",
        "Verdict: government meets the ambition of 1 : {ambitie}: in {jaar} the market had {verhouding} extra banen "
        "for every extra baan in government. In the first year, {eerste_jaar}, the targets asked 1 : {eerste_doel}; "
        "it was 1 : {eerste}.",
    ),
    "v2_daling": (
        "In {jaar} daalde het aantal extra banen bij de overheid in de jaarmeting van {van} naar {naar} "
        "({verschil}). In de kwartaalcijfers groeide het reguliere werk bij de overheid dat jaar van {reg_van} naar "
        "{reg_naar}, terwijl inleen (daar niet over markt en overheid verdeeld) daalde van {inl_van} naar "
        "{inl_naar}. Omdat inleen in de jaarmeting meetelt bij de inlenende werkgever, past de daling bij minder "
        "inleen door de overheid.",
        "In {jaar} government's extra banen fell in the jaarmeting from {van} to {naar} ({verschil}). In the "
        "quarterly figures regular work in government grew that year from {reg_van} to {reg_naar}, while inleen "
        "(not split between market and government there) fell from {inl_van} to {inl_naar}. As inleen counts for "
        "the hiring employer in the jaarmeting, the fall fits less inleen by government.",
    ),
    "fig_verhouding": (
        "Markt tegenover overheid, volgens de jaarmeting",
        "Market against government, by the jaarmeting",
    ),
    "fig_verhouding_alt": (
        "Grafiek van de verhouding markt : overheid per jaar volgens de jaarmeting ({eerste} tot {laatste}, van "
        "{van} tot {tot}), met de ambitie 1:{ambitie} en de werkgelegenheid 1:{werk} als lijnen, en dun de "
        "kwartaalschatting.",
        "Chart of the market : government ratio per year by the jaarmeting ({eerste} to {laatste}, from {van} to "
        "{tot}), with the ambition 1:{ambitie} and employment 1:{werk} as lines, and faintly the quarterly estimate.",
    ),
    "fig_verhouding_noot": (
        "Punten: de jaarmeting (open punt: afgeleid uit gepubliceerde cijfers; driehoek: nowcast na de laatste "
        "jaarmeting). Dunne lijn: de kwartaalschatting met inleen verdeeld volgens de SEO-sleutel; dat is niet de "
        "officiële verhouding. Voor 2017 was de overheid in de kwartaalcijfers nog onder de nulmeting.",
        "Points: the jaarmeting (open point: derived from printed figures; triangle: nowcast after the last "
        "jaarmeting). Thin line: the quarterly estimate with inleen split by SEO's key; that is not the official "
        "ratio. Before 2017 government was still below the baseline in the quarterly figures.",
    ),
    "verhouding_tabel": ("De officiële verhouding per jaar", "The official ratio per year"),
    "verhouding_tabel_noot": (
        "Markt en overheid: extra banen volgens de jaarmeting. In de taakstelling: de taakstelling van de markt "
        "gedeeld door die van de overheid in dat jaar. Kwartaalschatting: dezelfde verhouding uit de "
        "kwartaalcijfers van het vierde kwartaal, met inleen verdeeld volgens de SEO-sleutel; dat is niet de "
        "officiële verhouding.",
        "Market and government: extra banen by the jaarmeting. In the target: the market's target divided by "
        "government's in that year. Quarterly estimate: the same ratio from the fourth quarter's quarterly "
        "figures, with inleen split by SEO's key; that is not the official ratio.",
    ),
    "kol_periode": ("periode", "period"),
    "kol_markt": ("markt", "market"),
    "kol_overheid": ("overheid", "government"),
    "kol_verhouding": ("markt per overheid", "market per government"),
    "kol_doelverhouding": ("in de taakstelling", "in the target"),
    "kol_schatting": ("kwartaalschatting", "quarterly estimate"),
    # question 3
    "v3_titel": (
        "3. Is 25.000 extra banen bij de overheid haalbaar in 2025–2026?",
        "3. Can government reach 25,000 extra banen in 2025–2026?",
    ),
    "v3_antwoord": (
        "Als schatting van de jaarmeting projecteren we de overheid eind 2025 op {verwacht} extra banen (80%-band "
        "{laag} tot {hoog}); de kans dat 25.000 gehaald wordt is {kans_2025} eind 2025 en {kans_2026} eind 2026.",
        "As an estimate of the jaarmeting we project government at {verwacht} extra banen at the end of 2025 (80% "
        "band {laag} to {hoog}); the chance of reaching 25,000 is {kans_2025} by the end of 2025 and {kans_2026} by "
        "the end of 2026.",
    ),
    "v3_antwoord_gemeten": (
        "Eind {jaar} stond de overheid op {waarde} extra banen ({wat}), tegen de taakstelling van {doel}: {oordeel}.",
        "At the end of {jaar} government stood at {waarde} extra banen ({wat}), against the target of {doel}: "
        "{oordeel}.",
    ),
    "v3_nowcast": (
        "een nowcast, 80%-interval {laag} tot {hoog}; de jaarmeting over {jaar} is niet gepubliceerd",
        "a nowcast, 80% interval {laag} to {hoog}; the jaarmeting of {jaar} is not published",
    ),
    "v3_jaarmeting": ("de jaarmeting", "the jaarmeting"),
    "v3_gehaald": ("gehaald", "met"),
    "v3_niet_gehaald": ("niet gehaald, {tekort} banen te weinig", "not met, {tekort} banen short"),
    "v3_waarschijnlijk_niet": (
        "waarschijnlijk niet gehaald (ook de bovengrens van het 80%-interval ligt {tekort} banen onder de taakstelling)",
        "probably not met (even the upper bound of the 80% interval is {tekort} banen below the target)",
    ),
    "v3_kort_niet": ("niet gehaald", "not met"),
    "v3_kort_waarschijnlijk": ("waarschijnlijk niet gehaald", "probably not met"),
    "v3_kort_onzeker": ("onzeker", "uncertain"),
    "v3_voorbij": ("voorbij: {oordeel}", "over: {oordeel}"),
    "v3_onzeker": (
        "onzeker: de taakstelling ligt binnen het interval",
        "uncertain: the target lies inside the interval",
    ),
    "kans_voorbehoud": ("{kans}, maar de banden bleken te smal", "{kans}, but the bands proved too narrow"),
    "banden_tekort": (
        "Let op: de 80%-banden voor de {segment} hielden in het verleden niet. Een tot vier kwartalen vooruit viel "
        "de uitkomst in {laag} tot {hoog} van de gevallen binnen de band, niet in 80%, en de projecties zaten "
        "gemiddeld {bias} banen te {richting}. De onzekerheid is dus groter dan de banden laten zien, en elke kans "
        "voor de {segment} in dit rapport is minder zeker dan het getal zegt.",
        "Note: the 80% bands for {segment} did not hold in the past. One to four quarters ahead the outcome fell "
        "inside the band in {laag} to {hoog} of cases, not 80%, and the projections were {bias} banen too {richting} "
        "on average. The uncertainty is larger than the bands show, and every chance for {segment} in this report "
        "is less certain than its figure says.",
    ),
    "v3_voorbehoud": (
        "Maar de banden van de overheid bleken in het verleden te smal: die kansen zijn minder zeker dan ze lijken.",
        "But government's bands proved too narrow in the past: those chances are less certain than they look.",
    ),
    "te_hoog": ("hoog", "high"),
    "te_laag": ("laag", "low"),
    "v3_oordeel": (
        "Oordeel: voor {doel} zijn bij de overheid nog {nodig} extra banen nodig (stand eind {jaar}: {stand}, "
        "{herkomst}). Het tempo sinds {eerste} is gemiddeld {tempo} extra banen per jaar; bij dat tempo wordt "
        "{doel} pas rond {wanneer} gehaald.",
        "Verdict: for {doel} government still needs {nodig} extra banen (end of {jaar}: {stand}, {herkomst}). The "
        "pace since {eerste} is {tempo} extra banen a year on average; at that pace {doel} is reached only around "
        "{wanneer}.",
    ),
    "v3_oordeel_geen_groei": (
        "Oordeel: voor {doel} zijn bij de overheid nog {nodig} extra banen nodig (stand eind {jaar}: {stand}, "
        "{herkomst}); sinds {eerste} is het aantal niet gegroeid ({tempo} per jaar).",
        "Verdict: for {doel} government still needs {nodig} extra banen (end of {jaar}: {stand}, {herkomst}); since "
        "{eerste} the number has not grown ({tempo} a year).",
    ),
    "v3_oordeel_gehaald": (
        "Oordeel: de overheid heeft de {doel} gehaald (stand eind {jaar}: {stand}, {herkomst}).",
        "Verdict: government has reached {doel} (end of {jaar}: {stand}, {herkomst}).",
    ),
    "uitkomst_tabel": (
        "Uitkomst tegenover onze projectie van een jaar eerder",
        "Outcome against our projection made a year before",
    ),
    "uitkomst_uitleg": (
        "Elk jaar waarvan de jaarmeting gepubliceerd is, toetst de projecties op echte cijfers: de tabel zet de "
        "jaarmeting naast wat de gekozen methode een jaar eerder voorspelde, met alleen de gegevens van toen. "
        "Van de {n} jaren van de overheid lag de uitkomst {binnen} keer binnen de 80%-band{laatste}.",
        "Every year whose jaarmeting is published tests the projections on real figures: the table puts the "
        "jaarmeting beside what the chosen method projected a year before, from the data of that time only. Of "
        "government's {n} years, the outcome fell inside the 80% band {binnen} times{laatste}.",
    ),
    "uitkomst_laatste": (
        "; in {jaar} lag de jaarmeting ({uitkomst}) {waar} de band van {laag} tot {hoog}",
        "; in {jaar} the jaarmeting ({uitkomst}) fell {waar} the band of {laag} to {hoog}",
    ),
    "binnen": ("binnen", "inside"),
    "buiten": ("buiten", "outside"),
    "kol_projectie_vanaf": ("projectie vanaf", "projected from"),
    "kol_uitkomst": ("jaarmeting", "jaarmeting"),
    "kol_binnen_band": ("binnen de band", "inside the band"),
    "eigen_band": ("eigen band", "own band"),
    "ja": ("ja", "yes"),
    "nee": ("nee", "no"),
    "fig_projectie": (
        "Projecties van de jaarmeting tot en met {tot}",
        "Projections of the jaarmeting up to {tot}",
    ),
    "fig_projectie_alt": (
        "Drie grafieken (markt, overheid, totaal): de officiële reeks per kwartaal tot {laatste}, de projectie tot en met "
        "{tot} met een 80%-band en een bredere 95%-band, en de taakstelling.",
        "Three charts (market, government, total): the official series per quarter to {laatste}, the projection "
        "up to {tot} with an 80% band and a wider 95% band, and the target.",
    ),
    "fig_projectie_noot": (
        "Reeks: de jaarmeting op elk vierde kwartaal (punten), ertussen de kwartaalcijfers met een correctie die "
        "lineair van het ene jaarverschil naar het volgende loopt. Donkere band: 80%; lichte band met stippelrand: "
        "95%. Methode per segment: {methoden}.",
        "Series: the jaarmeting at each fourth quarter (points), in between the quarterly figures with a correction "
        "moving linearly from one year's difference to the next. Dark band: 80%; light band with dotted edge: 95%. "
        "Method per segment: {methoden}.",
    ),
    "projectie_tabel": ("Projectie en kans op het doel", "Projection and chance of the target"),
    "kol_segment": ("segment", "segment"),
    "kol_verwacht": ("verwacht", "expected"),
    "kol_band80": ("80%-band", "80% band"),
    "kol_band95": ("95%-band", "95% band"),
    "kol_doel": ("doel", "target"),
    "kol_kans": ("kans op het doel", "chance of the target"),
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
        "De laatste kwartaalcijfers vallen in het jaar van de laatste jaarmeting: er is niets te schatten.",
        "The last quarterly figures fall in the year of the last jaarmeting: there is nothing to estimate.",
    ),
    "nowcast_wel": (
        "Na de laatste jaarmeting ({jaar}) schatten we de jaarmeting per kwartaal: {nowcasts}.",
        "After the last jaarmeting ({jaar}) we estimate it per quarter: {nowcasts}.",
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
    "duurzaam_geen": (
        "Er is geen loonextract in de landingsmap: geen cijfers over duurzaamheid.",
        "There is no payroll extract in the landing folder: no figures on durability.",
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
    # data docs
    "dd_titel": ("Data docs: validaties van de laatste run", "Data docs: validations of the last run"),
    "dd_sub": (
        "Great Expectations-suites (expectations/*.json) op frames uit warehouse/frames/*.sql. Geschreven "
        "{gemaakt}: {n} validaties, {mislukt} met een mislukte kritieke regel.",
        "Great Expectations suites (expectations/*.json) run on frames built by warehouse/frames/*.sql. Written "
        "{gemaakt}: {n} validations, {mislukt} with a failed critical expectation.",
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


ORIGINS = {
    "gepubliceerd": "gepubliceerd",
    "afgeleid": "afgeleid",
    "nowcast": "nowcast",
    "geinterpoleerd": "geinterpoleerd",
    "projectie": "projectie",
    "synthetisch": "synthetisch_woord",
    "ingevuld": "ingevuld",
    "som_sectoren": "som_sectoren",
}
"""The herkomst values and the text of each."""


def quarter_parts(quarter: str) -> tuple[int, int]:
    return int(quarter[:4]), int(quarter[-1])


@dataclass(frozen=True)
class Language:
    """Texts and numbers in one language (``nl`` or ``en``)."""

    code: str = DEFAULT

    def __post_init__(self) -> None:
        if self.code not in LANGUAGES:
            raise ValueError(f"no report language {self.code!r}: choose from {', '.join(LANGUAGES)}")

    def t(self, key: str, **values) -> str:
        text = TEXTS[key][list(LANGUAGES).index(self.code)]
        return text.format(**values) if values else text

    @property
    def locale(self) -> str:
        return LANGUAGES[self.code]

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
        return f"{', '.join(words[:-1])} {'en' if self.code == 'nl' else 'and'} {words[-1]}"

    def quarter(self, quarter: str) -> str:
        """2023Q4 -> '4e kwartaal 2023' / 'Q4 2023'."""
        year, q = quarter_parts(quarter)
        return f"{q}e kwartaal {year}" if self.code == "nl" else f"Q{q} {year}"

    def quarter_tick(self, quarter: str) -> str:
        """2023Q4 -> 'K4 2023' / 'Q4 2023': a tick that cannot be read as 1 January."""
        year, q = quarter_parts(quarter)
        return f"{'K' if self.code == 'nl' else 'Q'}{q} {year}"

    def chance(self, p: float | None) -> str:
        """A probability in words a minister can repeat."""
        if p is None:
            return "–"
        if p < 0.01:
            return "kleiner dan 1%" if self.code == "nl" else "below 1%"
        if p > 0.99:
            return "groter dan 99%" if self.code == "nl" else "above 99%"
        return ("ongeveer " if self.code == "nl" else "about ") + self.share(p)

    def method(self, code: str) -> str:
        """A projection method's code (ols_trend_kwartaal) in words."""
        return self.t(f"methode_{code}") if f"methode_{code}" in TEXTS else code

    def measure(self, maat: str) -> str:
        """A measure's column name (extra_banen_markt; Politie.realisatie_pct) in words."""
        sector, _, name = maat.rpartition(".")
        words = self.t(f"maat_{name}") if f"maat_{name}" in TEXTS else name.replace("_", " ")
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
