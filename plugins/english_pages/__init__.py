"""English pages: the English home at /en/ and the language alternates (hreflang).

Decree 42/2022, Art. 7 asks for English pages on the organisation, its functions
and its officials' contacts. An English page (`Lang: en`) names its Vietnamese
counterpart by slug (`Translation: gioi-thieu`); the English page whose slug is
`ENGLISH_HOME_SLUG` ("home") is the English home at `en/`, the counterpart of
the Vietnamese home page. English dates: the Jinja filter `en_date`, and the
build day as `ENGLISH_BUILD_DATE`.
"""

from .alternates import language_alternates
from .dates import english_date
from .signals import register

REQUIRES: list[str] = []

__all__ = ["english_date", "language_alternates", "register"]
