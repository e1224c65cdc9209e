from collections import defaultdict, deque

import pytest

from payments_gateway.client import GatewayClient
from payments_gateway.transport import Response


class FakeProcessor:
    """In-memory processor: queue responses (or exceptions to raise) per path; records every request."""

    def __init__(self):
        self.scripts = defaultdict(deque)
        self.requests = []

    def script(self, path, *outcomes):
        self.scripts[path].extend(outcomes)
        return self

    def send(self, method, path, body, headers):
        self.requests.append((method, path, body, dict(headers)))
        queue = self.scripts[path]
        outcome = queue.popleft() if len(queue) > 1 else (queue[0] if queue else Response(404, {"error": "no route"}))
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome

    def calls(self, path):
        return sum(1 for r in self.requests if r[1] == path)


def ok(**body):
    return Response(200, body)


@pytest.fixture
def processor():
    return FakeProcessor()


@pytest.fixture
def slept():
    return []


@pytest.fixture
def client(processor, slept):
    return GatewayClient(processor, "sk_test_123", sleep=slept.append)
