"""Retry policy per processor operation (agreed with the processor's integration team, see PAY-1450).

- authorize is not idempotent on the processor side for 5xx (it may have charged): only retry when the request
  certainly did not arrive (connection refused / timeout before a response).
- capture, refund and void carry an idempotency key, so server errors and rate limiting are retried too.
- status is a read; retried generously.
Client errors (4xx other than 429) are never retried: they will not succeed on a second try.
"""
from .transport import HTTPError

TRANSPORT_ERRORS = (ConnectionError, TimeoutError)


def is_client_error(exc: BaseException) -> bool:
    """giveup predicate: a 4xx answer (except 429 Too Many Requests) means stop."""
    return isinstance(exc, HTTPError) and 400 <= exc.status < 500 and exc.status != 429


AUTHORIZE = dict(tries=2, delay_ms=200, backoff=2.0, retry_on=TRANSPORT_ERRORS)
CAPTURE = dict(tries=4, delay_ms=250, backoff=2.0, max_delay_ms=1000, retry_on=TRANSPORT_ERRORS + (HTTPError,),
               giveup=is_client_error)
REFUND = CAPTURE
VOID = dict(tries=3, delay_ms=250, backoff=2.0, retry_on=TRANSPORT_ERRORS + (HTTPError,), giveup=is_client_error)
STATUS = dict(tries=5, delay_ms=100, backoff=1.5, max_delay_ms=500, retry_on=TRANSPORT_ERRORS + (HTTPError,),
              giveup=is_client_error)

BY_OPERATION = {"authorize": AUTHORIZE, "capture": CAPTURE, "refund": REFUND, "void": VOID, "status": STATUS}
