"""The verbs of the public API: ``draft`` an intent into a checked Draft, ``check`` text you wrote."""
