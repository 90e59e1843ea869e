"""Ask many people for a little: one small, checked request per contact in a contacts file.

Run: python examples/ask_many.py [contacts-file] [out-folder] [--no-grammar]
The contacts file may be LinkedIn's Connections.csv, a Google or Outlook CSV export, a vCard
file, or a plain CSV or YAML file (see examples/campaign/). Emails are written as .eml files,
the rest as .txt, with a review sheet (review.md, review.csv) listing the drafts worst first.
This example keeps the ledger out of it (record=False); `askcraft campaign draft` records the
campaign so `askcraft due` can say who to remind a week later.
"""

from __future__ import annotations

import sys
from pathlib import Path

from askcraft import campaign

HERE = Path(__file__).parent / "campaign"


def main(argv: list[str]) -> int:
    """Draft one request per contact into the out folder and print what was asked of whom."""
    grammar = "--no-grammar" not in argv
    args = [a for a in argv if not a.startswith("--")]
    contacts = Path(args[0]) if args else HERE / "contacts.csv"
    out = Path(args[1]) if len(args) > 1 else Path("drafts")
    result = campaign.run_campaign(contacts, HERE / "ask.yaml", out=out, record=False, grammar=grammar)
    for entry in result.entries:
        warnings = entry.tally("error") + entry.tally("warning")
        print(f"{entry.name:<16} {entry.channel:<18} {entry.file:<20} {warnings} warning(s)")
    for problem in result.problems:
        print(f"row {problem.row}: {problem.message}", file=sys.stderr)
    print(result.summary)
    print(f"Review them worst first: {result.files['review']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
