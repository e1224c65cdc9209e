"""retrykit 2: retries with exponential back-off, configured by an immutable :class:`RetryPolicy`."""
import dataclasses
import random
import time
from dataclasses import dataclass
from typing import Any, Callable

__version__ = "2.0.0"
__all__ = ["RetryPolicy", "RetryState", "RetryExhausted", "__version__"]


class RetryExhausted(Exception):
    """Every allowed attempt failed with a retryable exception."""

    def __init__(self, attempts: int, last_exception: BaseException):
        super().__init__(f"gave up after {attempts} attempt(s): {last_exception!r}")
        self.attempts = attempts
        self.last_exception = last_exception


@dataclass(frozen=True)
class RetryState:
    attempt: int            # the attempt that just failed, 1-based
    exception: BaseException
    delay: float            # seconds about to be slept


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 3
    initial_delay: float = 0.1
    multiplier: float = 2.0
    max_delay: float | None = None
    jitter: bool = True
    retry_on: tuple[type[BaseException], ...] = (Exception,)
    retry_if: Callable[[BaseException], bool] | None = None
    before_sleep: Callable[[RetryState], None] | None = None
    sleep: Callable[[float], None] = time.sleep
    rng: random.Random | None = None

    def __post_init__(self):
        if self.max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        if self.initial_delay < 0 or self.multiplier < 1:
            raise ValueError("initial_delay must be >= 0 and multiplier >= 1")
        if self.max_delay is not None and self.max_delay < 0:
            raise ValueError("max_delay must be >= 0")

    def replace(self, **changes: Any) -> "RetryPolicy":
        return dataclasses.replace(self, **changes)

    def delay_for(self, attempt: int) -> float:
        """Back-off before attempt ``attempt + 1`` (``attempt`` is the 1-based attempt that failed)."""
        delay = self.initial_delay * self.multiplier ** (attempt - 1)
        if self.max_delay is not None:
            delay = min(delay, self.max_delay)
        if self.jitter:
            delay = (self.rng or random).uniform(0, delay)
        return delay

    def _should_retry(self, exc: BaseException) -> bool:
        if not isinstance(exc, self.retry_on):
            return False
        return self.retry_if is None or bool(self.retry_if(exc))

    def call(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Any:
        for attempt in range(1, self.max_attempts + 1):
            try:
                return fn(*args, **kwargs)
            except BaseException as exc:
                if not self._should_retry(exc):
                    raise
                if attempt == self.max_attempts:
                    raise RetryExhausted(attempt, exc) from exc
                delay = self.delay_for(attempt)
                if self.before_sleep is not None:
                    self.before_sleep(RetryState(attempt, exc, delay))
                self.sleep(delay)
        raise AssertionError("unreachable")

    def __call__(self, fn: Callable[..., Any]) -> Callable[..., Any]:
        """Use a policy as a decorator."""
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            return self.call(fn, *args, **kwargs)
        wrapper.__wrapped__ = fn
        wrapper.__name__ = getattr(fn, "__name__", "wrapper")
        wrapper.__doc__ = fn.__doc__
        return wrapper
