from django.apps import apps
from django.conf import settings
from django.urls import include, path, re_path
from django.views.static import serve

urlpatterns = [
    # django.conf.urls.static() is a no-op with DEBUG off; the store still needs its
    # "image not found" placeholder, so media is served explicitly.
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    # Oscar's layout has a language selector that posts to set_language.
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include(apps.get_app_config("oscar").urls[0])),
]
