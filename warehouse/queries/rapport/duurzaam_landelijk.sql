-- Report, durability: per quarter the national share still working four quarters later.
SELECT kwartaal, personen, aandeel_behouden, aandeel_behouden_zelfde_werkgever
FROM marts.microdata_duurzaamheid
WHERE sector = 'totaal'
ORDER BY kwartaal
