"""Start the LanguageTool java process (and its idle watchdog) detached, print its pid.

Run by path (``python -I launch.py SPEC``) from ``askcraft._grammar.server``; this
short-lived parent exits at once, so the server outlives the caller and is never the
caller's zombie. Given a ``pid`` instead of a ``cmd``, it starts only the watchdog, for a
server askcraft found running without a record. Standard library only: it must not import
askcraft.
"""

from __future__ import annotations

import json
import subprocess
import sys


def main(argv: list[str]) -> int:
    """Launch the server described by the JSON spec in *argv* and print its pid."""
    spec = json.loads(argv[1])
    if "pid" in spec:
        pid = int(spec["pid"])
    else:
        with open(spec["log"], "ab") as log:  # noqa: PTH123  (a plain script, kept minimal)
            java = subprocess.Popen(  # noqa: S603  (the java command askcraft built)
                spec["cmd"],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                close_fds=True,
            )
        pid = java.pid
    if spec["idle_seconds"] > 0:
        watch = {
            "pid": pid,
            "record": spec["record"],
            "idle_seconds": spec["idle_seconds"],
            "files": spec.get("files", []),
        }
        subprocess.Popen(  # noqa: S603  (our interpreter and our watchdog script)
            [sys.executable, "-I", spec["watchdog"], json.dumps(watch)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            close_fds=True,
        )
    sys.stdout.write(f"{pid}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
