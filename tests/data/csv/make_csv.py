"""Make the CSV fixtures of this folder: a rendition workbook saved as CSV by LibreOffice Calc.

``samara-oc-roadmap-2019.csv`` is ``tests/data/renditions/samara-oc-roadmap-2019.xlsx`` saved
as Excel does in a Russian locale: fields separated by ``;`` (59), quoted with ``"`` (34), in
Windows-1251 (LibreOffice's character set 34). Run from the repository's root::

    python tests/data/csv/make_csv.py
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
RENDITIONS = HERE.parent / "renditions"
FILTER = "csv:Text - txt - csv (StarCalc):59,34,34"


def main() -> None:
    with tempfile.TemporaryDirectory() as profile, tempfile.TemporaryDirectory() as out:
        source = RENDITIONS / "samara-oc-roadmap-2019.xlsx"
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
             "--convert-to", FILTER, "--outdir", out, str(source)],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
        shutil.copyfile(Path(out) / f"{source.stem}.csv", HERE / f"{source.stem}.csv")


if __name__ == "__main__":
    main()
