// Ties that ended in a period: relationships whose end date lies between $from and $to.
// Parameters: $from, $to (dates, 'YYYY-MM-DD')
MATCH (a)-[r]->(b)
WHERE r.until >= date($from) AND r.until <= date($to)
RETURN a.id AS from_id, a.name AS from_name, r.kind AS tie, b.id AS to_id, b.name AS to_name,
       r.since AS since, r.until AS until, coalesce(r.note, '') AS note
ORDER BY until, from_id
