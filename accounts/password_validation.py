"""Password validators whose messages are ours, where Django's are not translated into nb and nn.

Django 6.1 changed the minimum-length message's msgid ('%d' instead of '%(min_length)d'); its nb and nn
catalogues still have only the old one, so "This password is too short…" appeared in English on
bokmål and nynorsk pages. The wording here is bokmål, translated in accounts/locale.
"""

from django.contrib.auth import password_validation
from django.utils.translation import ngettext


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    def get_error_message(self):
        return ngettext(
            "Passordet er for kort. Det må ha minst %(min_length)d tegn.",
            "Passordet er for kort. Det må ha minst %(min_length)d tegn.",
            self.min_length,
        ) % {"min_length": self.min_length}

    def get_help_text(self):
        return ngettext(
            "Passordet må ha minst %(min_length)d tegn.",
            "Passordet må ha minst %(min_length)d tegn.",
            self.min_length,
        ) % {"min_length": self.min_length}
