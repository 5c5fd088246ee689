// Sector overview: actors per sector, direct ties within it, and ties crossing into other sectors.
// Parameters: none
MATCH (a:Actor)
OPTIONAL MATCH (a)-[r:COOPERATION|MEMBERSHIP|RUNS|FUNDING]-(b:Actor)
WITH a.sector AS sector, a,
     count(CASE WHEN b.sector <> a.sector THEN 1 END) AS external,
     count(CASE WHEN b.sector = a.sector AND elementId(a) < elementId(b) THEN 1 END) AS internal
RETURN sector, count(a) AS actors, sum(internal) AS internal_ties,
       sum(external) AS external_ties
ORDER BY actors DESC, sector
