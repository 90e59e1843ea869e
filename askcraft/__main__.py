"""``python -m askcraft``."""

import sys

from askcraft._cli import main

sys.exit(main())
