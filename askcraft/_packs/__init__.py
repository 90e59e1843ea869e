"""Packs: the manifest, a loaded pack and its sandbox, finding packs (discovery), zips, pack tone rules."""
