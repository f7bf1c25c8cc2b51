"""Question 1: each sector against its target. Each key: (Dutch, English)."""

TEXTS: dict[str, tuple[str, str]] = {
    # question 1
    "v1_titel": (
        "1. Hoe staat elke sector ervoor tegenover zijn taakstelling?",
        "1. How does each sector stand against its target?",
    ),
    "v1_gepubliceerd": (
        "Het laatst gepubliceerde over de sectoren gaat over {jaar} ({kenmerk}, {datum}): “{uitspraak}”.",
        "The latest published on the sectors is about {jaar} ({kenmerk}, {datum}): “{uitspraak}”.",
    ),
    "v1_jaarmeting": (
        "Volgens de jaarmeting over {jaar} had de overheid eind {jaar} {overheid} van haar {doel_overheid} extra "
        "banen ({pct_overheid}) en de markt {markt} van {doel_markt} ({pct_markt}).",
        "According to the jaarmeting of {jaar}, at the end of {jaar} government had {overheid} of its {doel_overheid} "
        "extra banen ({pct_overheid}) and the market {markt} of {doel_markt} ({pct_markt}).",
    ),
    "v1_sectorrapportages": (
        "De jaarmeting over {jaar} is nog niet gepubliceerd; de jaarrapportages van de sectoren tellen voor eind "
        "{jaar} samen {overheid} van de {doel_overheid} extra banen bij de overheid ({pct_overheid}).",
        "The jaarmeting of {jaar} is not yet published; the sectors' yearly reports count together {overheid} of "
        "government's {doel_overheid} extra banen at the end of {jaar} ({pct_overheid}).",
    ),
    "v1_synthetisch": (
        "In de verdeling over de publieke sectoren, die in de voorbeelddata synthetisch is (geen gepubliceerd "
        "cijfer), halen {gehaald} van de {aantal} sectoren hun taakstelling over {jaar}; {achterste} ligt het verst "
        "achter ({pct_achterste}).",
        "In the split over the public sectors, which is synthetic in the sample data (no published figure), "
        "{gehaald} of the {aantal} sectors meet their target for {jaar}; {achterste} is furthest behind "
        "({pct_achterste}).",
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
        "Oordeel: de jaarrapportages van de sectoren tellen voor eind {jaar} {overheid} van de {doel_overheid} extra "
        "banen bij de overheid ({pct_overheid}, {tekort} banen te weinig); de jaarmeting over {jaar} is nog niet "
        "gepubliceerd.",
        "Verdict: the sector reports count {overheid} of government's {doel_overheid} extra banen at the end of "
        "{jaar} ({pct_overheid}, {tekort} banen short); the jaarmeting of {jaar} is not yet published.",
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
    "rijk_wijzigingen": (
        "De organisaties in de monitor veranderen. Nieuw in de monitor (vanaf): {nieuw}. Niet meer in de monitor "
        "(laatst in): {weg}. De monitor zegt niet of een nieuwe naam een oude voortzet, zoals bij een hernoemd of "
        "gesplitst ministerie; dit warehouse telt elke naam apart en laat de reeksen niet op elkaar aansluiten. Totaal "
        "Rijk telt in elk kwartaal de organisaties van dat kwartaal.",
        "The organisations in the monitor change. New in the monitor (from): {nieuw}. No longer in the monitor (last "
        "in): {weg}. The monitor does not say whether a new name continues an old one, as with a renamed or split "
        "ministry; this warehouse counts each name apart and does not join the series. Totaal Rijk counts each "
        "quarter's organisations.",
    ),
    "rijk_organisaties_noot": (
        "Synthetische verdeling over organisaties (voorbeelddata); Totaal Rijk zoals gepubliceerd waar een cijfer "
        "bestaat.",
        "Synthetic split over organisations (sample data); Totaal Rijk as published where a figure exists.",
    ),
}
