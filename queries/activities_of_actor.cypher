// Events and projects an actor took part in (participation, Träger or funding), newest first.
// Parameters: $actor (actor id)
MATCH (a:Actor {id: $actor})-[r:PARTICIPATION|RUNS|FUNDING]->(x)
WHERE x:Event OR x:Project
RETURN x.kind AS kind, x.id AS id, x.name AS name, r.kind AS as_what, coalesce(r.role, '') AS role,
       x.since AS date
ORDER BY date DESC, name
