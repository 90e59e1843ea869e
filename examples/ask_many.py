"""Ask many people for a little: one small, personal request per contact in a CSV file.

Run: python examples/ask_many.py [contacts.csv] [out-folder]
Each draft is checked for tone; grammar is checked too when LanguageTool is available
(pass --no-grammar to skip it). Emails are written as .eml files, the rest as .txt.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import askcraft

HERE = Path(__file__).parent
REASON = "After six years teaching math, I want to put my numbers skills to work in finance."


def main(argv: list[str]) -> int:
    """Draft one request per contact and write each next to the others."""
    grammar = "--no-grammar" not in argv
    args = [a for a in argv if not a.startswith("--")]
    contacts = Path(args[0]) if args else HERE / "contacts.csv"
    out = Path(args[1]) if len(args) > 1 else Path("drafts")
    out.mkdir(parents=True, exist_ok=True)
    with contacts.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for line, row in enumerate(rows, start=2):
        try:
            intent = askcraft.Intent(
                kind="request",
                goal="job-leads",
                industry="banking",
                count=2,  # many people, a little each
                channel=row["channel"] or "email",
                recipient={
                    "name": row["name"],
                    "relationship": row["relationship"],
                    "email": row["email"] or None,
                },
                sender={
                    "name": "Alex Kim",
                    "email": "alex.kim@example.com",
                    "reason": REASON,
                },
            )
        except askcraft.IntentError as exc:
            print(f"{contacts}, row {line}: {exc}", file=sys.stderr)
            return 2
        draft = askcraft.draft(intent, grammar=grammar)
        stem = row["name"].lower().replace(" ", "-")
        if draft.channel == "email" and intent.recipient.email:
            (out / f"{stem}.eml").write_bytes(draft.to_eml())
        else:
            (out / f"{stem}.txt").write_text(draft.to_text(), encoding="utf-8")
        warnings = [f for f in draft.findings if f.severity in {"error", "warning"}]
        print(
            f"{row['name']:<16} {draft.channel:<18} {draft.provenance.variant:<8} {len(warnings)} warning(s)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
