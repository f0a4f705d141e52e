import threading

import pytest
from django.db import connection

from events import services
from events.models import Registration

from .factories import EventFactory, registration_data


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_registrations_never_overbook():
    event = EventFactory(capacity=10)
    barrier = threading.Barrier(50)
    errors = []

    def sign_up(i):
        try:
            barrier.wait(timeout=30)
            services.registration_create(event=event, data=registration_data(email=f"person{i}@example.no"))
        except Exception as exc:  # collected and asserted below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=sign_up, args=(i,)) for i in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    assert Registration.objects.filter(event=event, status="confirmed").count() == 10
    waiting = list(Registration.objects.filter(event=event).waiting())
    assert len(waiting) == 40
    assert [r.waiting_position() for r in waiting] == list(range(1, 41))

    # Cancelling a confirmed seat promotes exactly the first in the queue.
    first_waiting = waiting[0]
    confirmed = Registration.objects.filter(event=event, status="confirmed").first()
    promoted = services.registration_cancel(registration=confirmed)
    assert [r.pk for r in promoted] == [first_waiting.pk]
    assert Registration.objects.filter(event=event, status="confirmed").count() == 10
    assert [r.waiting_position() for r in Registration.objects.filter(event=event).waiting()] == list(range(1, 40))
