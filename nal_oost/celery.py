"""The Celery application shared by web, worker and beat."""

import os
from pathlib import Path

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nal_oost.settings.dev")

app = Celery("nal_oost")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
app.autodiscover_tasks(["nal_oost"], related_name="taken")


@app.on_after_configure.connect
def _maak_wachtrijmappen(sender, **kwargs):
    # The file-system broker of the embedded default expects its folders to exist.
    opties = sender.conf.broker_transport_options or {}
    for sleutel in ("data_folder_in", "data_folder_out", "processed_folder"):
        if opties.get(sleutel):
            Path(opties[sleutel]).mkdir(parents=True, exist_ok=True)
    backend = sender.conf.result_backend or ""
    if backend.startswith("file://"):
        Path(backend.removeprefix("file://")).mkdir(parents=True, exist_ok=True)
