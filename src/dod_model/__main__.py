"""``python -m dod_model``: the same as the ``dod-model`` command."""

import sys

from dod_model.cli import main

sys.exit(main())
