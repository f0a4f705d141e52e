"""What the two-process test (test_scale_out.py) drives the site with: a browser over real HTTP that
keeps its cookies across servers, the forms of a page, and an SMTP server that keeps what it receives."""

import email
import socketserver
import threading
from email import policy
from html.parser import HTMLParser
from http.cookies import SimpleCookie

import requests


class Browser:
    """One visitor: its cookies go with every request, to whichever app process it is sent.

    The production profile marks the session and CSRF cookies Secure (the site is HTTPS behind the
    proxy); this test speaks plain HTTP to gunicorn, so the cookies are kept here rather than in a
    cookie jar that would hold Secure cookies back."""

    def __init__(self, host: str = "slt.example.no"):
        self.host = host  # the public name, which the load balancer passes on to every app process
        self.cookies: dict[str, str] = {}

    def request(self, method: str, url: str, **kwargs) -> requests.Response:
        headers = {"Host": self.host, **kwargs.pop("headers", {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        response = requests.request(method, url, headers=headers, allow_redirects=False, timeout=30, **kwargs)
        for header in response.raw.headers.getlist("Set-Cookie"):
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return response

    def get(self, url: str, **kwargs) -> requests.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs) -> requests.Response:
        return self.request("POST", url, **kwargs)


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms: list[list[tuple[str, str]]] = []
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append([])
        elif not self.forms:
            return
        elif tag == "input" and attrs.get("name"):
            kind = attrs.get("type", "text")
            if kind in {"submit", "button", "image", "reset", "file"}:
                return
            if kind in {"checkbox", "radio"}:
                if "checked" in attrs:
                    self.forms[-1].append((attrs["name"], attrs.get("value") or "on"))
                return
            self.forms[-1].append((attrs["name"], attrs.get("value") or ""))
        elif tag == "select" and attrs.get("name"):
            self._select = {"name": attrs["name"], "multiple": "multiple" in attrs, "values": [], "selected": []}
        elif tag == "option" and self._select is not None:
            value = attrs.get("value", "")
            self._select["values"].append(value)
            if "selected" in attrs:
                self._select["selected"].append(value)
        elif tag == "textarea" and attrs.get("name"):
            self._textarea = [attrs["name"], ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "select" and self._select is not None:
            select, self._select = self._select, None
            chosen = select["selected"] or ([] if select["multiple"] else select["values"][:1])
            self.forms[-1].extend((select["name"], value) for value in chosen)
        elif tag == "textarea" and self._textarea is not None:
            name, text = self._textarea
            self._textarea = None
            self.forms[-1].append((name, text.removeprefix("\n")))


def form_data(html: str, having: str, **changes: str) -> list[tuple[str, str]]:
    """What a browser would submit from the page's form that has a field named `having`, with the
    fields in `changes` set to new values."""
    parser = _FormParser()
    parser.feed(html)
    forms = [fields for fields in parser.forms if any(name == having for name, _ in fields)]
    assert forms, f"no form with a field {having!r} on the page"
    fields = [(name, value) for name, value in forms[0] if name not in changes]
    return fields + list(changes.items())


class _SMTPHandler(socketserver.StreamRequestHandler):
    def reply(self, line: str) -> None:
        self.wfile.write(f"{line}\r\n".encode())

    def handle(self):
        self.reply("220 sink ESMTP")
        while line := self.rfile.readline():
            command = line.strip().upper()
            if command == b"DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                lines = []
                while (data := self.rfile.readline()) not in {b".\r\n", b""}:
                    lines.append(data[1:] if data.startswith(b"..") else data)
                self.server.received.append(email.message_from_bytes(b"".join(lines), policy=policy.default))
                self.reply("250 OK: queued")
            elif command == b"QUIT":
                self.reply("221 Bye")
                return
            else:  # EHLO/HELO, MAIL FROM, RCPT TO, RSET, NOOP
                self.reply("250 OK")


class SMTPSink:
    """A plain SMTP server on a free port that keeps every message it is sent (in `received`)."""

    def __init__(self):
        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _SMTPHandler)
        self.server.daemon_threads = True
        self.server.received = []
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def received(self) -> list[email.message.EmailMessage]:
        return self.server.received

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
