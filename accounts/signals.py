from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver


@receiver(user_logged_in)
def remember_language(sender, request, user, **kwargs):
    # The login view reads this to send the user on in their preferred language.
    if request is not None and hasattr(request, "session"):
        request.session["preferred_language"] = user.preferred_language
