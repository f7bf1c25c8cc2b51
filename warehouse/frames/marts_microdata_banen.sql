-- Frame for suite marts_microdata_banen: disclosure control holds on every row.
SELECT m.*, (onderdrukt AND (banen IS NOT NULL OR personen IS NOT NULL)) AS lekt_onderdrukte_cel
FROM marts.microdata_banen AS m
