"""What the Neo4j server itself can write, for bench_city's "Neo4j ceiling" row.

    python benchmarks/neo4j_ceiling.py URI ACTORS TIES

Run by `city_steps.neo4j_rows` right after the ingest row, in the same server of the
benchmark's own (never a database it did not create), on the actors the ingest loaded.
It writes min(TIES, 100,000) new cooperation ties three times, each with raw Cypher and
nothing of the store around it (no key check, no client preparation of records, no actor
writes, no log entry), and times statement plus commit:

- **key only**: ``CREATE (a)-[:COOPERATION {key}]->(b)``, ends by internal id, in one
  transaction: the least a tie costs with its uniqueness constraint;
- **the store's statement**: `neo4j_writes.TIE_WRITE_PLANS`'s create, with the rows
  `neo4j_ingest.tie_parameters` builds (every property the store writes), in one
  transaction;
- **3 concurrent transactions**: the same statement inside ``CALL { … } IN 3 CONCURRENT
  TRANSACTIONS OF 2500 ROWS``. Not all-or-nothing (each part commits on its own), so the
  store cannot use it for an ingest; it shows what the server's threads add on 2 cores.

The ingest row cannot be faster than the second figure. The last line on stdout is JSON:
ties per second of each.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_neo4j import build_changeset  # noqa: E402
from netzwerk.store.neo4j_cypher import query  # noqa: E402
from netzwerk.store.neo4j_ingest import batches, tie_parameters  # noqa: E402
from netzwerk.store.neo4j_writes import TIE_WRITE_PLANS  # noqa: E402
from netzwerk.store.rows import tie_row  # noqa: E402

MOST_TIES = 100_000
BATCH = 5_000
CREATE = TIE_WRITE_PLANS[("cooperation", "actor", "actor")].create
KEY_ONLY = (
    "UNWIND $rows AS row MATCH (a) WHERE id(a) = row[0] MATCH (b) WHERE id(b) = row[1] "
    "CREATE (a)-[r:COOPERATION {key: row[2]}]->(b) RETURN count(r)"
)
CONCURRENT = (
    "UNWIND $rows AS row CALL (row) { "
    + CREATE.removeprefix("UNWIND $rows AS row ").removesuffix(" RETURN count(r)")
    + " } IN 3 CONCURRENT TRANSACTIONS OF 2500 ROWS"
)


def rows(actors: int, ties: int, tag: str, internal: dict[str, int]) -> list[list[Any]]:
    """``ties`` parameter rows as the store builds them, with new keys (``tag``) and the
    ends as internal ids."""
    built = build_changeset(actors, ties, seed=ord(tag)).ties
    out = []
    for tie in built:
        row = tie_parameters(tie_row(tie), tie.source.id, tie.target.id, "ceiling-run")
        out.append([internal[row[0]], internal[row[1]], f"{row[2]}{tag}", *row[3:], ["ceiling"]])
    return out


def in_one_transaction(session: Any, statement: str, data: list[list[Any]]) -> float:
    """Seconds for ``data`` in batches, one transaction, commit included."""
    start = time.perf_counter()
    with session.begin_transaction() as tx:
        for batch in batches(data, BATCH):
            tx.run(query(statement), rows=batch, source="ceiling").consume()
        tx.commit()
    return time.perf_counter() - start


def ceiling(session: Any, actors: int, ties: int) -> dict[str, float]:
    """Ties per second of each way, written into the actors ``a0`` … of ``session``'s
    database (`build_changeset`'s ids), which gains 3 × ``ties`` + min(``ties``, 5,000) ties."""
    internal = dict(
        session.run("MATCH (n:Actor) RETURN collect([n.id, id(n)])").single(strict=True)[0]
    )
    in_one_transaction(session, CREATE, rows(actors, min(ties, 5_000), "w", internal))  # warm-up
    seconds = {
        "key_only": in_one_transaction(session, KEY_ONLY, rows(actors, ties, "k", internal)),
        "store_statement": in_one_transaction(session, CREATE, rows(actors, ties, "s", internal)),
    }
    data = rows(actors, ties, "c", internal)
    start = time.perf_counter()
    session.run(query(CONCURRENT), rows=data).consume()
    seconds["concurrent"] = time.perf_counter() - start
    return {name: ties / spent for name, spent in seconds.items()}


def main() -> None:
    from neo4j import GraphDatabase

    uri, actors, ties = sys.argv[1], int(sys.argv[2]), min(int(sys.argv[3]), MOST_TIES)
    auth = (os.environ["NEO4J_USERNAME"], os.environ["NEO4J_PASSWORD"])
    with (
        GraphDatabase.driver(uri, auth=auth, notifications_min_severity="OFF") as driver,
        driver.session() as session,
    ):
        rates = ceiling(session, actors, ties)
    print(json.dumps({"ties": ties, **rates}))


if __name__ == "__main__":
    main()
