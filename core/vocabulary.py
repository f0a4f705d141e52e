"""Rules of the domain that several apps share, defined once."""

# A directory entry (a unit or a coordinator) not verified for longer than this is stale: it
# shows a warning, lists under "not verified" and gets a reminder e-mail.
STALE_AFTER_DAYS = 365
