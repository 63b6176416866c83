from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import post_migrate


class NalOostConfig(AppConfig):
    name = "nal_oost"
    verbose_name = "NAL Oost"

    def ready(self):
        from django.apps import apps

        from nal_oost import bewaren
        from nal_oost.rollen import rollen_inrichten

        bewaren.verbinden()

        # post_migrate is only sent for apps with models (this one has none): hook onto the last
        # such app, so every app's permissions exist by then.
        laatste = [config for config in apps.get_app_configs() if config.models_module is not None][-1]
        post_migrate.connect(rollen_inrichten, sender=laatste, dispatch_uid="nal_oost.rollen_inrichten")


class BeheerAdminConfig(admin_apps.AdminConfig):
    """The Django admin with the site that asks `nal_oost.rechten.mag_beheren`."""

    default = False
    default_site = "nal_oost.admin.BeheerSite"
