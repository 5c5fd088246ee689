// Sector overview: number of actors per sector and how many direct ties cross into other sectors.
// Parameters: none
MATCH (a:Actor)
OPTIONAL MATCH (a)-[r:COOPERATION|MEMBERSHIP|RUNS|FUNDING]-(b:Actor)
WITH a.sector AS sector, a, count(CASE WHEN b.sector <> a.sector THEN 1 END) AS external,
     count(CASE WHEN b.sector = a.sector THEN 1 END) AS internal
RETURN sector, count(a) AS actors, sum(external) AS external_ties, sum(internal) AS internal_ties
ORDER BY actors DESC
