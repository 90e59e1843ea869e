"""Check a message you wrote yourself: the rules alone, then with the learned model (the default).

Run: python examples/check_tone.py [file] [--no-grammar]
Without a file it checks a reminder with a reproach in it. The learned reading of pressure
(pressure.pushy) is on by default; the option pressure.learned="off" leaves the rules alone
(docs/checks.md, "The learned model").
"""

from __future__ import annotations

import sys
from pathlib import Path

import askcraft

MESSAGE = (
    "Hi Dana,\n\n"
    "Following up on my note from two weeks ago about the analyst opening at your firm. "
    "Do what you can, but I'm really relying on this one. "
    "Do you know two people on the team I could talk to?\n\n"
    "Thanks,\nAlex\n"
)


def show(title: str, findings: list[askcraft.Finding], text: str) -> None:
    """Print each warning with the words it is about and the rewrite it offers."""
    print(title)
    for f in findings:
        if f.severity in ("error", "warning"):
            words = text[f.offset : f.offset + f.length].strip() if f.field == "body" else ""
            fix = f" -> {f.replacements[0]!r}" if f.replacements else ""
            print(f"  {f.rule}: {words!r}{fix}\n    {f.message}")


def main(argv: list[str]) -> int:
    grammar = "--no-grammar" not in argv
    files = [a for a in argv if not a.startswith("--")]
    text = Path(files[0]).read_text(encoding="utf-8") if files else MESSAGE
    rules = askcraft.check(text, kind="reminder", grammar=grammar, options={"pressure.learned": "off"})
    show("The rules alone (pressure.learned=off):", rules, text)
    learned = askcraft.check(text, kind="reminder", grammar=grammar)
    show("With the learned model (the default):", learned, text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
