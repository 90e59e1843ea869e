"""HTTP to a LanguageTool server, with limits that hold: connect, wait, total time, answer size.

A socket timeout alone does not bound a request: a server that sends one byte a second resets
it with every byte, in the headers as in the body. Here every read waits at most for what is
left of the request's total time, so a request ends by its deadline whatever the server does,
and an answer larger than the limit is dropped unread.
"""

from __future__ import annotations

import dataclasses
import http.client
import io
import socket
import ssl
import time
import urllib.parse
from collections.abc import Mapping
from typing import Any

from askcraft._grammar.config import Timeouts, timeouts


class ServerFailedError(Exception):
    """The server did not answer in time, could not be reached, or sent something unusable."""


@dataclasses.dataclass(frozen=True)
class Answer:
    """A server's answer: the HTTP status and the body."""

    status: int
    body: bytes


class _DeadlineReader(io.RawIOBase):
    """Read from a socket, never waiting past the deadline (nor longer than *wait* for any bytes)."""

    def __init__(self, sock: socket.socket, deadline: float, wait: float) -> None:
        self.sock, self.deadline, self.wait = sock, deadline, wait

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("total")
        self.sock.settimeout(min(self.wait, left))
        try:
            return self.sock.recv_into(buffer)
        except TimeoutError:
            raise TimeoutError("total" if self.wait >= left else "wait") from None


class _DeadlineSocket:
    """A connected socket whose reads and writes keep to the request's deadline."""

    def __init__(self, sock: socket.socket, deadline: float, wait: float) -> None:
        self.sock, self.deadline, self.wait = sock, deadline, wait

    def makefile(self, mode: str) -> io.BufferedReader:
        assert "r" in mode
        return io.BufferedReader(_DeadlineReader(self.sock, self.deadline, self.wait))

    def sendall(self, data: bytes) -> None:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("the request could not be sent in time")
        self.sock.settimeout(left)  # for sendall, the timeout bounds the whole send
        self.sock.sendall(data)

    def close(self) -> None:
        # http.client closes the connection's socket when the answer says "Connection: close",
        # before the body is read; the socket is closed when the request is over instead.
        pass

    def __getattr__(self, name: str) -> Any:
        return getattr(self.sock, name)


def _connection(url: urllib.parse.SplitResult, limits: Timeouts) -> http.client.HTTPConnection:
    host = url.hostname or "127.0.0.1"
    connect = min(limits.connect, limits.total)
    if url.scheme == "https":
        return http.client.HTTPSConnection(
            host, url.port, timeout=connect, context=ssl.create_default_context()
        )
    return http.client.HTTPConnection(host, url.port, timeout=connect)


def request(
    base: str, path: str, fields: Mapping[str, str] | None = None, *, limits: Timeouts | None = None
) -> Answer:
    """GET (or POST *fields* to) ``base + path``; raise ServerFailedError for anything but an answer."""
    limits = limits or timeouts()
    url = urllib.parse.urlsplit(base.rstrip("/") + path)
    deadline = time.monotonic() + limits.total
    connection = _connection(url, limits)
    target = url.path + (f"?{url.query}" if url.query else "")
    sock: socket.socket | None = None
    try:
        try:
            connection.connect()
        except TimeoutError:
            raise ServerFailedError(f"could not connect within {_seconds(limits.connect)} s") from None
        sock = connection.sock
        assert sock is not None
        connection.sock = _DeadlineSocket(sock, deadline, limits.read)
        if fields is None:
            connection.request("GET", target)
        else:
            body = urllib.parse.urlencode(fields).encode("utf-8")
            headers = {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"}
            connection.request("POST", target, body, headers)
        response = connection.getresponse()
        if response.length is not None and response.length > limits.max_bytes:
            raise ServerFailedError(_too_large(limits))
        chunks: list[bytes] = []
        size = 0
        while chunk := response.read(65536):
            size += len(chunk)
            if size > limits.max_bytes:
                raise ServerFailedError(_too_large(limits))
            chunks.append(chunk)
        return Answer(response.status, b"".join(chunks))
    except TimeoutError as exc:
        if str(exc) == "wait":
            raise ServerFailedError(f"the answer stalled for {_seconds(limits.read)} s") from None
        raise ServerFailedError(f"no answer within {_seconds(limits.total)} s") from None
    except (OSError, http.client.HTTPException, ValueError) as exc:
        raise ServerFailedError(f"{type(exc).__name__}: {exc}".rstrip(": ")) from None
    finally:
        connection.close()
        if sock is not None:
            sock.close()


def _seconds(value: float) -> str:
    return f"{round(value, 1):g}"


def _too_large(limits: Timeouts) -> str:
    return f"an answer larger than {limits.max_bytes // 2**20} MiB"
