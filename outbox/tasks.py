from django.tasks import task

from .services import outbox_send


@task()
def send_outbox_message(message_id: int) -> bool:
    return outbox_send(message_id=message_id)
