from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scrapers.dates import parse_vn_datetime

PLUS7 = timedelta(hours=7)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-06-17T13:43:02+0700", (2025, 6, 17, 13, 43, 2)),
        ("2025-06-17T13:43:02+07:00", (2025, 6, 17, 13, 43, 2)),
        ("2025-06-17T06:43:02Z", (2025, 6, 17, 13, 43, 2)),
        ("Thứ Hai, 30/12/2019, 15:20 [GMT+7]", (2019, 12, 30, 15, 20, 0)),
        ("Thứ Tư, 08/04/2015, 08:11 [GMT+7]", (2015, 4, 8, 8, 11, 0)),
        ("Chủ nhật, 05/01/2020 | 07:05", (2020, 1, 5, 7, 5, 0)),
        ("CN, 5/1/2020 07:05", (2020, 1, 5, 7, 5, 0)),
        ("17/06/2025 13:43", (2025, 6, 17, 13, 43, 0)),
        ("08/01/2026 - 18:21", (2026, 1, 8, 18, 21, 0)),
        ("Cập nhật lúc 15h30 ngày 02/09/2024", (2024, 9, 2, 15, 30, 0)),
        ("ngày 8 tháng 1 năm 2026", (2026, 1, 8, 0, 0, 0)),
        ("1750142582", (2025, 6, 17, 13, 43, 2)),
        ("Thứ 7, 12/10/2024 - 09:00 (GMT+7)", (2024, 10, 12, 9, 0, 0)),
    ],
)
def test_vietnamese_dates_are_aware_in_vietnam_time(text, expected):
    parsed = parse_vn_datetime(text)
    assert parsed is not None
    assert parsed.utcoffset() == PLUS7
    assert parsed.replace(tzinfo=None) == datetime(*expected)
    assert parsed.isoformat().endswith("+07:00")


@pytest.mark.parametrize("text", ["", None, "hôm nay", "31/02/2020 10:00", "99/99/9999", "12:30", "01/01/1850"])
def test_unparseable_or_impossible_dates_give_none(text):
    assert parse_vn_datetime(text) is None


def test_other_zone_and_layout_formats():
    parsed = parse_vn_datetime("2024-01-01 10:00", tz="Asia/Bangkok")
    assert parsed.utcoffset() == PLUS7
    assert parse_vn_datetime("20240105 0930", formats=["%Y%m%d %H%M"]).hour == 9


@given(st.text(max_size=80))
def test_never_raises_and_never_naive(text):
    parsed = parse_vn_datetime(text)
    assert parsed is None or parsed.tzinfo is not None


@pytest.mark.parametrize(("text", "expected"), [
    ("1/28/2026 6:52:01 AM", "2026-01-28T06:52:01+07:00"),  # .NET en-US meta of the 1cdn / NEKO family
    ("3/4/2026 7:15:30 PM", "2026-03-04T19:15:30+07:00"),  # month first: 4 March, not 3 April
    ("12/1/2026 12:05 AM", "2026-12-01T00:05:00+07:00"),
    ("Cập nhật lúc 05:37, Thứ Năm, 08/04/2021 (GMT+7)", "2021-04-08T05:37:00+07:00"),
    ("28/01/2026 - 06:52", "2026-01-28T06:52:00+07:00"),
    ("Thứ Tư, 08/04/2015, 08:11 [GMT+7]", "2015-04-08T08:11:00+07:00"),
])
def test_printed_and_us_style_dates(text, expected):
    assert parse_vn_datetime(text).isoformat() == expected
