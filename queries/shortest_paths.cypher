// Shortest paths between two actors over ties of any kind (at most 6 steps).
// Parameters: $from (actor id), $to (actor id)
MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
WHERE a <> b
MATCH p = allShortestPaths((a)-[*..6]-(b))
RETURN [n IN nodes(p) | coalesce(n.name, n.id)] AS path,
       [r IN relationships(p) | r.kind] AS ties, length(p) AS steps
LIMIT 25
