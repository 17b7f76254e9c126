"""Server-rendered pages (Jinja2, a little htmx): a thin adapter over the services."""

from bilateral.web.errors import HANDLERS
from bilateral.web.routes import router
from bilateral.web.security import SecurityHeaders
from bilateral.web.templating import STATIC_DIR

__all__ = ["HANDLERS", "STATIC_DIR", "SecurityHeaders", "router"]
