"""A Celery worker in its own process group, so a test can SIGKILL it (main process and pool child) mid-run.

Broker options make Redis hand unacknowledged messages of a dead worker to the next one after a few
seconds instead of the default hour; everything else is the project's own configuration.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nal_oost.settings.test")

import django  # noqa: E402

django.setup()

from nal_oost.celery import app  # noqa: E402

app.conf.broker_transport_options = {
    "visibility_timeout": int(os.environ.get("ZICHTBAARHEID_S", "8")),
    "unacked_restore_interval": 1,
    "unacked_restore_throttle": 1,
}
app.worker_main(
    [
        "worker",
        "--pool=prefork",
        f"--concurrency={os.environ.get('PROCESSEN', '1')}",
        "--loglevel=WARNING",
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
        f"--hostname=factsheets-{os.getpid()}@%h",
    ]
)
