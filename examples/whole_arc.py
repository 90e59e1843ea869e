"""The whole arc of one ask: the request, a reminder ten days later, and the thank-you.

Run: python examples/whole_arc.py
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import askcraft

HERE = Path(__file__).parent


def main() -> None:
    """Draft the request from a YAML intent, then its reminder and thank-you."""
    intent = askcraft.load_intent(HERE / "intents" / "request-job-leads.yaml")
    sent = date(2026, 11, 2)
    request = askcraft.draft(intent.model_copy(update={"send_date": sent}), grammar=False)
    reminder = request.reminder(sent_on=sent, send_date=date(2026, 11, 12))
    thanks = request.thank_you(
        help="introducing me to Priya Patel at Northbank",
        outcome="I have a first interview with her team next week",
        gift="some flowers",
        send_date=date(2026, 11, 20),
    )
    for message in (request, reminder, thanks):
        print(f"--- {message.kind} ({message.provenance.template}, variant {message.provenance.variant})")
        print(message.to_text())
        for finding in message.findings:
            print(f"    {finding.severity}: {finding.message} [{finding.rule}]")


if __name__ == "__main__":
    main()
