"""``python -m nlu parse|train|evaluate``."""

import sys

from nlu.cli import main

sys.exit(main())
