// Who works on a topic: actors with a works-on tie to it or the topic in their topic list.
// Parameters: $topic (topic id, e.g. 'integration')
MATCH (a:Actor)
WHERE $topic IN coalesce(a.topics, []) OR EXISTS { (a)-[:WORKS_ON]->(:Topic {id: $topic}) }
RETURN a.id AS actor, a.name AS name, a.type AS type, a.sector AS sector
ORDER BY sector, name
