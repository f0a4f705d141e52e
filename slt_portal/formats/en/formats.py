"""English date and time formats: day before month and a 24-hour clock, as on the Norwegian pages.

Django's own `en` formats are American ("05/04/2027", "11:59 p.m."), which readers in Norway take for
5 April. These names win over Django's through FORMAT_MODULE_PATH.
"""

DATE_FORMAT = "j F Y"  # 4 May 2027
TIME_FORMAT = "H:i"  # 23:59
DATETIME_FORMAT = "j F Y H:i"  # 4 May 2027 23:59
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "j M Y"  # 4 May 2027
SHORT_DATETIME_FORMAT = "j M Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday

# Day first, never the American month/day order.
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y", "%d %b %Y", "%d %B %Y"]
DATETIME_INPUT_FORMATS = [
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%d/%m/%Y %H:%M",
]
TIME_INPUT_FORMATS = ["%H:%M:%S", "%H:%M"]
