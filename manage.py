#!/usr/bin/env python
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "slt_portal.settings")
    # manage.py is the developer's tool: without DEBUG in the environment it uses the local profile.
    # Production sets DEBUG=0 (the Docker image does), and the WSGI entry point defaults to production.
    os.environ.setdefault("DEBUG", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
