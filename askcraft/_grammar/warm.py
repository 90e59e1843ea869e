"""Warm a LanguageTool server in a language before its first check (English is warmed at start)."""

from __future__ import annotations

import dataclasses
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from askcraft._grammar.config import (
    DEFAULT_START_TIMEOUT,
    ENV_START_TIMEOUT,
    SERVER_PROPERTIES,
    Server,
    Timeouts,
    float_env,
    timeouts,
)
from askcraft._grammar.http import request

_locks_lock = threading.Lock()
#: (server URL, language code) pairs whose rules the server has loaded, and when (time.monotonic()).
_warm: dict[tuple[str, str], float] = {}
#: For this long after a language is warmed, its checks get the start budget: the first real texts
#: still load rules and words the warm-up did not touch (10 s for German on a busy machine).
YOUNG_SECONDS = 180.0
_warm_locks: dict[tuple[str, str], threading.Lock] = {}


#: A message-like text per language, with a typo and a grammar slip in it: a bare "Ok." loads a
#: language's rules but not what the first real text needs (its speller and the suggestions it makes,
#: the rules that run on whole sentences), and on a busy machine the first German messages then took
#: 44 s, past the 15 s a check may take.
_WARM_TEXT = {
    "de": "Hallo Mia, ich hoffe, es geht dir gut. Kenst du jemanden im Bankwesen, mit dem ich über "
    "Jobmöglichkeiten sprechen könnte? Falls dir niemand einfällt, ist das völlig in Ordnung. Ich habe "
    "gestern einen Bewerbung geschrieben. Viele Grüße",
    "fr": "Bonjour Chloé, j'espère que tu vas bien. Connaîtrais-tu quelqun dans la banque à qui je "
    "pourrais parler des opportunités ? Si personne ne te vient à l'esprit, ce n'est pas grave. J'ai "
    "écrit une lettres hier. Bises",
    "es": "Hola, Lucía: espero que estés muy bien. ¿Conoses a alguien en banca con quien pueda hablar de "
    "vacantes? No pasa nada si no se te ocurre nadie. Ayer escribí una cartas. Un abrazo",
}


def warm_language(server: Server, language: str) -> None:
    """Let the server load *language*'s rules once, with the start budget, before its first check.

    The server warms up English when it starts; the first check in another language loads that
    language's rules and dictionaries, which takes seconds (a minute on a busy machine), longer
    than a check may. The warm-up text is message-like, so what the first real message needs is
    loaded. Raise ServerFailedError when the server does not answer within the budget.
    """
    key = (server.url, language.split("-", maxsplit=1)[0].lower())
    if key[1] == "en" or key in _warm:
        return
    with _locks_lock:
        lock = _warm_locks.setdefault(key, threading.Lock())
    with lock:
        if key in _warm:
            return
        budget = float_env(ENV_START_TIMEOUT, DEFAULT_START_TIMEOUT)
        limits = dataclasses.replace(timeouts(), total=budget, read=budget)
        text = _WARM_TEXT.get(key[1], "Ok.")
        answer = request(server.url, "/v2/check", {"language": language, "text": text}, limits=limits)
        if answer.status != 200:  # an unknown language is left to the check, which says so
            return
        # The server keeps one analysis pipeline per concurrent check, each built on its first text:
        # warm as many as a batch runs at once (different texts, so the server's cache cannot answer).
        threads = int(SERVER_PROPERTIES["maxCheckThreads"])

        def warm(n: int) -> int:
            fields = {"language": language, "text": f"{text} ({n})"}
            return request(server.url, "/v2/check", fields, limits=limits).status

        with ThreadPoolExecutor(max_workers=threads, thread_name_prefix="askcraft-warm") as pool:
            statuses = list(pool.map(warm, range(threads)))
        if all(status == 200 for status in statuses):
            _warm[key] = time.monotonic()


def young_limits(server: Server, language: str, length: int) -> Timeouts | None:
    """Return the start budget as a check's limits while *language* is newly loaded on *server*."""
    warmed = _warm.get((server.url, language.split("-", maxsplit=1)[0].lower()))
    if warmed is None or time.monotonic() - warmed > YOUNG_SECONDS:
        return None
    budget = float_env(ENV_START_TIMEOUT, DEFAULT_START_TIMEOUT)
    return dataclasses.replace(timeouts().for_text(length), total=budget, read=budget)
