"""The legacy-format test files of ``tests/test_read_legacy.py``, made again::

    python tests/data/legacy/make_legacy.py

* ``ulyanovsk-sengiley-moc-plan-2021.rtf``: an RTF roadmap written by hand, as a small office
  tool writes one: Windows-1251 text in ``\\'xx`` escapes, a few characters as ``\\uN`` with
  their fallback, a header row repeated on every page (``\\trhdr``), section rows merged
  across the table (``\\clmgf``/``\\clmrg``), a responsible cell merged down
  (``\\clvmgf``/``\\clvmrg``), a cell of two paragraphs, and the signature after the table.
* ``amur-rmc-first-steps-plan.doc``: the bundled Word file as Word 97, with the paragraph mark
  a Word file always has after its last table, converted by LibreOffice (the renditions in
  ``tests/data/renditions`` end with a table, which LibreOffice's ``.doc`` filter cannot keep).

LibreOffice is found as ``tests/renditions.py`` finds it.
"""

from __future__ import annotations

import re
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from tests.renditions import DOCUMENTS, convert  # noqa: E402

# The RTF, written as RTF is written by hand; non-ASCII text is escaped as Windows-1251 bytes
# below, but for what is spelt out here as \uN (with a one-character fallback, \uc1).
RTF = r"""{\rtf1\ansi\ansicpg1251\deff0\uc1
{\fonttbl{\f0\froman\fcharset204 Times New Roman;}}
\paperw11906\paperh16838\margl1134\margr850\margt1134\margb1134
\pard\plain\qr\f0\fs24 Приложение № 2\par
\pard\qr к приказу управления образования от 15.01.2021 № 12\par
\pard\par
\pard\qc\b ДОРОЖНАЯ КАРТА\b0\par
\pard\qc по созданию муниципального опорного центра дополнительного образования детей в
 Сенгилеевском районе Ульяновской области на 2021 год\par
\pard\par
\trowd\trgaph108\trleft0\trhdr
\clbrdrt\brdrs\clbrdrl\brdrs\clbrdrb\brdrs\clbrdrr\brdrs\cellx900
\clbrdrt\brdrs\clbrdrl\brdrs\clbrdrb\brdrs\clbrdrr\brdrs\cellx5200
\clbrdrt\brdrs\clbrdrl\brdrs\clbrdrb\brdrs\clbrdrr\brdrs\cellx7200
\clbrdrt\brdrs\clbrdrl\brdrs\clbrdrb\brdrs\clbrdrr\brdrs\cellx9600
\pard\intbl\qc\b № п/п\b0\cell \pard\intbl\qc\b Наименование мероприятия\b0\cell
\pard\intbl\qc\b Срок исполнения\b0\cell \pard\intbl\qc\b Ответственный исполнитель\b0\cell
\row
\trowd\trgaph108\trleft0
\clmgf\clbrdrt\brdrs\clbrdrl\brdrs\clbrdrb\brdrs\cellx900
\clmrg\clbrdrt\brdrs\clbrdrb\brdrs\cellx5200
\clmrg\clbrdrt\brdrs\clbrdrb\brdrs\cellx7200
\clmrg\clbrdrt\brdrs\clbrdrb\brdrs\clbrdrr\brdrs\cellx9600
\pard\intbl\b 1. Организационные мероприятия\b0\cell \pard\intbl\cell \pard\intbl\cell
 \pard\intbl\cell
\row
\trowd\trgaph108\trleft0
\clbrdrt\brdrs\clbrdrl\brdrs\clbrdrb\brdrs\clbrdrr\brdrs\cellx900
\clbrdrt\brdrs\clbrdrl\brdrs\clbrdrb\brdrs\clbrdrr\brdrs\cellx5200
\clbrdrt\brdrs\clbrdrl\brdrs\clbrdrb\brdrs\clbrdrr\brdrs\cellx7200
\clvmgf\clbrdrt\brdrs\clbrdrl\brdrs\clbrdrb\brdrs\clbrdrr\brdrs\cellx9600
\pard\intbl 1.1.\cell \pard\intbl Создание муниципального опорного центра (далее \u8211-
 \u1052?\u1054?\u1062?)\cell
\pard\intbl Январь 2021 года\cell \pard\intbl Управление образования\par Отдел
 дополнительного образования\cell
\row
\trowd\trgaph108\trleft0
\clbrdrt\brdrs\clbrdrl\brdrs\clbrdrb\brdrs\clbrdrr\brdrs\cellx900
\clbrdrt\brdrs\clbrdrl\brdrs\clbrdrb\brdrs\clbrdrr\brdrs\cellx5200
\clbrdrt\brdrs\clbrdrl\brdrs\clbrdrb\brdrs\clbrdrr\brdrs\cellx7200
\clvmrg\clbrdrt\brdrs\clbrdrl\brdrs\clbrdrb\brdrs\clbrdrr\brdrs\cellx9600
\pard\intbl 1.2.\cell \pard\intbl Утверждение положения о МОЦ и плана его деятельности на
 \u171\'ab\u1091?\u1095?\u1077?\u1073?\u1085?\u1099?\u1081?\u187\'bb год\cell
\pard\intbl До 1 марта 2021 года\cell \pard\intbl\cell
\row
\trowd\trgaph108\trleft0
\clmgf\clbrdrt\brdrs\clbrdrl\brdrs\clbrdrb\brdrs\cellx900
\clmrg\clbrdrt\brdrs\clbrdrb\brdrs\cellx5200
\clmrg\clbrdrt\brdrs\clbrdrb\brdrs\cellx7200
\clmrg\clbrdrt\brdrs\clbrdrb\brdrs\clbrdrr\brdrs\cellx9600
\pard\intbl\b 2. Информационное сопровождение\b0\cell \pard\intbl\cell \pard\intbl\cell
 \pard\intbl\cell
\row
\trowd\trgaph108\trleft0
\clbrdrt\brdrs\clbrdrl\brdrs\clbrdrb\brdrs\clbrdrr\brdrs\cellx900
\clbrdrt\brdrs\clbrdrl\brdrs\clbrdrb\brdrs\clbrdrr\brdrs\cellx5200
\clbrdrt\brdrs\clbrdrl\brdrs\clbrdrb\brdrs\clbrdrr\brdrs\cellx7200
\clbrdrt\brdrs\clbrdrl\brdrs\clbrdrb\brdrs\clbrdrr\brdrs\cellx9600
\pard\intbl 2.1.\cell \pard\intbl Размещение информации о деятельности МОЦ на сайте
 управления образования\cell
\pard\intbl Ежеквартально\cell \pard\intbl МОЦ\cell
\row
\pard\par
\pard\tqr\tx9600 Начальник управления образования\tab И.О. Фамилия\par
}
"""


def _escaped(text: str) -> bytes:
    """The RTF as a 7-bit file: each non-ASCII character as its Windows-1251 byte, ``\\'xx``."""
    return re.sub(r"[^\x00-\x7f]", lambda m: "\\'" + m[0].encode("cp1251").hex(), text).encode(
        "ascii"
    )


def _with_paragraph_after_last_table(word: Path, target: Path) -> None:
    with zipfile.ZipFile(word) as source, zipfile.ZipFile(target, "w") as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b"</w:tbl><w:sectPr", b"</w:tbl><w:p/><w:sectPr")
            out.writestr(info, data)


def main() -> None:
    (HERE / "ulyanovsk-sengiley-moc-plan-2021.rtf").write_bytes(_escaped(RTF))
    with tempfile.TemporaryDirectory() as work:
        word = Path(work, "amur-rmc-first-steps-plan.docx")
        _with_paragraph_after_last_table(DOCUMENTS / word.name, word)
        convert(word, HERE / "amur-rmc-first-steps-plan.doc", "doc:MS Word 97")


if __name__ == "__main__":
    main()
