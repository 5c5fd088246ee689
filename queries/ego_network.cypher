// An actor's ego network: everyone tied to the actor, and how many ties each has to the others.
// Parameters: $actor (actor id)
MATCH (ego:Actor {id: $actor})-[]-(alter:Actor)
WHERE alter <> ego
WITH ego, collect(DISTINCT alter) AS alters
UNWIND alters AS a
OPTIONAL MATCH (a)-[t]-(b:Actor) WHERE b IN alters AND b <> a
RETURN a.id AS partner, a.name AS name, a.sector AS sector,
       count(t) AS ties_among_partners
ORDER BY ties_among_partners DESC, partner
