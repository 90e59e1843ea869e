#!/usr/bin/env bash
# A new user's path: clone this commit into a temporary folder, make a fresh virtual environment,
# and run the README's two commands exactly as written (taken from the README itself).
# Usage: bash scripts/fresh-clone-check.sh [--keep]     (--keep leaves the folder for a look)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/askcraft-fresh-XXXXXX")
[ "${1:-}" = "--keep" ] || trap 'rm -rf "$work"' EXIT
git clone -q "$repo" "$work/askcraft"
# The clone must sit beside ../shared like the real checkout (the tests read the politeness data there).
[ -d "$repo/../shared" ] && ln -s "$(cd "$repo/../shared" && pwd)" "$work/shared"
cd "$work/askcraft"
git checkout -q "$(git -C "$repo" rev-parse HEAD)"
python -m venv "$work/venv"
# shellcheck disable=SC1091
. "$work/venv/bin/activate"
mapfile -t cmds < <(python - <<'PY'
import re, pathlib
text = pathlib.Path("README.md").read_text(encoding="utf-8")
blocks = re.findall(r"```bash\n(.*?)```", text, re.S)
print(blocks[0].strip()); print(blocks[1].strip())
PY
)
echo "== README command 1: ${cmds[0]}"
bash -c "${cmds[0]}"
echo "== README command 2: ${cmds[1]}"
bash -c "${cmds[1]}"
echo "== both README commands passed in a fresh clone and a fresh venv ($work)"
