"""Request and form helpers shared by every app's views."""

from django.conf import settings


class InvalidFormStatusMixin:
    """Answer a form with errors with 400, so bad input is a 4xx everywhere."""

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


def form_status(form) -> int:
    """Status for a function view that re-renders a form: 400 when bound and invalid."""
    return 400 if form is not None and form.is_bound and form.errors else 200


def post_data(request):
    """A function view's form data: request.POST on a POST, even an empty one (an unticked box
    sends nothing, and `request.POST or None` would leave the form unbound), else None."""
    return request.POST if request.method == "POST" else None


def post_files(request):
    return request.FILES if request.method == "POST" else None


def add_service_errors(form, exc) -> None:
    """Show a service's ValidationError on the form: next to its field when it names one."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def client_ip(request) -> str:
    """The client's address (rate limits, login lockout). Behind the trusted proxy REMOTE_ADDR is
    the proxy for everyone, so use the address the proxy appended last to X-Forwarded-For."""
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


class PeekPage:
    """One page of a list without a COUNT query: fetches `size + 1` rows to know whether there is
    a next page. For sections that show a bounded slice of a long list (the unit page)."""

    def __init__(self, queryset, number, *, size: int):
        try:
            self.number = max(int(number or 1), 1)
        except (TypeError, ValueError):
            self.number = 1
        start = (self.number - 1) * size
        rows = list(queryset[start : start + size + 1])
        self.object_list = rows[:size]
        self.has_next = len(rows) > size
        self.has_previous = self.number > 1
        self.next_page_number = self.number + 1
        self.previous_page_number = self.number - 1

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)

    def __bool__(self):
        return bool(self.object_list) or self.has_previous
