"""Write the JSON Schemas of the top-level documents into schemas/.

python scripts/generate_schemas.py          # rewrite schemas/*.schema.json
python scripts/generate_schemas.py --check  # fail if the committed files differ
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from dod_model import json_schema, schema_names

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "schemas"


def rendered() -> dict[Path, str]:
    return {
        SCHEMAS / f"{name}.schema.json": json.dumps(json_schema(name), ensure_ascii=False, indent=2)
        + "\n"
        for name in schema_names()
    }


def main() -> int:
    parser = argparse.ArgumentParser(description="Generate schemas/ from the model.")
    parser.add_argument("--check", action="store_true", help="fail if committed files differ")
    args = parser.parse_args()
    stale = []
    for path, text in rendered().items():
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(path)
        else:
            path.write_text(text, encoding="utf-8")
    for path in stale:
        print(f"{path.relative_to(ROOT)} is out of date: run scripts/generate_schemas.py")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
