"""Settings for Bond.

Everything a deployment changes comes from environment variables, read through
the small helpers below. The defaults are for development on a laptop: DEBUG
on, SQLite in the project folder, emails printed to the console. Production
sets DEBUG=false and must then also set SECRET_KEY.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)

SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. With DEBUG off Bond refuses to start without one: "
            'generate it with `python -c "import secrets; print(secrets.token_urlsafe(50))"` '
            "and put it in the SECRET_KEY environment variable."
        )
    # Development only: a fixed key so that sessions survive restarts.
    SECRET_KEY = "django-insecure-development-key-never-use-in-production"  # noqa: S105
elif not DEBUG and (len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5):
    raise ImproperlyConfigured(
        "SECRET_KEY is too weak: use at least 50 random characters "
        '(python -c "import secrets; print(secrets.token_urlsafe(50))").'
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# HTTPS is assumed whenever DEBUG is off. HTTPS=false serves plain HTTP (a benchmark on
# 127.0.0.1, say) and gives up the protections that only work over HTTPS.
HTTPS = env_bool("HTTPS", not DEBUG)
# Behind a proxy that terminates TLS and redirects by itself, set SECURE_SSL_REDIRECT=false.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", HTTPS)
if env_bool("BEHIND_TLS_PROXY", False):
    # Only when asked: trusting this header from a client that talks to us directly
    # would let it claim HTTPS.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 365 * 24 * 60 * 60 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
# Preloading is a promise to browsers that is slow to undo: the operator opts in, and
# until then Django's reminder about it (security.W021) is silenced.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
# htmx sends the token from the page (data-hx-headers), so no script needs to read the cookie.
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"
if HTTPS:
    # __Host- cookies are only accepted over HTTPS, for this exact host and path /.
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # For allauth.mfa's list of security keys ("last used 2 days ago").
    "django.contrib.humanize",
    "django_htmx",
    "template_partials",
    "csp",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # "Where you're signed in": each signed-in browser, and signing out the others.
    "allauth.usersessions",
    # Background tasks (Django's tasks API): the queue in the database by default.
    "django_tasks",
    "django_tasks_db",
    "accounts",
    "practices",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "bond.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "bond.middleware.PrivatePagesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    "accounts.middleware.UserTimeZoneMiddleware",
    "accounts.couples.CoupleMiddleware",
]

ROOT_URLCONF = "bond.urls"
WSGI_APPLICATION = "bond.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "practices.context_processors.waiting",
                "bond.context_processors.header_links",
                "accounts.context_processors.partner_name",
            ],
            # Built in from Django 6 on: {% partialdef %} needs no {% load %} now either.
            "builtins": ["template_partials.templatetags.partials"],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        # Persistent connections in production; health checks drop ones the server closed.
        conn_max_age=env_int("CONN_MAX_AGE", 0 if DEBUG else 600),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Take the write lock when a transaction starts, so that two concurrent writers wait
    # for each other instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20}
    )
    # A file, not the in-memory default: tests of concurrent requests need real locking.
    # BOND_TEST_DB_FILE lets two test runs on one checkout keep out of each other's way.
    DATABASES["default"]["TEST"] = {"NAME": BASE_DIR / env("BOND_TEST_DB_FILE", "test-db.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "accounts.backends.AdminBackend",
    "accounts.backends.EmailBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"

# django-allauth: email is the login, and it must be verified before it works.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupForm"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
# Every email allauth sends goes through the background worker (accounts.delivery), with
# a subject prefix and a greeting and sign-off that name SITE_NAME (see below).
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"

# Two-step sign-in (allauth.mfa): an authenticator app (TOTP) with recovery codes for
# when the phone is lost, and passkeys or security keys (WebAuthn). A passkey also signs
# in on its own, without the password: allauth then requires user verification (a PIN or
# a fingerprint on the device), so it is two factors in one. The WebAuthn relying party
# is the host the browser asked for (request.get_host(), checked against ALLOWED_HOSTS),
# and the origin must be HTTPS or http://localhost.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_PASSKEY_LOGIN_ENABLED = True
# MFA_TOTP_ISSUER is set from SITE_NAME, below.

# A live session alone must not be enough to take the account over: adding or changing an
# email address (and so a password reset to it), changing two-step sign-in (allauth.mfa
# asks by itself), exporting the journal, leaving the couple and deleting the account all
# ask for the password (or a second factor) again unless it was entered in the last
# ACCOUNT_REAUTHENTICATION_TIMEOUT seconds.
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_REAUTHENTICATION_TIMEOUT = 5 * 60
# A notice to the account's address when its password is changed, set or reset, an
# address is changed or removed, or two-step sign-in is turned on or off (allauth's own
# short texts: what changed, from which IP and browser, never anything from the journal).
ACCOUNT_EMAIL_NOTIFICATIONS = True
# Sessions are listed from the moment of signing in through allauth. Tracking activity
# would add a write to every signed-in request just to show "last seen"; a password change
# still signs out every other session, listed or not (Django's session hash).
USERSESSIONS_TRACK_ACTIVITY = False

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# Seconds the worker waits on the mail server before it counts an attempt as failed.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
# The first retry of an email that could not be sent; each later one waits twice as long.
EMAIL_RETRY_SECONDS = env_int("EMAIL_RETRY_SECONDS", 60)
# Where links in emails point (reminders, unsubscribe), e.g. https://bond.example.org
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# What emails and account pages call the site, never its host: "[Bond] …", "— Bond".
SITE_NAME = env("SITE_NAME", "Bond")
# Before the subject of every email, ours and allauth's (accounts.adapter builds the same).
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{SITE_NAME}] "
# The name an authenticator app lists the account under (allauth's default is the host).
MFA_TOTP_ISSUER = SITE_NAME
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Bond <bond@localhost>")
# Web Push: the server's key pair (VAPID, RFC 8292), made once with
# `manage.py generate_vapid_keys`. Without it, push is off and settings says so.
VAPID_PUBLIC_KEY = env("VAPID_PUBLIC_KEY")
VAPID_PRIVATE_KEY = env("VAPID_PRIVATE_KEY")
# Who push services may contact about this server's notifications.
VAPID_SUBJECT = env("VAPID_SUBJECT", "mailto:" + DEFAULT_FROM_EMAIL.rpartition("<")[2].rstrip(">"))
# Where a browser's push address may point: the push services of Chrome, Firefox, Safari
# and Edge. Anything else would have the worker post to an address of someone's choosing.
PUSH_ENDPOINT_PATTERN = env(
    "PUSH_ENDPOINT_PATTERN",
    r"^https://([a-z0-9-]+\.)*(googleapis\.com|push\.services\.mozilla\.com|push\.apple\.com"
    r"|notify\.windows\.com)/",
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Files served at the site's root: the service worker, whose scope is where it is served.
WHITENOISE_ROOT = BASE_DIR / "static" / "root"


# Photos live in their own storage, never under static/ and never at a public URL: every
# one is served by practices.views.photos through the couple door. By default a folder
# (PHOTO_ROOT); PHOTO_STORAGE=s3 keeps them in S3-compatible object storage (MinIO, AWS,
# and the like) through django-storages, private, the view handing members a URL signed
# for PHOTO_URL_SECONDS.
def s3_photos_backend(
    *,
    bucket: str,
    url_seconds: int,
    endpoint_url: str = "",
    region: str = "",
    access_key: str = "",
    secret_key: str = "",
) -> dict:
    """A private bucket through django-storages; what is left empty, boto3 finds itself
    (AWS's endpoint, the AWS_* environment)."""
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": endpoint_url or None,
            "region_name": region or None,
            "access_key": access_key or None,
            "secret_key": secret_key or None,
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": url_seconds,
            "signature_version": "s3v4",
            "file_overwrite": False,
        },
    }


