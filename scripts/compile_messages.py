"""Compile the message catalogues: src/dod_model/locale/*/LC_MESSAGES/*.po → .mo beside each.

The .po files are the source, edited by hand; the .mo files are what :mod:`gettext` reads, and
are committed as package data (the wheel ships them; no build step compiles them). The writer
follows GNU msgfmt's format (the logic of CPython's Tools/i18n/msgfmt.py): entries sorted by
their key, contexts joined to their msgid by EOT, plural forms by NUL, untranslated and fuzzy
entries left out. The output is the same bytes for the same .po.

    python scripts/compile_messages.py          # write the .mo files
    python scripts/compile_messages.py --check  # exit 1 if a committed .mo is stale
"""

from __future__ import annotations

import argparse
import ast
import struct
import sys
from pathlib import Path

LOCALE = Path(__file__).resolve().parent.parent / "src" / "dod_model" / "locale"

Catalog = dict[bytes, bytes]


class PoError(ValueError):
    """A .po file that does not read; the message names the file and line."""


def _string(text: str, where: str) -> str:
    text = text.strip()
    if not (len(text) >= 2 and text[0] == text[-1] == '"'):
        msg = f"{where}: a quoted string was expected, found {text!r}"
        raise PoError(msg)
    try:
        value = ast.literal_eval(text)
    except (SyntaxError, ValueError) as exc:
        msg = f"{where}: {text!r} is not a C string ({exc})"
        raise PoError(msg) from None
    if not isinstance(value, str):
        msg = f"{where}: {text!r} is not a string"
        raise PoError(msg)
    return value


def read_po(path: Path) -> Catalog:
    """The catalogue of a .po file, keyed as a .mo holds it: ``ctxt\\x04msgid``, plurals NUL-joined.

    Raises:
        PoError: A line is not of the .po syntax, or an entry is given twice.
    """
    catalog: Catalog = {}
    entry: dict[str, list[str]] = {}
    fuzzy = False
    field: str | None = None

    def finish() -> None:
        nonlocal entry, fuzzy
        if "msgid" in entry:
            _add(catalog, entry, fuzzy, path)
        entry, fuzzy = {}, False

    lines = path.read_text(encoding="utf-8").splitlines()
    for number, raw in enumerate(lines, start=1):
        where = f"{path.name}:{number}"
        line = raw.strip()
        if line.startswith("#,") and "fuzzy" in line:
            finish()
            fuzzy = True
            continue
        if not line or line.startswith("#"):
            continue
        if line.startswith('"'):
            if field is None:
                msg = f"{where}: a continued string outside an entry"
                raise PoError(msg)
            entry[field][-1] += _string(line, where)
            continue
        keyword, _, rest = line.partition(" ")
        if keyword in ("msgctxt", "msgid") and ("msgstr" in entry or "msgstr[0]" in entry):
            finish()
        if keyword not in ("msgctxt", "msgid", "msgid_plural", "msgstr") and not (
            keyword.startswith("msgstr[") and keyword.endswith("]")
        ):
            msg = f"{where}: {keyword!r} is no .po keyword"
            raise PoError(msg)
        field = keyword
        entry.setdefault(keyword, []).append(_string(rest, where))
    finish()
    return catalog


def _add(catalog: Catalog, entry: dict[str, list[str]], fuzzy: bool, path: Path) -> None:
    msgid = entry["msgid"][0]
    key = msgid
    if "msgid_plural" in entry:
        key += "\0" + entry["msgid_plural"][0]
        forms = sorted(
            (int(k[len("msgstr[") : -1]), v[0]) for k, v in entry.items() if k.startswith("msgstr[")
        )
        value = "\0".join(text for _, text in forms)
        translated = bool(forms) and all(text for _, text in forms)
    else:
        value = entry.get("msgstr", [""])[0]
        translated = bool(value)
    if "msgctxt" in entry:
        key = entry["msgctxt"][0] + "\x04" + key
    if fuzzy and msgid:  # the header is kept even when marked fuzzy, as msgfmt does
        return
    if not translated:
        return
    encoded = key.encode("utf-8")
    if encoded in catalog:
        msg = f"{path.name}: the entry {key!r} is given twice"
        raise PoError(msg)
    catalog[encoded] = value.encode("utf-8")


def mo_bytes(catalog: Catalog) -> bytes:
    """The GNU .mo file of ``catalog``: little-endian, revision 0, no hash table."""
    keys = sorted(catalog)
    ids = b""
    strs = b""
    offsets: list[tuple[int, int, int, int]] = []
    for key in keys:
        value = catalog[key]
        offsets.append((len(ids), len(key), len(strs), len(value)))
        ids += key + b"\0"
        strs += value + b"\0"
    count = len(keys)
    key_start = 7 * 4 + count * 16
    value_start = key_start + len(ids)
    table: list[int] = []
    for id_offset, id_length, _, _ in offsets:
        table += [id_length, key_start + id_offset]
    for _, _, str_offset, str_length in offsets:
        table += [str_length, value_start + str_offset]
    header = struct.pack("Iiiiiii", 0x950412DE, 0, count, 7 * 4, 7 * 4 + count * 8, 0, 0)
    return header + struct.pack(f"{len(table)}i", *table) + ids + strs


def sources() -> list[Path]:
    """Every .po file of the package's catalogues."""
    return sorted(LOCALE.glob("*/LC_MESSAGES/*.po"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that the .mo are current")
    args = parser.parse_args()
    stale: list[Path] = []
    for po in sources():
        mo = po.with_suffix(".mo")
        data = mo_bytes(read_po(po))
        if mo.exists() and mo.read_bytes() == data:
            continue
        if args.check:
            stale.append(mo)
        else:
            mo.write_bytes(data)
            print(f"wrote {mo.relative_to(LOCALE.parent.parent.parent)}")
    if stale:
        names = ", ".join(str(p.relative_to(LOCALE.parent.parent.parent)) for p in stale)
        print(f"stale: {names}; run python scripts/compile_messages.py")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
