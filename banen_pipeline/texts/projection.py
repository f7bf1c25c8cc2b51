"""Question 3: whether 25,000 is reachable; projections, chances and scenarios. Each key: (Dutch, English)."""

TEXTS: dict[str, tuple[str, str]] = {
    # question 3
    "v3_titel": (
        "3. Is 25.000 extra banen bij de overheid haalbaar in 2025–2026?",
        "3. Can government reach 25,000 extra banen in 2025–2026?",
    ),
    "v3_gehaald": ("gehaald", "met"),
    "v3_niet_gehaald": ("niet gehaald, {tekort} banen te weinig", "not met, {tekort} banen short"),
    "v3_waarschijnlijk_niet": (
        "waarschijnlijk niet gehaald (ook de bovengrens van het 80%-interval ligt {tekort} banen onder de taakstelling)",
        "probably not met (even the upper bound of the 80% interval is {tekort} banen below the target)",
    ),
    "v3_kort_niet": ("niet gehaald", "not met"),
    "v3_kort_waarschijnlijk": ("waarschijnlijk niet gehaald", "probably not met"),
    "v3_kort_onzeker": ("onzeker", "uncertain"),
    "v3_onzeker": (
        "onzeker: de taakstelling ligt binnen het interval",
        "uncertain: the target lies inside the interval",
    ),
    "v3_jaar_gemeten": (
        "Eind {jaar} had {segment} {waarde} extra banen volgens de jaarmeting (gepubliceerd {datum}), tegen de "
        "taakstelling van {doel}: {oordeel}.",
        "At the end of {jaar} {segment} had {waarde} extra banen according to the jaarmeting (published {datum}), "
        "against the target of {doel}: {oordeel}.",
    ),
    "v3_kort_gemeten": ("{waarde}: {oordeel} (jaarmeting)", "{waarde}: {oordeel} (jaarmeting)"),
    "v3_jaar_in_woorden": (
        "De jaarmeting over {jaar} is gepubliceerd, maar de bronnen geven er alleen woorden van, geen aantal voor "
        "{segment}: “{uitspraak}” ({bron}, {datum}).",
        "The jaarmeting of {jaar} is published, but the sources give it only in words, with no number for "
        "{segment}: “{uitspraak}” ({bron}, {datum}).",
    ),
    "v3_kort_in_woorden": ("gepubliceerd in woorden: “{uitspraak}”", "published in words: “{uitspraak}”"),
    "v3_jaar_nowcast": (
        "De jaarmeting over {jaar} is nog niet gepubliceerd. Uit de kwartaalcijfers schatten we {segment} eind "
        "{jaar} op {waarde} extra banen (nowcast, 80%-interval {laag} tot {hoog}; in {n} eerdere jaren zat zo'n "
        "schatting er gemiddeld {fout} naast), tegen de taakstelling van {doel}: {oordeel}.",
        "The jaarmeting of {jaar} is not yet published. From the quarterly figures we estimate {segment} at "
        "{waarde} extra banen at the end of {jaar} (nowcast, 80% interval {laag} to {hoog}; in {n} earlier years "
        "such an estimate was {fout} off on average), against the target of {doel}: {oordeel}.",
    ),
    "v3_kort_nowcast": (
        "nog niet gepubliceerd; geschat {waarde} (nowcast): {oordeel}",
        "not yet published; estimated {waarde} (nowcast): {oordeel}",
    ),
    "v3_naast_sectoren": (
        "De jaarrapportages van de sectoren tellen voor eind {jaar} samen {som} (vraag 1): een andere telling dan de "
        "jaarmeting, want elke sector telt zijn eigen werkgevers, terwijl de jaarmeting inleen bij de inlenende "
        "werkgever telt; in de voorbeelddata is de verdeling over sectoren bovendien synthetisch. Tot de jaarmeting "
        "verschijnt, staan beide cijfers naast elkaar; de taakstelling wordt op de jaarmeting afgerekend.",
        "The sectors' yearly reports together count {som} at the end of {jaar} (question 1): another count than the "
        "jaarmeting, since each sector counts its own employers while the jaarmeting counts agency work for the "
        "hiring employer; in the sample data the split over sectors is synthetic as well. Until the jaarmeting "
        "appears, both figures stand side by side; the target is judged on the jaarmeting.",
    ),
    "v3_waarschijnlijk_gehaald": ("waarschijnlijk gehaald", "probably met"),
    "v3_nog_niet_gepubliceerd": (
        "De jaarmeting over {jaar} is nog niet gepubliceerd; de gegevens lopen tot {kwartaal}.",
        "The jaarmeting of {jaar} is not yet published; the data run to {kwartaal}.",
    ),
    "v3_jaar_kans": (
        "Voor eind {jaar} verwachten we {segment} op {verwacht} extra banen (80%-band {laag} tot {hoog}; "
        "{horizon} kwartalen vooruit lag de uitkomst in {dekking} van {n} toetsen binnen de band); de kans op {doel} "
        "is {kans}.",
        "For the end of {jaar} we expect {segment} at {verwacht} extra banen (80% band {laag} to {hoog}; {horizon} "
        "quarters ahead the outcome fell inside the band in {dekking} of {n} tests); the chance of {doel} is {kans}.",
    ),
    "v3_kort_kans": ("kans {kans} (projectie)", "chance {kans} (projection)"),
    "v3_geen_kans_niet_getoetst": (
        "een kans noemen we niet, want {horizon} kwartalen vooruit zijn de banden nooit getoetst (de toets reikt "
        "tot {verste} kwartalen)",
        "we give no chance, because the bands were never tested {horizon} quarters ahead (the test reaches "
        "{verste} quarters)",
    ),
    "v3_geen_kans_hield_niet": (
        "een kans noemen we niet, want {horizon} kwartalen vooruit lag de uitkomst maar in {dekking} van {n} toetsen "
        "binnen de 80%-band",
        "we give no chance, because {horizon} quarters ahead the outcome fell inside the 80% band in only "
        "{dekking} of {n} tests",
    ),
    "v3_vanaf_jaarmeting": ("de jaarmeting over {jaar} ({basis})", "the jaarmeting of {jaar} ({basis})"),
    "v3_vanaf_nowcast": (
        "onze nowcast voor eind {jaar} ({basis})",
        "our nowcast for the end of {jaar} ({basis})",
    ),
    "v3_jaar_scenario": (
        "Eind {jaar} is een projectie, geen meting. Vanaf {vanaf} komt "
        "{segment} bij het gemiddelde tempo sinds {eerste} ({tempo} per jaar) eind {jaar} naar verwachting op "
        "ongeveer {tempo_stand}, en zelfs met de grootste jaarlijkse groei tot nu toe ({beste}, {beste_van}–"
        "{beste_tot}) op ongeveer {beste_stand}, tegen een doel van {doel}; daarvoor is {nodig} per jaar nodig. "
        "Daarbij: {reden}.",
        "The end of {jaar} is a projection, not a measurement. From {vanaf}, "
        "{segment} would reach about {tempo_stand} by the end of {jaar} at the average pace since {eerste} ({tempo} "
        "a year), and even with the largest yearly gain so far ({beste}, {beste_van}–{beste_tot}) about "
        "{beste_stand}, against a target of {doel}; that takes {nodig} a year. Note: {reden}.",
    ),
    "v3_kort_scenario": (
        "verwacht ongeveer {tempo_stand} (tempo tot nu toe) tot {beste_stand} (grootste jaargroei ooit)",
        "expected about {tempo_stand} (pace so far) to {beste_stand} (largest yearly gain ever)",
    ),
    "v3_jaar_geen_scenario": (
        "Voor eind {jaar} is er geen meting en geen bruikbare projectie; {reden}.",
        "For the end of {jaar} there is no measurement and no usable projection; {reden}.",
    ),
    "v3_kort_afwezig": ("geen cijfer", "no figure"),
    "v3_totaal_na_wet": (
        "Daarnaast het totaal, want onder de vernieuwde wet telt het doel van {doel} banen samen.",
        "Beside it the total, because under the amended law the goal of {doel} banen counts as one.",
    ),
    "kop_vooruitzicht": (
        "Overheid tegenover 25.000 extra banen: eind {jaren}",
        "Government against 25,000 extra banen: end of {jaren}",
    ),
    "vooruitzicht_herkomst": (
        "jaarmeting waar gepubliceerd; anders nowcast of projectie van dit warehouse",
        "jaarmeting where published; otherwise this warehouse's nowcast or projection",
    ),
    "vooruitzicht_jaar": ("{jaar}: {kort}", "{jaar}: {kort}"),
    "geen_kans_kort": ("– (band niet getoetst of niet gehouden)", "– (band untested or did not hold)"),
    "banden_tekort": (
        "Let op: de 80%-banden voor de {segment} hielden in het verleden niet. Een tot vier kwartalen vooruit viel "
        "de uitkomst in {laag} tot {hoog} van de gevallen binnen de band, niet in 80%, en de projecties zaten "
        "gemiddeld {bias} banen te {richting}. De onzekerheid is dus groter dan de banden laten zien; een kans "
        "noemt dit rapport alleen waar de banden op die afstand wel hielden.",
        "Note: the 80% bands for {segment} did not hold in the past. One to four quarters ahead the outcome fell "
        "inside the band in {laag} to {hoog} of cases, not 80%, and the projections were {bias} banen too {richting} "
        "on average. The uncertainty is larger than the bands show; this report gives a "
        "chance only where the bands held that far ahead.",
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
        "Oordeel: de overheid staat op of boven {doel} (stand eind {jaar}: {stand}, {herkomst}).",
        "Verdict: government stands at or above {doel} (end of {jaar}: {stand}, {herkomst}).",
    ),
    "uitkomst_tabel": (
        "Uitkomst tegenover onze projectie van een jaar eerder",
        "Outcome against our projection made a year before",
    ),
    "uitkomst_uitleg": (
        "Elk jaar waarvan de jaarmeting gepubliceerd is, toetst de projecties op echte cijfers: de tabel zet de "
        "jaarmeting naast wat de gekozen methode een jaar eerder voorspelde, met alleen de gegevens van toen. "
        "Van de {n} jaren van de overheid met een gekalibreerde band lag de uitkomst {binnen} keer binnen de "
        "80%-band{laatste}. Een jaar met ‘eigen band’ had nog te weinig eerdere fouten om de band op te kalibreren; "
        "de band is dan die van de methode zelf, en dat jaar telt hier niet mee.",
        "Every year whose jaarmeting is published tests the projections on real figures: the table puts the "
        "jaarmeting beside what the chosen method projected a year before, from the data of that time only. Of "
        "government's {n} years with a calibrated band, the outcome fell inside the 80% band {binnen} times{laatste}. "
        "A year marked ‘own band’ had too few earlier errors to calibrate the band on; the band is then the "
        "method's own, and that year does not count here.",
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
}
