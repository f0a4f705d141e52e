"""Views for tests/core/test_pagecache.py: each takes part in the page cache, and some render
something that must never be stored."""

from django.contrib import messages
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import path
from django.views.decorators.cache import cache_control

from core.pagecache import cache_public

calls = {"count": 0}


@cache_public("page")
def plain(request):
    calls["count"] += 1
    return HttpResponse(f"<p>plain {calls['count']} page={request.GET.get('page', '')}</p>")


@cache_public()
def with_csrf_token(request):
    return HttpResponse(f'<form method="post"><input name="csrfmiddlewaretoken" value="{get_token(request)}"></form>')


@cache_public()
def with_message(request):
    messages.info(request, "Lagret")
    return HttpResponse("<p>with message</p>")


@cache_public()
def with_cookie(request):
    response = HttpResponse("<p>with cookie</p>")
    response.set_cookie("seen", "1")
    return response


@cache_public()
@cache_control(private=True)
def private(request):
    return HttpResponse("<p>private</p>")


@cache_public()
def not_found(request):
    return HttpResponse("<p>gone</p>", status=404)


@cache_public()
def big(request):
    calls["count"] += 1
    return HttpResponse("<p>" + "Forebygging av rus og kriminalitet. " * 40 + "</p>")


urlpatterns = [
    path("plain/", plain),
    path("big/", big),
    path("csrf/", with_csrf_token),
    path("message/", with_message),
    path("cookie/", with_cookie),
    path("private/", private),
    path("404/", not_found),
]
