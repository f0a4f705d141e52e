import threading

import pytest
from django.db import connection
from django.utils import timezone

from events import services
from events.models import Registration

from .factories import EventFactory, registration_data


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_registrations_never_overbook():
    """Open event, anonymous sign-ups: 50 at once hold exactly 10 seats (unexpired holds count as
    taken); 50 confirmations at once give 10 seats and a waiting list of 40."""
    event = EventFactory(capacity=10)

    def in_parallel(work):
        barrier = threading.Barrier(50)
        errors = []

        def run(i):
            try:
                barrier.wait(timeout=30)
                work(i)
            except Exception as exc:  # collected and asserted below
                errors.append(exc)
            finally:
                connection.close()

        threads = [threading.Thread(target=run, args=(i,)) for i in range(50)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        return errors

    errors = in_parallel(
        lambda i: services.registration_create(event=event, data=registration_data(email=f"person{i}@example.no"))
    )
    assert errors == []
    assert Registration.objects.filter(event=event, status="unconfirmed").count() == 50
    assert Registration.objects.filter(event=event).holding_seat(timezone.now()).count() == 10

    unconfirmed = list(Registration.objects.filter(event=event))
    errors = in_parallel(lambda i: services.registration_confirm(registration=unconfirmed[i]))
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
