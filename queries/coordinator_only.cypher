// Actors linked only to the coordinator (hub-and-spoke): every actor partner is a coordinator.
// Parameters: none (coordinators are actors with coordinator = true, i.e. the QM itself)
MATCH (a:Actor)-[:COOPERATION|MEMBERSHIP|RUNS|FUNDING]-(p:Actor)
WHERE NOT coalesce(a.coordinator, false)
WITH a, collect(DISTINCT p) AS partners
WHERE all(p IN partners WHERE coalesce(p.coordinator, false))
RETURN a.id AS actor, a.name AS name, a.sector AS sector,
       [p IN partners | p.name] AS coordinators
ORDER BY sector, name
