"""Write the JSON Schemas of the top-level documents, and of the records of registry files in
JSON Lines (one record a line), into schemas/.

python scripts/generate_schemas.py          # rewrite schemas/*.schema.json
python scripts/generate_schemas.py --check  # fail if the committed files differ
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from dod_model import json_schema
from dod_model.codec import schema_names
from dod_model.registry import Certificate, Enrolment, Organisation, Programme

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "schemas"


# A line of a registry file in JSON Lines: one record, without a schema_version.
RECORDS = {
    "certificate-record": Certificate,
    "programme-record": Programme,
    "enrolment-record": Enrolment,
    "provider-record": Organisation,
}


def _text(schema: object) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def rendered() -> dict[Path, str]:
    files = {SCHEMAS / f"{name}.schema.json": _text(json_schema(name)) for name in schema_names()}
    for name, cls in RECORDS.items():
        files[SCHEMAS / f"{name}.schema.json"] = _text(json_schema(cls))
    return files


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
