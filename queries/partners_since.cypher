// Partners of an actor since a date: direct ties that began on or after $since.
// Parameters: $actor (actor id), $since (date, 'YYYY-MM-DD')
MATCH (a:Actor {id: $actor})-[r]-(p:Actor)
WHERE r.since >= date($since)
RETURN p.id AS partner, p.name AS name, r.kind AS tie, r.since AS since, r.until AS until
ORDER BY since, partner
