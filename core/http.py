"""Request and form helpers shared by every app's views."""

import functools
import ipaddress

from django.conf import settings


class InvalidFormStatusMixin:
    """Answer a form with errors with 400, so bad input is a 4xx everywhere."""

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


def private_page(view):
    """A page about one person reached without logging in (a signed link): `Cache-Control: private,
    no-store`, so no shared cache or browser history keeps it."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.headers["Cache-Control"] = "private, no-store"
        return response

    return wrapped


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


@functools.lru_cache(maxsize=8)
def _networks(proxies: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(p, strict=False) for p in proxies)


def _ip(value: str):
    try:
        return ipaddress.ip_address(value.strip())
    except ValueError:
        return None


def _trusted(address, networks) -> bool:
    if address is None:
        return False
    if address.version == 6 and address.ipv4_mapped:
        address = address.ipv4_mapped
    return any(address in network for network in networks)


def client_ip(request) -> str:
    """The client's address, for the login lockout, rate limits and logs.

    X-Forwarded-For is read only when the request comes from a proxy listed in TRUSTED_PROXIES
    (addresses or CIDR ranges; empty by default, so a client talking to the app directly cannot
    choose its address). Behind trusted proxies the header is read from the right, skipping the
    trusted hops: the first address a trusted proxy added for an untrusted peer is the client.
    Anything left of it was written by the client and is ignored."""
    remote = request.META.get("REMOTE_ADDR", "")
    networks = _networks(tuple(getattr(settings, "TRUSTED_PROXIES", ())))
    if not networks or not _trusted(_ip(remote), networks):
        return remote
    client = remote
    for hop in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        address = _ip(hop)
        if address is None:
            break  # garbage from the client side: keep the last trusted hop
        client = str(address)
        if not _trusted(address, networks):
            break
    return client


def site_url(path: str = "") -> str:
    """An absolute URL on the public site: SITE_URL + path. E-mails, feeds, calendars and exports use
    this, never the request's Host header (which a client chooses; the task worker has no request)."""
    return settings.SITE_URL + path


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
