"""Legal-act references and web addresses in result and title text."""

from __future__ import annotations

import datetime as dt
import re

from dod_model._base import MONTH_PATTERN, month_number, on_first_use
from dod_model.model._enums import LegalActKind
from dod_model.model._references import LegalActRef

__all__ = ["find_legal_acts", "find_urls"]

_KINDS: tuple[tuple[str, LegalActKind], ...] = (
    (r"приказ(?:а|ом|е|у|ы|ов|ами)?", LegalActKind.ORDER),
    (r"распоряжени(?:е|я|ем|ю|ями|й)", LegalActKind.DIRECTIVE),
    (r"постановлени(?:е|я|ем|ю|ями|й)", LegalActKind.RESOLUTION),
    (r"(?:федеральн[а-я]+ |областн[а-я]+ )?закон(?:а|ом|е|у|ы|ов)?", LegalActKind.LAW),
    (r"указ(?:а|ом|е|у|ы)?", LegalActKind.DECREE),
    (r"соглашени(?:е|я|ем|ю|ями|й)|договор(?:а|ом|е|у|ы|ов)?", LegalActKind.AGREEMENT),
    (r"письм(?:о|а|ом|у|е)", LegalActKind.LETTER),
    (r"положени(?:е|я|ем|ю)", LegalActKind.REGULATION),
)
_KIND = on_first_use(
    "|".join(f"(?P<k{i}>(?<![а-яё]){p}(?![а-яё]))" for i, (p, _) in enumerate(_KINDS)),
    re.IGNORECASE,
)
# Possessive where what follows cannot use what a run gives back: runs of underscores or spaces
# are not tried in every split («от ___… №», «от 01.01.2020», 2,000 spaces, «№»), nor the names
# of the months at each space of a run.
_NUMERIC_DATE = r"\d{1,2}\s*+\.\s*+\d{1,2}\s*+\.\s*+\d{4}"
_TEXT_DATE = rf"\d{{1,2}}\s++(?:{MONTH_PATTERN})\s++\d{{4}}"
_BLANK = r"_{2,}+|«?_++»?\s*+_*+"
_DATE = rf"(?P<date>{_NUMERIC_DATE}|{_TEXT_DATE}|{_BLANK})\s*+(?:г\.?|года)?"
_NUMBER = r"(?P<number>[0-9A-Za-zА-Яа-яЁё][0-9A-Za-zА-Яа-яЁё\-/.]*[0-9A-Za-zА-Яа-яЁё]|[0-9]|_{2,})"
# A Latin «N» or «No» opens a number only where a number's characters do not run on before
# it: otherwise each «n» of «nanana…» would begin a number to the end of the run.
_SIGN = r"(?:№|(?<![0-9A-Za-zА-Яа-яЁё\-/.])N|(?<![0-9A-Za-zА-Яа-яЁё\-/.])No)"
_LONE_SIGN = r"(?:№|(?<![0-9A-Za-zА-Яа-яЁё\-/.])N(?=\s*\d)|(?<![0-9A-Za-zА-Яа-яЁё\-/.])No)"
# «от <date> № <number>», «№ <number> от <date>»; or only one of them, after a kind of act.
_ANCHOR = on_first_use(
    rf"от\s++{_DATE}\s*+,?\s*+(?:№|N|No)\s*+{_NUMBER}"
    rf"|{_SIGN}\s*+{_NUMBER.replace('number', 'number2')}\s++от\s++"
    rf"{_DATE.replace('date', 'date2')}"
    rf"|(?P<alone>{_LONE_SIGN}\s*+{_NUMBER.replace('number', 'number3')}"
    rf"|от\s++(?P<date3>{_NUMERIC_DATE}|{_TEXT_DATE})\s*(?:г\.?|года)?)",
    re.IGNORECASE,
)
_TITLE = re.compile(r"\s*«(?P<title>[^«»]*(?:«[^«»]*»[^«»]*)*)»")
_GAP = re.compile(r"[\s,;и]*", re.IGNORECASE)
_REACH = 200  # how far before «от … №» the kind of act may stand


def _clean(text: str) -> str:
    return " ".join(text.split())


def _parse_date(text: str | None) -> dt.date | None:
    if text is None or "_" in text:
        return None
    digits = re.fullmatch(r"(\d{1,2})\s*\.\s*(\d{1,2})\s*\.\s*(\d{4})", text.strip())
    try:
        if digits:
            return dt.date(int(digits[3]), int(digits[2]), int(digits[1]))
        day, month_word, year = text.split()
        month = month_number(month_word)
        return None if month is None else dt.date(int(year), month, int(day))
    except ValueError:
        return None


def find_legal_acts(text: str) -> tuple[LegalActRef, ...]:
    """Every reference to a legal act with a date or number in ``text``, in order.

    «Распоряжения МОиН СО от 28.06.2019г № 592-р, от 22.07.2019г. № 637-р» gives two
    directives of «МОиН СО»; an act listed after another with only «, от … № …» takes its kind
    and issuer. Placeholders («от ______ №____») give an act without date and number.

    Args:
        text: Text as written.

    Returns:
        The references; each one's ``text`` is its words as written, spaces collapsed.
    """
    found: list[LegalActRef] = []
    previous_end = 0
    previous: LegalActRef | None = None
    for anchor in _ANCHOR().finditer(text):
        window_start = max(previous_end, anchor.start() - _REACH)
        kinds = list(_KIND().finditer(text, window_start, anchor.start()))
        kind: LegalActKind | None = None
        issuer: str | None = None
        start = anchor.start()
        if kinds:
            last = kinds[-1]
            start = last.start()
            kind = _KINDS[int(last.lastgroup[1:]) if last.lastgroup else 0][1]
            issuer = _clean(text[last.end() : anchor.start()]) or None
        elif previous is not None and _GAP.fullmatch(text, previous_end, anchor.start()):
            kind, issuer = previous.kind, previous.issuer
        if anchor["alone"] is not None and not kinds:
            continue  # a lone number or date is an act's only after the word «приказ» or the like
        date = anchor["date"] or anchor["date2"] or anchor["date3"]
        number = (anchor["number"] or anchor["number2"] or anchor["number3"] or "").rstrip(".")
        end = anchor.end()
        title = _TITLE.match(text, end)
        if title is not None:
            end = title.end()
        previous = LegalActRef(
            text=_clean(text[start:end]),
            kind=kind,
            issuer=issuer,
            date=_parse_date(date),
            number=None if not number or "_" in number else number,
            title=_clean(title["title"]) if title is not None else None,
        )
        found.append(previous)
        previous_end = end
    return tuple(found)


_URL = re.compile(r"(?:https?://|www\.)[^\s<>«»\"'()\[\]]+", re.IGNORECASE)


def find_urls(text: str) -> tuple[str, ...]:
    """Web addresses in ``text``, in order, without trailing punctuation."""
    return tuple(m[0].rstrip(".,;:!?") for m in _URL.finditer(text))
