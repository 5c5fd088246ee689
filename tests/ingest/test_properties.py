"""Invariants: any bytes either read or raise InputError; fast paths equal the model's own."""

from __future__ import annotations

import csv
import io
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netzwerk.errors import InputError
from netzwerk.ingest import read_files
from netzwerk.ingest.ties import new_tie, tie_key
from netzwerk.ingest.values import clean_text, parse_date
from netzwerk.model import TIE_KINDS, NodeRef, Provenance, Tie, graph_key

SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
HEADER = b"id;name;typ;sektor;themen;seit\r\n"


def _read_or_input_error(name: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        try:
            result = read_files([path])
        except InputError as error:
            assert error.problems
            assert any(problem.severity == "error" for problem in error.problems)
            for line in error.lines():
                line.encode("utf-8")  # printable: no lone surrogates
            return
        for actor in result.changeset.actors:
            assert "\ufffd" not in actor.name or "\ufffd".encode() in data


@SETTINGS
@given(st.binary(max_size=400))
def test_arbitrary_bytes_as_csv_read_or_raise_input_error(data):
    _read_or_input_error("Akteure.csv", data)


@SETTINGS
@given(st.binary(max_size=400))
def test_arbitrary_bytes_after_a_valid_header_read_or_raise_input_error(data):
    _read_or_input_error("Akteure.csv", HEADER + data)


@SETTINGS
@given(st.binary(max_size=400))
def test_arbitrary_bytes_as_json_read_or_raise_input_error(data):
    _read_or_input_error("netz.json", data)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=10,
)


@SETTINGS
@given(
    st.dictionaries(
        st.sampled_from(["Akteure", "Beziehungen", "Themen", "x"]),
        st.lists(
            st.dictionaries(
                st.sampled_from(
                    ["id", "name", "typ", "sektor", "von", "zu", "art", "seit", "staerke", "themen"]
                ),
                JSON_VALUES,
                max_size=6,
            ),
            max_size=4,
        ),
        max_size=3,
    )
)
def test_arbitrary_json_documents_read_or_raise_input_error(document):
    import json

    _read_or_input_error("netz.json", json.dumps(document).encode())


@SETTINGS
@given(st.lists(st.lists(st.text(max_size=12), min_size=4, max_size=6), max_size=6))
def test_arbitrary_csv_cells_read_or_raise_input_error(rows):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows([["id", "name", "typ", "sektor"], *rows])
    try:
        data = buffer.getvalue().encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates cannot be in a file
        return
    _read_or_input_error("Akteure.csv", data)


@given(st.text(max_size=30))
def test_clean_text_is_idempotent(text):
    assert clean_text(clean_text(text)) == clean_text(text)


@given(st.dates(min_value=date(1000, 1, 1), max_value=date(2999, 12, 31)))
def test_german_and_iso_dates_round_trip(day):
    assert parse_date(f"{day.day:02d}.{day.month:02d}.{day.year:04d}") == day
    assert parse_date(f"{day.day}.{day.month}.{day.year:04d}") == day
    assert parse_date(day.isoformat()) == day


KINDS = st.sampled_from(["actor", "topic", "project", "event", "place"])
IDS = st.text(min_size=1, max_size=6)


@given(
    st.sampled_from(TIE_KINDS.keys()),
    KINDS,
    IDS,
    KINDS,
    IDS,
    st.text(max_size=5),
    st.none() | st.dates(),
    st.floats(min_value=0.1, max_value=9),
)
def test_fast_tie_and_key_equal_the_model(
    kind, source_kind, source_id, target_kind, target_id, topic, since, weight
):
    source, target = NodeRef(source_kind, source_id), NodeRef(target_kind, target_id)
    provenance = Provenance("f.csv", "f", 2)
    fast = new_tie(kind, source, target, weight, topic, "r", since, None, "n", provenance)
    slow = Tie(kind, source, target, weight, topic, "r", since, None, "n", provenance=provenance)
    assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)
    assert fast.provenance is provenance
    key = tie_key(kind, graph_key(source_kind, source_id), graph_key(target_kind, target_id), topic)
    assert key == slow.key
