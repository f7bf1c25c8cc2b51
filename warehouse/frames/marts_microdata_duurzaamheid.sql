-- Frame for suite marts_microdata_duurzaamheid: disclosure control, and shares that are shares.
SELECT m.*,
       (onderdrukt AND (personen IS NOT NULL OR personen_na_4_kwartalen IS NOT NULL
                        OR personen_na_4_kwartalen_zelfde_werkgever IS NOT NULL
                        OR aandeel_behouden IS NOT NULL OR aandeel_behouden_zelfde_werkgever IS NOT NULL))
           AS lekt_onderdrukte_cel,
       personen - personen_na_4_kwartalen AS niet_behouden,
       personen_na_4_kwartalen - personen_na_4_kwartalen_zelfde_werkgever AS behouden_andere_werkgever
FROM marts.microdata_duurzaamheid AS m
