"""gunicorn settings for the web process (scripts/proces.sh web). Values from the environment."""

import os

import gunicorn.http.wsgi

# Only the reverse proxy (deploy/Caddyfile) talks to gunicorn: bind to loopback outside containers.
bind = os.environ.get("NAL_WEB_ADRES", "127.0.0.1:8000")
workers = int(os.environ.get("NAL_WEB_WORKERS", "3"))
timeout = int(os.environ.get("NAL_WEB_TIMEOUT", "60"))
graceful_timeout = 30
# Recycle workers now and then so a slow leak cannot grow without bound.
max_requests = 1000
max_requests_jitter = 100
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "INFO").lower()
# The client address and request id come from the proxy, which overwrites whatever the client sent.
access_log_format = '%({x-forwarded-for}i)s "%(r)s" %(s)s %(B)s %(M)sms rid=%({x-request-id}i)s'
# No control socket: it would land in the home folder, shared by every gunicorn of that user.
control_socket_disable = True
# Heartbeat files in memory: a container's overlay file system can stall them.
if os.path.isdir("/dev/shm"):  # noqa: S108 - gunicorn's own advice for containers
    worker_tmp_dir = "/dev/shm"  # noqa: S108

# gunicorn writes a Server header on every response. The proxy removes it; here it is also made
# anonymous for anyone who reaches gunicorn without the proxy.
gunicorn.http.wsgi.SERVER = "-"
