"""The benchmark's baseline: a one-file Django "hello world" (no apps, no middleware, no database),
served by gunicorn with the same settings as the portal (`bench/throughput.py`).

    gunicorn --chdir bench hello_world:application
"""

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

settings.configure(
    DEBUG=False,
    SECRET_KEY="hello-world-benchmark-only",
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
    DATABASES={},
    USE_I18N=False,
)


def hello(request):
    return HttpResponse("Hello, world!")


urlpatterns = [path("", hello)]
application = get_wsgi_application()
