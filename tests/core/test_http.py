"""core.http: request helpers shared by every app's views."""

import pytest

from core.http import client_ip


@pytest.mark.parametrize(
    ("trusted", "remote", "forwarded", "expected"),
    [
        # No proxy configured (the default): the header is the client's own words and is ignored.
        ([], "203.0.113.9", "6.6.6.6", "203.0.113.9"),
        ([], "10.0.0.1", "6.6.6.6, 10.0.0.7", "10.0.0.1"),
        # From a trusted proxy: the right-most address that is not a trusted proxy.
        (["10.0.0.1"], "10.0.0.1", "6.6.6.6, 198.51.100.7", "198.51.100.7"),
        (["10.0.0.0/8"], "10.0.0.1", "6.6.6.6, 198.51.100.7, 10.0.0.7", "198.51.100.7"),
        (["10.0.0.0/8", "2001:db8::/32"], "2001:db8::1", "198.51.100.7, 10.1.2.3", "198.51.100.7"),
        # A request that does not come from the proxy is not believed, even with the header.
        (["10.0.0.1"], "203.0.113.9", "6.6.6.6", "203.0.113.9"),
        # Rotating the spoofed left part changes nothing.
        (["10.0.0.1"], "10.0.0.1", "1.2.3.4, 5.6.7.8, 198.51.100.7", "198.51.100.7"),
        # Nothing forwarded, or garbage where the proxy's entry should be: the proxy's address (shared).
        (["10.0.0.1"], "10.0.0.1", "", "10.0.0.1"),
        (["10.0.0.1"], "10.0.0.1", "not-an-ip", "10.0.0.1"),
        # IPv4-mapped IPv6 peer address of a trusted IPv4 proxy.
        (["10.0.0.1"], "::ffff:10.0.0.1", "198.51.100.7", "198.51.100.7"),
    ],
)
def test_client_ip_believes_forwarded_for_only_from_trusted_proxies(rf, settings, trusted, remote, forwarded, expected):
    settings.TRUSTED_PROXIES = trusted
    request = rf.get("/", HTTP_X_FORWARDED_FOR=forwarded, REMOTE_ADDR=remote)
    assert client_ip(request) == expected


def test_forwarded_for_is_ignored_by_default_even_with_the_proxy_ssl_header(rf, settings):
    """The old rule trusted X-Forwarded-For whenever SECURE_PROXY_SSL_HEADER was set (production)."""
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.TRUSTED_PROXIES = []
    request = rf.get("/", HTTP_X_FORWARDED_FOR="6.6.6.6", REMOTE_ADDR="203.0.113.9")
    assert client_ip(request) == "203.0.113.9"
