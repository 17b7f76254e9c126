"""Server-rendered pages (Jinja2, a little htmx): a thin adapter over the services."""

from bilateral.web.errors import HANDLERS
from bilateral.web.pages import ROUTERS
from bilateral.web.security import SecurityHeaders
from bilateral.web.templating import STATIC_DIR

__all__ = ["HANDLERS", "ROUTERS", "STATIC_DIR", "SecurityHeaders"]
