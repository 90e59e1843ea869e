"""The local web page from the outside: start `askcraft serve`, open its link, draft, download an .eml.

A person does this in a browser (docs/web.md); this script walks the same steps with the standard
library, so you can see what the page's guards ask of every visitor: the one-time token in the
printed link (turned into a cookie on the first visit), and the CSRF token the pages carry for
every request that is not a GET. Needs the web extra: python -m pip install 'askcraft[web]'.

Run: python examples/web_page.py
"""

from __future__ import annotations

import email
import email.policy
import http.cookiejar
import json
import re
import subprocess
import sys
import urllib.parse
import urllib.request
from typing import Any

#: The README's request, as the Draft page's form sends it (a field's dotted path and its text).
FIELDS = {
    "recipient.name": "Sam Lee",
    "recipient.relationship": "former-colleague",
    "recipient.email": "sam@example.com",
    "goal": "job-leads",
    "count": "3",
    "industry": "banking",
    "sender.name": "Alex Kim",
    "sender.reason": "I want to put my math degree to work in finance",
    "sender.email": "alex@example.com",
}


def start() -> tuple[subprocess.Popen[str], str]:
    """Start `askcraft serve` without a browser; return it and the link it prints (with its token)."""
    server = subprocess.Popen(
        [sys.executable, "-m", "askcraft", "serve", "--no-browser"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
    )
    assert server.stdout is not None
    for line in server.stdout:
        found = re.search(r"http://127\.0\.0\.1:\d+/\?token=\S+", line)
        if found:
            return server, found.group(0)
        if "error:" in line:  # the web extra is missing: askcraft serve says what to install
            raise SystemExit(line.strip())
    raise SystemExit("askcraft serve stopped without printing its link")


def main() -> None:
    """Open the page as a browser would, preview the draft, and download it as an .eml."""
    server, link = start()
    try:
        home = link.split("?")[0].rstrip("/")
        browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        page = browser.open(link, timeout=30).read().decode("utf-8")  # the token becomes a cookie
        csrf = re.search(r'<meta name="csrf-token" content="([^"]+)"', page)
        assert csrf is not None, "the Draft page carries its CSRF token"
        headers = {"Content-Type": "application/json", "X-CSRF-Token": csrf.group(1), "Origin": home}
        ask: dict[str, Any] = {"fields": FIELDS, "stage": "request", "grammar": False}
        # home is http://127.0.0.1:PORT, as the printed link says (never a file: or other scheme)
        request = urllib.request.Request(f"{home}/api/preview", json.dumps(ask).encode(), headers)  # noqa: S310
        with browser.open(request, timeout=60) as response:
            answer = json.load(response)
            took = response.headers["Server-Timing"]
        draft = answer["draft"]
        print(f"Subject: {draft['subject']}\n\n{draft['body']}")
        for finding in draft["findings"]:
            print(f"[{finding['style_label']}, {finding['severity']}] {finding['message']}")
        print(f"\n(askcraft's share of the request: {took})")

        form = {"payload": json.dumps(ask), "csrf_token": csrf.group(1)}
        body = urllib.parse.urlencode(form).encode()
        download = urllib.request.Request(f"{home}/download/eml", body, {"Origin": home})  # noqa: S310
        with browser.open(download, timeout=60) as response:
            name = response.headers["Content-Disposition"]
            message = email.message_from_bytes(response.read(), policy=email.policy.default)
        print(f"\nDownloaded ({name}): To {message['To']}; From {message['From']}")
        print(f"Subject: {message['Subject']}")
    finally:
        server.terminate()
        server.wait(timeout=15)


if __name__ == "__main__":
    main()
