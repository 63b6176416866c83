"""Celery tasks act as "taak <name>" and keep the request id of the request that enqueued them."""

import contextlib

from celery.signals import before_task_publish, task_postrun, task_prerun

from nal_oost.verzoek import VerzoekContext, herstel_context, huidige_context, nieuw_request_id, zet_context

_TOKENS = {}


@before_task_publish.connect(dispatch_uid="audit.taak_publiceren")
def _bij_publiceren(sender=None, headers=None, **kwargs):
    if headers is None:
        return
    context = huidige_context()
    headers.setdefault("nal_request_id", context.request_id)
    gebruiker = context.gebruiker
    headers.setdefault("nal_namens", gebruiker.get_username() if gebruiker else context.actor_naam)


@task_prerun.connect(dispatch_uid="audit.taak_start")
def _bij_start(task_id=None, task=None, **kwargs):
    request = getattr(task, "request", None)
    request_id = getattr(request, "nal_request_id", None) or task_id or nieuw_request_id()
    namens = getattr(request, "nal_namens", None)
    actor = f"taak {task.name}" + (f" (namens {namens})" if namens else "")
    _TOKENS[task_id] = zet_context(VerzoekContext(request_id=request_id, actor_naam=actor[:150]))


@task_postrun.connect(dispatch_uid="audit.taak_einde")
def _bij_einde(task_id=None, **kwargs):
    token = _TOKENS.pop(task_id, None)
    if token is not None:
        # A reset from another context (eager mode in a different thread) fails: the next task sets its own.
        with contextlib.suppress(ValueError):
            herstel_context(token)
