-- Frame for suite marts_microdata_reconciliatie.
SELECT * FROM marts.microdata_reconciliatie
