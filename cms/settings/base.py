"""Settings shared by every environment. Safe by default: DEBUG off, secrets from the environment."""

from pathlib import Path

import dj_database_url

from .env import cache_from_url, env, env_bool, env_list, search_backend

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = False
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "core",
    "home",
    "directory",
    "events",
    "search",
    "partners",
    "accounts",  # before allauth: its templates override allauth's
    "allauth",
    "allauth.account",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v3",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "core.middleware.SecurityHeadersMiddleware",
    "core.middleware.AdminLoginRateLimitMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"
AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",  # user name sign-in to the Wagtail admin (partner editors)
    "accounts.auth_backends.EmailBackend",  # SME sign-in by e-mail, only through allauth's rate-limited forms
]
WAGTAILIMAGES_IMAGE_MODEL = "core.CustomImage"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "core.context_processors.site_navigation",
            ],
        },
    },
]

# Database: DATABASE_URL, else the SQLite file at the repository root. Connections persist
# (the Czech hunspell dictionary loads once per PostgreSQL connection, DESIGN.md §3).
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env("CONN_MAX_AGE", 600)),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": cache_from_url(env("CACHE_URL", "locmem://glokal"))}
# Seconds an anonymous visitor's listing or search page is kept (core/visitor_cache.py); 0 = off.
VISITOR_CACHE_SECONDS = 0

# Background work (e-mails, search indexing) runs through Django tasks. The immediate backend keeps
# the search index current when a request returns; production sets TASK_BACKEND to a queued one.
TASKS = {
    "default": {
        "BACKEND": env("TASK_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"),
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: one list feeds Django, Wagtail and wagtail-localize. German is the default.
LANGUAGE_CODE = "de"
LANGUAGES = [("de", "Deutsch"), ("cs", "Čeština"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Our own strings, then completions of Wagtail's and wagtail-localize's Czech admin strings.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_admin"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_NAME = "glokal_language"
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# E-mail
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", 25))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Glokal <noreply@glokal.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# SME accounts (django-allauth, accounts app): e-mail sign-in, verified addresses only, no account enumeration.
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:dashboard"
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {"signup": "accounts.forms.signup.SignupForm"}
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Glokal] "
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
# Counted in the shared cache (CACHE_URL). "login_failed" per key is the lockout: five wrong passwords for an
# address lock it for 15 minutes; "login" answers 429 (templates/429.html) to one IP trying too often.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/15m/key",
    "signup": "20/h/ip",
    "reset_password": "20/m/ip,5/h/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reauthenticate": "10/h/user",
}

# Wagtail
WAGTAIL_SITE_NAME = "Glokal"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
SEARCH_REFRESH_ON_WRITE = env_bool("SEARCH_REFRESH_ON_WRITE", False)
WAGTAILSEARCH_BACKENDS = {
    "default": search_backend(
        env("SEARCH_BACKEND", "database"),
        env("SEARCH_URL"),
        env("SEARCH_INDEX_PREFIX", "glokal_"),
        refresh_on_write=SEARCH_REFRESH_ON_WRITE,
    )
}
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Security headers; production.py turns on what needs HTTPS.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"

# Content-Security-Policy for every public page: no inline scripts, nothing from third-party hosts.
# The Wagtail admin gets its own, looser policy (core.middleware), since it ships inline styles.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        # Map tiles: requested only after the visitor asks for the map (static/js/map.js).
        "img-src": ["'self'", "data:", "https://tile.openstreetmap.org"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
ADMIN_CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'"],
    "frame-ancestors": ["'self'"],
    "form-action": ["'self'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}
