"""What callers of the gateway client see. Transport details never leak past the client."""


class GatewayError(Exception):
    """Base class for every error the client raises."""


class PaymentDeclined(GatewayError):
    """The issuer declined (HTTP 402). Not retryable; show the decline code to the shopper."""

    def __init__(self, decline_code: str):
        super().__init__(f"declined: {decline_code}")
        self.decline_code = decline_code


class GatewayRejected(GatewayError):
    """The processor refused the request (a 4xx other than 402/429): a bug or a state conflict on our side."""

    def __init__(self, operation: str, status: int, message: str = ""):
        super().__init__(f"{operation} rejected with HTTP {status}{': ' + message if message else ''}")
        self.operation = operation
        self.status = status


class GatewayUnavailable(GatewayError):
    """The processor could not be reached or kept failing; the checkout shows 'try again later'."""

    def __init__(self, operation: str, attempts: int, cause: BaseException):
        super().__init__(f"{operation} failed after {attempts} attempt(s): {cause}")
        self.operation = operation
        self.attempts = attempts
        self.cause = cause
