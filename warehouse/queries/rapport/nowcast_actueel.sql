-- Report, trust: the nowcasts after the last jaarmeting (none when the quarterly figures end there).
SELECT periode, segment, waarde, ondergrens_80, bovengrens_80, methode
FROM marts.officiele_meting
WHERE herkomst = 'nowcast'
ORDER BY periode, segment
