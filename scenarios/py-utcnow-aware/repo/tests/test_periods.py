from datetime import datetime

import pytest

from billing.periods import add_months, add_years, period_end, periods_between, prorate


def test_add_months_plain():
    assert add_months(datetime(2024, 1, 15, 9, 30), 1) == datetime(2024, 2, 15, 9, 30)


def test_add_months_clamps_to_last_day():
    assert add_months(datetime(2024, 1, 31), 1) == datetime(2024, 2, 29)
    assert add_months(datetime(2023, 1, 31), 1) == datetime(2023, 2, 28)


def test_anchor_day_comes_back_after_short_month():
    feb = add_months(datetime(2024, 1, 31), 1, anchor_day=31)
    assert add_months(feb, 1, anchor_day=31) == datetime(2024, 3, 31)


def test_add_months_across_year():
    assert add_months(datetime(2024, 11, 30), 3) == datetime(2025, 2, 28)


def test_add_years_leap_day():
    assert add_years(datetime(2024, 2, 29), 1) == datetime(2025, 2, 28)


def test_period_end_quarterly():
    assert period_end(datetime(2024, 1, 1), "month", 3) == datetime(2024, 4, 1)


def test_period_end_rejects_unknown_interval():
    with pytest.raises(ValueError):
        period_end(datetime(2024, 1, 1), "week")


def test_periods_between_counts_whole_periods():
    periods = periods_between(datetime(2024, 1, 31), datetime(2024, 5, 1), "month")
    assert [p[0].day for p in periods] == [31, 29, 31, 30]


def test_prorate_half_period():
    assert prorate(3000, datetime(2024, 4, 1), datetime(2024, 5, 1), datetime(2024, 4, 16)) == 1500


def test_prorate_clamps():
    assert prorate(3000, datetime(2024, 4, 1), datetime(2024, 5, 1), datetime(2024, 6, 1)) == 0
    assert prorate(3000, datetime(2024, 4, 1), datetime(2024, 5, 1), datetime(2024, 3, 1)) == 3000
