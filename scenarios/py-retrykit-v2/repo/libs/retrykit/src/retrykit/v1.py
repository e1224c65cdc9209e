"""The retrykit 1.x API, kept importable until retrykit 2.1. Migrate to :class:`retrykit.RetryPolicy`."""
import functools
import time
import warnings

warnings.warn("retrykit.v1 is deprecated and will be removed in retrykit 2.1; use retrykit.RetryPolicy",
              DeprecationWarning, stacklevel=2)


class RetryError(Exception):
    def __init__(self, attempts, last_exc):
        super().__init__(f"failed after {attempts} attempt(s): {last_exc!r}")
        self.attempts = attempts
        self.last_exc = last_exc


def call(fn, *args, tries=3, delay_ms=100, backoff=2.0, max_delay_ms=None, retry_on=(Exception,), giveup=None,
         on_retry=None, sleep=time.sleep, **kwargs):
    """Call ``fn``; on a ``retry_on`` exception (unless ``giveup(exc)``) sleep and retry, up to ``tries`` more times."""
    delay = delay_ms
    for attempt in range(tries + 1):
        try:
            return fn(*args, **kwargs)
        except retry_on as exc:
            if giveup is not None and giveup(exc):
                raise
            if attempt == tries:
                raise RetryError(attempt + 1, exc) from exc
            if on_retry is not None:
                on_retry(attempt + 1, exc)
            sleep((delay if max_delay_ms is None else min(delay, max_delay_ms)) / 1000.0)
            delay *= backoff
    raise AssertionError("unreachable")


def retry(**options):
    """Decorator form of :func:`call`."""
    def decorate(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            return call(fn, *args, **options, **kwargs)
        return wrapper
    return decorate
