"""``python -m dod_model``: the same as the ``dod-model`` command."""

import sys

from dod_model.cli import main

if __name__ == "__main__":
    sys.exit(main())
