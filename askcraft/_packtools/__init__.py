"""Working on packs: lint, self-tests against expected output, install and remove, a new pack's scaffold."""
