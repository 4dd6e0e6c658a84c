"""gunicorn settings for Bond (read automatically from the project folder)."""

import multiprocessing
import os

bind = os.environ.get("BIND", "127.0.0.1:8000")
# Sync workers: each request is short and mostly waits on the database.
worker_class = "sync"
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
# Recycle workers now and then so that a slow leak can never grow without bound; not too
# often, as each worker's cache of rendered fragments starts empty again.
max_requests = 20000
max_requests_jitter = 2000
timeout = 30
# No access log by default: request lines carry client addresses and secret URL parts.
accesslog = None
errorlog = "-"
