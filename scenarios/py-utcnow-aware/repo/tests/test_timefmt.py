import pytest

from billing.timefmt import format_optional, format_ts, from_epoch, parse_optional, parse_ts, to_epoch


def test_wire_format_round_trip():
    assert format_ts(parse_ts("2024-03-01T12:00:00Z")) == "2024-03-01T12:00:00Z"


def test_format_drops_microseconds(ts):
    dt = ts("2024-03-01T12:00:00Z").replace(microsecond=999_999)
    assert format_ts(dt) == "2024-03-01T12:00:00Z"


@pytest.mark.parametrize("legacy", ["2019-06-01 08:00:00", "2019-06-01T08:00:00"])
def test_legacy_rows_are_read_as_utc(legacy):
    assert format_ts(parse_ts(legacy)) == "2019-06-01T08:00:00Z"


def test_parse_rejects_garbage():
    with pytest.raises(ValueError):
        parse_ts("yesterday")


def test_optional_helpers():
    assert parse_optional(None) is None
    assert parse_optional("") is None
    assert format_optional(None) is None
    assert format_optional(parse_ts("2024-03-01T12:00:00Z")) == "2024-03-01T12:00:00Z"


def test_epoch_conversions(ts):
    assert to_epoch(ts("1970-01-01T00:00:10Z")) == 10
    assert format_ts(from_epoch(86400)) == "1970-01-02T00:00:00Z"
    assert to_epoch(from_epoch(1_700_000_000.25)) == pytest.approx(1_700_000_000.25)
