-- Report, durability: one quarter ($kwartaal) per sector (regular jobs) and inleen, suppressed cells
-- included (they show as suppressed).
SELECT CASE WHEN categorie = 'inleen' THEN 'inleen' ELSE sector END AS sector, categorie, personen,
       aandeel_behouden, aandeel_behouden_zelfde_werkgever, onderdrukt
FROM marts.microdata_duurzaamheid
WHERE kwartaal = $kwartaal AND sector <> 'totaal'
ORDER BY onderdrukt, aandeel_behouden
