import random

import pytest

from retrykit import RetryExhausted, RetryPolicy


class Flaky:
    def __init__(self, failures, exc=ConnectionError):
        self.failures, self.exc, self.calls = failures, exc, 0

    def __call__(self, value="ok"):
        self.calls += 1
        if self.calls <= self.failures:
            raise self.exc(f"boom {self.calls}")
        return value


def policy(**kw):
    slept = []
    return RetryPolicy(sleep=slept.append, jitter=False, **kw), slept


def test_succeeds_after_retries():
    p, slept = policy(max_attempts=3, initial_delay=0.1)
    fn = Flaky(2)
    assert p.call(fn, "x") == "x"
    assert fn.calls == 3
    assert slept == [0.1, 0.2]


def test_exhaustion():
    p, slept = policy(max_attempts=3, initial_delay=1, multiplier=3, max_delay=2)
    with pytest.raises(RetryExhausted) as info:
        p.call(Flaky(10))
    assert info.value.attempts == 3
    assert isinstance(info.value.last_exception, ConnectionError)
    assert info.value.__cause__ is info.value.last_exception
    assert slept == [1, 2]


def test_not_retried():
    p, slept = policy(retry_on=(ConnectionError,), retry_if=lambda e: "fatal" not in str(e))
    with pytest.raises(ValueError):
        p.call(Flaky(1, ValueError))
    fn = Flaky(1)
    fn.exc = lambda msg: ConnectionError("fatal")
    with pytest.raises(ConnectionError):
        p.call(fn)
    assert slept == []


def test_before_sleep_and_decorator():
    states = []
    p, _ = policy(max_attempts=2, before_sleep=states.append)
    fn = p(Flaky(1))
    assert fn() == "ok"
    assert [(s.attempt, s.delay, str(s.exception)) for s in states] == [(1, 0.1, "boom 1")]


def test_jitter_is_bounded():
    p = RetryPolicy(initial_delay=1.0, rng=random.Random(7))
    delays = [p.delay_for(3) for _ in range(50)]
    assert all(0 <= d <= 4.0 for d in delays) and len(set(delays)) > 1


def test_validation():
    with pytest.raises(ValueError):
        RetryPolicy(max_attempts=0)
    with pytest.raises(ValueError):
        RetryPolicy(multiplier=0.5)
    assert RetryPolicy().replace(max_attempts=5).max_attempts == 5
