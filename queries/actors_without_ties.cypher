// Actors without any tie to another actor, project or event (the unreached).
// Parameters: none
MATCH (a:Actor)
WHERE NOT EXISTS { (a)-[:COOPERATION|MEMBERSHIP|RUNS|FUNDING|PARTICIPATION]-() }
RETURN a.id AS actor, a.name AS name, a.type AS type, a.sector AS sector, a.since AS since
ORDER BY sector, name
