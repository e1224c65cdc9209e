import pytest

from retrykit import v1


def test_tries_counts_retries_and_delays_are_milliseconds():
    slept, calls = [], []

    def fn():
        calls.append(1)
        raise TimeoutError("slow")
    with pytest.raises(v1.RetryError) as info:
        v1.call(fn, tries=2, delay_ms=100, backoff=3, max_delay_ms=250, sleep=slept.append)
    assert len(calls) == 3 and info.value.attempts == 3
    assert isinstance(info.value.last_exc, TimeoutError)
    assert slept == [0.1, 0.25]


def test_giveup_and_on_retry():
    seen = []

    @v1.retry(tries=3, giveup=lambda e: isinstance(e, KeyError), on_retry=lambda n, e: seen.append(n),
              sleep=lambda s: None)
    def fn(box):
        box.append(1)
        raise (KeyError if len(box) == 2 else OSError)("x")
    box = []
    with pytest.raises(KeyError):
        fn(box)
    assert seen == [1]
