from django.apps import AppConfig
from django.db.models.signals import post_migrate


class NalOostConfig(AppConfig):
    name = "nal_oost"
    verbose_name = "NAL Oost"

    def ready(self):
        from nal_oost.rollen import rollen_inrichten

        post_migrate.connect(rollen_inrichten, sender=self, dispatch_uid="nal_oost.rollen_inrichten")
