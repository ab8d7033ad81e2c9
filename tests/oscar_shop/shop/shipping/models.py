# Oscar's own shipping models, unchanged; their migrations come from Oscar (MIGRATION_MODULES).
from oscar.apps.shipping.models import *  # noqa: F401,F403
