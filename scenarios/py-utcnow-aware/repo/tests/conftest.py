import os
import time

import pytest

from billing.store import Store
from billing.timefmt import parse_ts


@pytest.fixture(autouse=True, scope="session")
def utc_host_zone():
    """Production containers run with TZ=UTC; pin it so test runs on developer laptops behave the same."""
    old = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    yield
    if old is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = old
    time.tzset()


@pytest.fixture
def store():
    s = Store()
    yield s
    s.close()


@pytest.fixture
def ts():
    """Timestamps in tests are written the way the API receives them."""
    return parse_ts
