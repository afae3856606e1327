"""Entry point for ``python -m adlint``."""

import sys

from adlint.cli import main

sys.exit(main())