PHOTO_ROOT = Path(env("PHOTO_ROOT", str(BASE_DIR / "media" / "photos")))
PHOTO_STORAGE = env("PHOTO_STORAGE", "filesystem")
PHOTO_URL_SECONDS = env_int("PHOTO_URL_SECONDS", 300)
if PHOTO_STORAGE == "filesystem":
    PHOTOS_BACKEND = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        # No base_url: a photo has no address of its own.
        "OPTIONS": {"location": PHOTO_ROOT, "base_url": None},
    }
elif PHOTO_STORAGE == "s3":
    PHOTOS_BACKEND = s3_photos_backend(
        bucket=env("PHOTO_S3_BUCKET"),
        endpoint_url=env("PHOTO_S3_ENDPOINT_URL"),
        region=env("PHOTO_S3_REGION"),
        access_key=env("PHOTO_S3_ACCESS_KEY_ID"),
        secret_key=env("PHOTO_S3_SECRET_ACCESS_KEY"),
        url_seconds=PHOTO_URL_SECONDS,
    )
else:
    raise ImproperlyConfigured(f"PHOTO_STORAGE must be filesystem or s3, not {PHOTO_STORAGE!r}.")
# Where browsers fetch photos from: this site, or the object storage that signed URLs name
# (on AWS, with no endpoint set, the bucket's own host).
PHOTO_IMAGE_ORIGINS = []
if PHOTO_STORAGE == "s3":
    if not env("PHOTO_S3_BUCKET"):
        raise ImproperlyConfigured("PHOTO_STORAGE=s3 needs PHOTO_S3_BUCKET.")
    PHOTO_IMAGE_ORIGINS = [
        env("PHOTO_S3_PUBLIC_ORIGIN")
        or env("PHOTO_S3_ENDPOINT_URL")
        or f"https://{env('PHOTO_S3_BUCKET')}.s3.amazonaws.com"
    ]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    "photos": PHOTOS_BACKEND,
}
# What one couple may keep in photos (every size counted), and what one upload may be.
PHOTO_QUOTA_BYTES = env_int("PHOTO_QUOTA_BYTES", 2 * 1024**3)
PHOTO_MAX_UPLOAD_BYTES = env_int("PHOTO_MAX_UPLOAD_BYTES", 15 * 1024**2)
# A decompression bomb is a small file that would unpack into gigabytes: refused unread.
PHOTO_MAX_PIXELS = env_int("PHOTO_MAX_PIXELS", 50_000_000)
# With a front server that serves files itself: "X-Accel-Redirect" (nginx, the file's path
# under PHOTO_ACCEL_PREFIX, an internal location) or "X-Sendfile" (Apache, lighttpd: the
# absolute path). Empty: Django streams the file.
PHOTO_SEND_HEADER = env("PHOTO_SEND_HEADER", "")
PHOTO_ACCEL_PREFIX = env("PHOTO_ACCEL_PREFIX", "/protected-photos/")
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"

