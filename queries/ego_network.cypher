// An actor's ego network: the actor, everyone tied to it, and the ties among those partners.
// Parameters: $actor (actor id)
MATCH (ego:Actor {id: $actor})-[r]-(alter:Actor)
WITH ego, collect(DISTINCT alter) AS alters
UNWIND alters AS a
OPTIONAL MATCH (a)-[t]-(b:Actor) WHERE b IN alters AND elementId(a) < elementId(b)
RETURN a.id AS partner, a.name AS name, a.sector AS sector,
       count(t) AS ties_among_partners
ORDER BY ties_among_partners DESC, partner
