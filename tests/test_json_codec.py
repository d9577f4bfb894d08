"""The JSON codec gives the same values with orjson (the `speed` extra) and without it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from outreach_async import _json

pytest.importorskip("orjson")

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


@pytest.fixture
def without_orjson() -> Iterator[None]:
    previous = _json.use_orjson(False)
    yield
    _json.use_orjson(previous)


def both_paths(function: Any, argument: Any) -> tuple[Any, Any]:
    previous = _json.use_orjson(True)
    try:
        fast = function(argument)
        _json.use_orjson(False)
        plain = function(argument)
    finally:
        _json.use_orjson(previous)
    return fast, plain


@settings(max_examples=300)
@given(json_values)
def test_both_paths_read_the_same_values(value: Any) -> None:
    text = json.dumps(value, ensure_ascii=False).encode()
    fast, plain = both_paths(_json.loads, text)
    assert fast == plain == json.loads(text)
    assert repr(fast) == repr(plain)  # an int stays an int, -0.0 stays -0.0


@settings(max_examples=300)
@given(json_values)
def test_both_paths_write_what_reads_back_the_same(value: Any) -> None:
    fast, plain = both_paths(_json.dumps, value)
    assert json.loads(fast) == json.loads(plain) == value
    assert repr(json.loads(fast)) == repr(json.loads(plain))


@pytest.mark.parametrize(
    "text",
    [
        b'{"id": 18446744073709551616, "n": -9223372036854775809}',  # just beyond 64 bits
        b'{"id": 123456789012345678901234567890}',
        b"[9223372036854775807, 18446744073709551615, -9223372036854775808]",
        '{"name": "Zo\u00eb \u00c5ngstr\u00f6m \u65e5\u672c \U0001f600"}'.encode(),
        b'{"escaped": "\\u00e9\\ud83d\\ude00"}',
        b'{"lone": "\\ud800"}',  # orjson refuses a lone surrogate; json reads it
        b"[0.1, 1e-7, 1e16, 2.5e-308, 1.7976931348623157e308, -0.0]",
        b'{"a": 1, "a": 2}',
        b"[NaN, Infinity, 1e400]",
    ],
)
def test_edge_cases_read_the_same(text: bytes) -> None:
    fast, plain = both_paths(_json.loads, text)
    assert repr(fast) == repr(plain) == repr(json.loads(text))


@settings(max_examples=300)
@given(json_values, st.lists(st.integers(min_value=1, max_value=40), max_size=30))
def test_a_body_scanned_as_it_arrives_reads_as_one_scanned_whole(
    value: Any, cuts: list[int]
) -> None:
    text = json.dumps(value, ensure_ascii=False).encode()
    scan = _json.DigitRunScan()
    start = 0
    for size in [*cuts, len(text)]:  # chunks of any size, down to one byte
        scan.feed(text[start : start + size])
        start += size
    assert scan.found == _json._has_long_digit_run(text)
    assert repr(_json.loads(text, scan)) == repr(json.loads(text))


@pytest.mark.parametrize("where", [0, 1, 9, 17, 18, 19])
def test_a_digit_run_split_across_chunks_is_found(where: int) -> None:
    text = b'{"id": 18446744073709551616}'
    start = text.index(b"1")
    for cut in (start + where, start + where + 1):
        scan = _json.DigitRunScan()
        for chunk in (text[:cut], text[cut : cut + 1], text[cut + 1 :]):
            scan.feed(chunk)
        assert scan.found
        assert repr(_json.loads(text, scan)) == "{'id': 18446744073709551616}"  # an int


@pytest.mark.parametrize("text", [b"", b"{", b'{"a": }', b"\xff\xfe", b"[1,]"])
def test_both_paths_refuse_what_is_not_json(text: bytes) -> None:
    for enabled in (True, False):
        previous = _json.use_orjson(enabled)
        try:
            with pytest.raises(ValueError):
                _json.loads(text)
        finally:
            _json.use_orjson(previous)


def test_values_orjson_cannot_write_are_written_by_json() -> None:
    for value in ({"big": 2**64}, {1: "not a string key"}, {"lone": "\ud800"}):
        fast, plain = both_paths(_json.dumps, value)
        assert fast == plain


def test_objects_that_are_not_json_data_are_refused_on_both_paths() -> None:
    import datetime

    for enabled in (True, False):
        previous = _json.use_orjson(enabled)
        try:
            with pytest.raises(TypeError):
                _json.dumps({"when": datetime.datetime(2024, 1, 1)})
        finally:
            _json.use_orjson(previous)


def test_writing_is_compact_utf8(without_orjson: None) -> None:
    assert _json.dumps({"a": [1, "\u00e9"]}) == '{"a":[1,"\u00e9"]}'.encode()
