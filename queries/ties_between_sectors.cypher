// Ties between two sectors: every direct tie joining an actor of $sector_a and one of $sector_b.
// Parameters: $sector_a, $sector_b (sector keys, e.g. 'education', 'economy')
MATCH (a:Actor {sector: $sector_a})-[r]-(b:Actor {sector: $sector_b})
WHERE $sector_a <> $sector_b OR elementId(a) < elementId(b)
RETURN a.id AS from_actor, a.name AS from_name, r.kind AS tie, b.id AS to_actor,
       b.name AS to_name, r.since AS since, r.until AS until
ORDER BY from_actor, to_actor
