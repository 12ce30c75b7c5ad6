"""Speed of reading HTML roadmaps, against a bare lxml walk of their tables in the same run.

    python benchmarks/read_html.py [--rows 1000] [--repeat 5]

Builds a roadmap page as LibreOffice's "Save as HTML" writes one (a ``<p>`` in each cell, its
lines broken by ``<br>``, a header in ``<thead>``): ROWS rows in all, municipal sections (a row
across the table each) of 15 activities, with multi-line deadlines that differ per
municipality and a responsible cell merged down each section (``rowspan``). Then times, best
of REPEAT:

* a bare lxml walk: ``lxml.html`` parses the page, and every ``<td>`` of every ``<tr>`` gives
  its ``text_content()``;
* ``dod_model.read`` (the whole job: importer, layout, text semantics), as called by default.

Printed as seconds and as the ratio, at a tenth of the size and at the full size.
The target is read ≤ 2.5× the bare walk.
"""

from __future__ import annotations

import argparse
import html
import io

import lxml.html
from _timing import best

import dod_model
from dod_model.plugins import get_plugin_manager

_HEAD = (
    '<!DOCTYPE html>\n<html>\n<head>\n\t<meta http-equiv="content-type" content="text/html; '
    'charset=utf-8"/>\n\t<title></title>\n\t<meta name="generator" content="LibreOffice 7.4.7.2 '
    '(Linux)"/>\n\t<style type="text/css">\n\t\tp { line-height: 115%; margin-bottom: 0.08in }'
    '\n\t</style>\n</head>\n<body lang="ru-RU" dir="ltr">\n'
)
_TD = '\t\t\t<td{extra} width="101" style="border: none; padding: 0in">'
_TD += '<p style="orphans: 0">\n'


def _td(text: str, extra: str = "") -> str:
    lines = "<br/>\n\t\t\t\t".join(html.escape(line) for line in text.split("\n"))
    return f"{_TD.format(extra=extra)}\t\t\t\t{lines}</p>\n\t\t\t</td>\n"


def build(rows: int) -> bytes:
    """A roadmap page of ``rows`` rows (sections of 15 activities) as LibreOffice writes one."""
    out = [_HEAD, "<p>ДОРОЖНАЯ КАРТА внедрения целевой модели на 2020-2024 годы</p>\n",
           '<table width="562" cellpadding="7">\n\t<thead>\n\t\t<tr>\n']  # fmt: skip
    out += [_td(h) for h in ("№ п/п", "Наименование мероприятия", "Сроки", "Результат",
                             "Ответственный исполнитель")]  # fmt: skip
    out.append("\t\t</tr>\n\t</thead>\n\t<tbody>\n")
    sections = max(rows // 16, 1)
    for s in range(1, sections + 1):
        out += ["\t\t<tr>\n", _td(f"{s}. Муниципалитет № {s}", ' colspan="5"'), "\t\t</tr>\n"]
        for a in range(1, 16):
            years = "\n".join(
                f"{(s + a) % 28 + 1:02d}.{(a % 12) + 1:02d}.{y}" for y in range(2020, 2025)
            )
            title = f"Мероприятие {a} муниципалитета {s}: проведение мониторинга и анализа"
            out += ["\t\t<tr valign=\"top\">\n", _td(f"{s}.{a}."), _td(title), _td(years),
                    _td("Аналитический отчет\nУправленческие решения")]  # fmt: skip
            if a == 1:
                out.append(_td(f"Управление образования МО {s}, МОЦ", ' rowspan="15"'))
            out.append("\t\t</tr>\n")
    out.append("\t</tbody>\n</table>\n<p>Начальник управления образования</p>\n</body>\n</html>\n")
    return "".join(out).encode("utf-8")


def bare_walk(data: bytes) -> int:
    """Parse the page and take the text of every cell: the least any reader must do."""
    root = lxml.html.document_fromstring(data)
    cells = 0
    for row in root.iter("tr"):
        for cell in row.iter("td", "th"):
            cell.text_content()
            cells += 1
    return cells


def _measure(rows: int, repeat: int) -> dict[str, float]:
    """Seconds, best of ``repeat``, of each reader on a roadmap page of ``rows`` rows."""
    plugins = get_plugin_manager(entry_points=False)
    data = build(rows)
    sections = max(rows // 16, 1)
    roadmap = dod_model.read(io.BytesIO(data), plugins=plugins, format="html")
    assert len(roadmap.activities) == sections * 15
    assert all(a.responsible for a in roadmap.activities)  # the rowspan reaches every row
    assert bare_walk(data) == sections * 62 + 5  # the responsible cell once a section
    return {
        "walk": best(lambda: bare_walk(data), repeat),
        "read": best(lambda: dod_model.read(io.BytesIO(data), plugins=plugins), repeat),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    sizes = (max(args.rows // 10, 16), args.rows)
    print(f"best of {args.repeat}, wall-clock seconds")
    print(f"{'rows':>7} {'bytes':>10} {'bare walk':>10} {'read':>8} {'read/walk':>10}")
    ratio = 0.0
    for rows in sizes:
        seconds = _measure(rows, args.repeat)
        walk, read = seconds["walk"], seconds["read"]
        ratio = read / walk
        print(f"{rows:>7} {len(build(rows)):>10,} {walk:10.4f} {read:8.4f} {ratio:9.2f}×")
    print(f"target read ≤ 2.5× bare walk: {'met' if ratio <= 2.5 else 'not met'} ({ratio:.2f}×)")


if __name__ == "__main__":
    main()
