"""Count how many messages hold each word, for the order in which constructions are tried.

Run from the repository root:  python scripts/word_counts.py
Writes askcraft/_checks/rules/word_counts.json: for every token (as ``constructions.scan`` reads
it: lowercased, contractions split, marks included) that two messages or more hold, the number of
messages of the two evaluation sets already read (tests/data/tone_eval.yaml and
tone_eval_blind.yaml: people's messages, none of them in the training sets the speed benchmark
checks) that hold it. The unread blind sets are left out: nothing shipped is made from them.

The counts only decide which of a construction's required parts it is indexed by and which are
checked first (``rules/rarity.py``): every required part is checked all the same, so they change
how fast the checks run, never what they find.
"""

from __future__ import annotations

import collections
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from askcraft._checks.rules.constructions import token_set  # noqa: E402
from askcraft._yaml import safe_load  # noqa: E402

SETS = ("tone_eval.yaml", "tone_eval_blind.yaml")
OUT = ROOT / "askcraft" / "_checks" / "rules" / "word_counts.json"


def main() -> None:
    """Count the messages that hold each token and write them, most frequent first."""
    texts = [
        str(item["text"])
        for name in SETS
        for item in safe_load((ROOT / "tests" / "data" / name).read_text(encoding="utf-8"))["items"]
    ]
    counts: collections.Counter[str] = collections.Counter()
    for text in texts:
        counts.update(token_set(text))
    kept = {word: n for word, n in sorted(counts.items(), key=lambda item: (-item[1], item[0])) if n >= 2}
    body = {"sets": list(SETS), "messages": len(texts), "counts": kept}
    OUT.write_text(json.dumps(body, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(kept)} words of {len(counts)} in {len(texts)} messages -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