# A shared cache (Redis) makes rate limits hold across several app servers.
REDIS_URL = env("REDIS_URL")
# Without Redis, each worker process counts for itself and a limit of 10 becomes 10 per
# worker: with DEBUG off, accounts.checks refuses to start unless this says there is only one.
BOND_SINGLE_PROCESS = env_bool("BOND_SINGLE_PROCESS", False)
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# With Redis, sessions are read from it and written through to the database: one query
# less on every page, nothing lost when the cache is emptied, and pages that keep working
# while Redis is down (accounts.sessions). Not with the local-memory cache: each worker
# has its own, and a logout in one must end the session in all of them.
SESSION_ENGINE = "accounts.sessions" if REDIS_URL else "django.contrib.sessions.backends.db"
# Rendered page fragments, kept by each worker process for itself: their keys carry the
# couple's revision, read from the database, so nothing stale is served (practices.fragments).
CACHES["fragments"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "fragments",
    "OPTIONS": {"MAX_ENTRIES": env_int("FRAGMENT_CACHE_ENTRIES", 2000)},
}

# Background tasks: emails (and push notifications) are delivered by `manage.py worker`,
# which also runs the schedule (reminders, retries) every BOND_SCHEDULE_SECONDS. The queue
# is a table in the database (no other service); TASK_QUEUE=redis puts it in Redis (RQ),
# for many app servers and workers.
TASK_QUEUE = env("TASK_QUEUE", "database")
if TASK_QUEUE == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
elif TASK_QUEUE == "redis":
    if not REDIS_URL:
        raise ImproperlyConfigured("TASK_QUEUE=redis needs REDIS_URL.")
    INSTALLED_APPS.append("django_rq")
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    RQ_QUEUES = {"default": {"URL": REDIS_URL}}
else:
    raise ImproperlyConfigured(f"TASK_QUEUE must be database or redis, not {TASK_QUEUE!r}.")
BOND_SCHEDULE_SECONDS = env_int("BOND_SCHEDULE_SECONDS", 60)

# How many proxies in front of us append to X-Forwarded-For (for rate limits by IP).
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("ALLAUTH_TRUSTED_PROXY_COUNT", 0)

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        # blob: the preview of a photo chosen for upload, read from the device.
        "img-src": [SELF, "data:", "blob:", *PHOTO_IMAGE_ORIGINS],
        "connect-src": [SELF],  # htmx requests
        "manifest-src": [SELF],
        "form-action": [SELF],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "object-src": [NONE],
    }
}
# What the site never uses, denied to every page and whatever it might embed.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)

# One JSON object a line on stdout, for whatever collects the logs. Messages carry no
# personal data: see bond.logging for what is kept out.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "bond.logging.JsonFormatter"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json",
        }
    },
    "root": {"handlers": ["stdout"], "level": env("LOG_LEVEL", "INFO")},
}
