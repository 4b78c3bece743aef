"""Vietnamese date strings to timezone-aware datetimes.

Papers print dates day-first and without a zone ("Thứ Tư, 08/04/2015, 08:11 [GMT+7]",
"17/06/2025 13:43", "08/01/2026 - 18:21"), or as ISO with a colon-less offset ("+0700").
A naive date means local time, so every result is localised to the source's zone (default
Asia/Ho_Chi_Minh) and converted to it, never left naive.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo

from dateutil import parser as dateutil_parser

DEFAULT_TZ = "Asia/Ho_Chi_Minh"
_MIN_YEAR, _MAX_YEAR = 1990, 2100

_GMT = re.compile(r"[\[(]?\s*(?:GMT|UTC)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?\s*[\])]?", re.I)
_WEEKDAY = re.compile(
    r"\b(?:th[ứu]\s*(?:hai|ba|t[ưu]|n[ăa]m|s[áa]u|b[ảa]y|[2-7])|ch[ủu]\s*nh[ậa]t|cn|t[2-7])\b\s*,?", re.I
)
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$")
_EPOCH = re.compile(r"^\d{9,10}(?:\.\d+)?$")
_DMY = re.compile(r"(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)")
_YMD = re.compile(r"(?<!\d)(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?!\d)")
_WORDS = re.compile(r"ng[àa]y\s*(\d{1,2})\s*th[áa]ng\s*(\d{1,2})\s*n[ăa]m\s*(\d{4})", re.I)
# .NET's en-US default ("1/28/2026 6:52:01 AM", seen in 1cdn/NEKO meta): month first, a 12-hour clock
_US = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)$", re.I)
_TIME = re.compile(r"(?<![\d/.-])(\d{1,2})\s*(?::|h|giờ)\s*(\d{2})(?:\s*:\s*(\d{2}))?(?!\d)", re.I)


@lru_cache(maxsize=8)
def _zone(tz: str) -> ZoneInfo:
    return ZoneInfo(tz)


def _finish(dt: datetime, tz: str) -> datetime | None:
    if not _MIN_YEAR <= dt.year <= _MAX_YEAR:
        return None
    zone = _zone(tz)
    if dt.tzinfo is None:
        return dt.replace(tzinfo=zone)
    return dt.astimezone(zone)


def _iso(text: str, tz: str) -> datetime | None:
    try:
        dt = datetime.fromisoformat(text)
    except ValueError:
        try:
            dt = dateutil_parser.isoparse(text)
        except (ValueError, OverflowError):
            return None
    return _finish(dt, tz)


def _with_formats(text: str, formats: Iterable[str], tz: str) -> datetime | None:
    for fmt in formats:
        try:
            return _finish(datetime.strptime(text, fmt), tz)
        except ValueError:
            continue
    return None


def parse_vn_datetime(text: str | None, tz: str = DEFAULT_TZ, formats: Iterable[str] = ()) -> datetime | None:
    """An aware datetime from a date as Vietnamese papers print it, or None when there is none.

    `formats` (strptime patterns from a layout) are tried first on the cleaned text; then ISO 8601,
    epoch seconds, day-first numeric dates with an optional time, and "ngày d tháng m năm y".
    """
    if not text:
        return None
    text = " ".join(str(text).split())
    if not text or len(text) > 300:
        return None
    if _ISO.match(text):
        return _iso(text, tz)
    if _EPOCH.match(text):
        try:
            return _finish(datetime.fromtimestamp(float(text), tz=UTC), tz)
        except (OverflowError, OSError, ValueError):
            return None
    us = _US.match(text)
    if us:
        month, day, year, hour, minute = (int(g) for g in us.groups()[:5])
        hour = hour % 12 + (12 if us.group(7).upper() == "PM" else 0)
        try:
            return _finish(datetime(year, month, day, hour, minute, int(us.group(6) or 0)), tz)
        except ValueError:
            return None
    offset = None
    gmt = _GMT.search(text)
    if gmt:
        sign = -1 if gmt.group(1) == "-" else 1
        hours, minutes = int(gmt.group(2)), int(gmt.group(3) or 0)
        if hours <= 14 and minutes < 60:
            offset = timezone(sign * timedelta(hours=hours, minutes=minutes))
        text = (text[: gmt.start()] + " " + text[gmt.end():]).strip()
    text = _WEEKDAY.sub(" ", text).strip(" ,-|")
    formats = list(formats)
    if formats:
        found = _with_formats(text, formats, tz)
        if found:
            return found
    date_match = _DMY.search(text) or _WORDS.search(text)
    if date_match:
        day, month, year = (int(g) for g in date_match.groups())
    else:
        ymd = _YMD.search(text)
        if not ymd:
            return None
        year, month, day = (int(g) for g in ymd.groups())
        date_match = ymd
    rest = text[: date_match.start()] + " " + text[date_match.end():]
    time_match = _TIME.search(rest)
    hour = minute = second = 0
    if time_match:
        hour, minute = int(time_match.group(1)), int(time_match.group(2))
        second = int(time_match.group(3) or 0)
    try:
        dt = datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None
    if offset is not None:
        dt = dt.replace(tzinfo=offset)
    return _finish(dt, tz)
