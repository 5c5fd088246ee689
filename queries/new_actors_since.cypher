// New actors since a date: actors whose start date is on or after $since.
// Parameters: $since (date, 'YYYY-MM-DD')
MATCH (a:Actor)
WHERE a.since >= date($since)
RETURN a.id AS actor, a.name AS name, a.type AS type, a.sector AS sector, a.since AS since
ORDER BY since, name
