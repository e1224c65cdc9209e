"""HTTP transport seam: the client only needs ``send``; tests use an in-memory fake."""
import json
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import Protocol


@dataclass
class Response:
    status: int
    body: dict
    headers: dict[str, str] = field(default_factory=dict)


class HTTPError(Exception):
    """A non-2xx answer from the processor."""

    def __init__(self, status: int, body: dict | None = None):
        super().__init__(f"HTTP {status}: {(body or {}).get('error', '')}".rstrip(": "))
        self.status = status
        self.body = body or {}


class Transport(Protocol):
    def send(self, method: str, path: str, body: dict | None, headers: dict[str, str]) -> Response: ...


class UrllibTransport:
    """The production transport (stdlib only; the processor speaks JSON over HTTPS)."""

    def __init__(self, base_url: str, timeout: float = 10.0):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout

    def send(self, method: str, path: str, body: dict | None, headers: dict[str, str]) -> Response:
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.base_url + path, data=data, method=method,
                                     headers={"Content-Type": "application/json", **headers})
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                return Response(resp.status, json.loads(resp.read() or b"{}"), dict(resp.headers))
        except urllib.error.HTTPError as exc:
            payload = exc.read()
            return Response(exc.code, json.loads(payload) if payload else {}, dict(exc.headers))
        except socket.timeout as exc:
            raise TimeoutError(str(exc)) from exc
        except urllib.error.URLError as exc:
            raise ConnectionError(str(exc.reason)) from exc
