"""Initial text of the information pages, loaded by a data migration (see migrations/0002).

Written from the national SLT page as it stood in 2026 and well-known public facts. Statements
marked "[Sfk: ...]" are uncertain and must be checked by Sfk before launch; Sfk admins edit the
pages in the portal afterwards. The migration copies this text, so later edits here do not
change pages already in a database.
"""

from .pages import PAGES  # noqa: F401
