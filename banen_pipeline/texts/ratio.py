"""Question 2: government against the market. Each key: (Dutch, English)."""

TEXTS: dict[str, tuple[str, str]] = {
    # question 2
    "v2_titel": (
        "2. Hoe verhoudt de overheid zich tot de markt?",
        "2. How does government compare with the market?",
    ),
    "v2_antwoord": (
        "Volgens de jaarmeting {jaar} staan tegenover elke extra baan bij de overheid {verhouding} extra banen in de "
        "markt ({markt} : {overheid}); de ambitie is {ambitie}, de werkgelegenheid ongeveer {werk}.",
        "By the jaarmeting of {jaar}, for every extra baan in government the market has {verhouding} "
        "({markt} : {overheid}); the ambition is {ambitie}, employment about {werk}.",
    ),
    "v2_oordeel_achter": (
        "Oordeel: de overheid blijft achter, ook bij haar aandeel in de werkgelegenheid. In {jaar} stonden "
        "tegenover elke extra baan bij de overheid {verhouding} extra banen in de markt, terwijl de werkgelegenheid "
        "ongeveer {werk} is en de ambitie {ambitie}. In het eerste jaar, {eerste_jaar}, vroegen de "
        "taakstellingen {eerste_doel}; het werd {eerste}.",
        "Verdict: government lags behind, even behind its share of employment. In {jaar} the market had "
        "{verhouding} extra banen for every extra baan in government, while employment is about {werk} and the "
        "ambition {ambitie}. In the first year, {eerste_jaar}, the targets asked {eerste_doel}; it was "
        "{eerste}.",
    ),
    "v2_oordeel_tussen": (
        "Oordeel: de overheid doet meer dan haar aandeel in de werkgelegenheid ({werk}), maar haalt de "
        "ambitie van {ambitie} niet: in {jaar} stonden tegenover elke extra baan bij de overheid {verhouding} "
        "extra banen in de markt. In het eerste jaar, {eerste_jaar}, vroegen de taakstellingen {eerste_doel}; "
        "het werd {eerste}.",
        "Verdict: government does more than its share of employment ({werk}) but misses the ambition of "
        "{ambitie}: in {jaar} the market had {verhouding} extra banen for every extra baan in government. In "
        "the first year, {eerste_jaar}, the targets asked {eerste_doel}; it was {eerste}.",
    ),
    "v2_oordeel_ambitie": (
        "Oordeel: de overheid haalt de ambitie van {ambitie}: in {jaar} stonden tegenover elke extra baan bij "
        "de overheid {verhouding} extra banen in de markt. In het eerste jaar, {eerste_jaar}, vroegen de "
        "taakstellingen {eerste_doel}; het werd {eerste}.",
        "Verdict: government meets the ambition of {ambitie}: in {jaar} the market had {verhouding} extra banen "
        "for every extra baan in government. In the first year, {eerste_jaar}, the targets asked {eerste_doel}; "
        "it was {eerste}.",
    ),
    "v2_daling_zonder_kwartalen": (
        "In {jaar} daalde het aantal extra banen bij de overheid in de jaarmeting van {van} naar {naar} "
        "({verschil}). UWV publiceerde voor die vierde kwartalen geen verdeling over regulier werk en inleen (in de "
        "voorbeelddata zijn die cijfers ingevuld), dus de kwartaalcijfers kunnen de daling niet verklaren. Omdat "
        "inleen in de jaarmeting meetelt bij de inlenende werkgever, zou minder inleen door de overheid zo'n daling "
        "geven; de gepubliceerde cijfers tonen dat niet.",
        "In {jaar} government's extra banen fell in the jaarmeting from {van} to {naar} ({verschil}). UWV published "
        "no split into regular work and inleen for those fourth quarters (in the sample data those figures are "
        "filled in), so the quarterly figures cannot explain the fall. As inleen counts for the hiring employer in "
        "the jaarmeting, less inleen by government would give such a fall; the published figures do not show it.",
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
        "officiële verhouding. Tot 2017 lag het reguliere werk bij de overheid (zonder inleen) in de kwartaalcijfers onder de nulmeting: de overheid bestaat daar bijna alleen uit toegerekende inleen, en de kwartaalverhouding valt in die jaren hoog uit.",
        "Points: the jaarmeting (open point: derived from printed figures; triangle: nowcast after the last "
        "jaarmeting). Thin line: the quarterly estimate with inleen split by SEO's key; that is not the official "
        "ratio. Until 2017 regular work in government (without inleen) was below the baseline in the quarterly figures: government there consists almost only of attributed inleen, and the quarterly ratio comes out high in those years.",
    ),
    "verhouding_tabel": ("De officiële verhouding per jaar", "The official ratio per year"),
    "verhouding_tabel_noot": (
        "Markt en overheid: extra banen volgens de jaarmeting. In de taakstelling: de taakstelling van de markt "
        "gedeeld door die van de overheid in dat jaar. Kwartaalschatting: dezelfde verhouding uit de "
        "kwartaalcijfers van het vierde kwartaal, met inleen verdeeld volgens de SEO-sleutel; dat is niet de "
        "officiële verhouding. Tot 2017 lag het reguliere werk bij de overheid (zonder inleen) in de kwartaalcijfers onder de nulmeting: de overheid bestaat daar bijna alleen uit toegerekende inleen, en de kwartaalverhouding valt in die jaren hoog uit.",
        "Market and government: extra banen by the jaarmeting. In the target: the market's target divided by "
        "government's in that year. Quarterly estimate: the same ratio from the fourth quarter's quarterly "
        "figures, with inleen split by SEO's key; that is not the official ratio. Until 2017 regular work in government (without inleen) was below the baseline in the quarterly figures: government there consists almost only of attributed inleen, and the quarterly ratio comes out high in those years.",
    ),
    "kol_periode": ("periode", "period"),
    "kol_markt": ("markt", "market"),
    "kol_overheid": ("overheid", "government"),
    "kol_verhouding": ("markt per overheid", "market per government"),
    "kol_doelverhouding": ("in de taakstelling", "in the target"),
    "kol_schatting": ("kwartaalschatting", "quarterly estimate"),
}
