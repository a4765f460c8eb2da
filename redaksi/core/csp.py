"""The Content-Security-Policy: django-csp's middleware, the admin's own policy, and hashes of inline styles.

Reader pages allow no inline code at all; the one <style> element they carry (the brand colour, written by
`{% brand_style %}`) is allowed by its sha256 hash, not a nonce, because the edge serves one copy of a page
to every reader (docs/security.md).
"""

import base64
import hashlib

from csp.middleware import CSPMiddleware
from django.conf import settings


def allow_inline_style(request, css):
    """Allow one <style> element with exactly `css` in the response to `request`, by its hash (style-src)."""
    digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
    request.csp_style_hashes = [*getattr(request, "csp_style_hashes", []), f"'sha256-{digest}'"]


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp with the admin's own, looser policy (REDAKSI_ADMIN_CSP) under /admin/: Wagtail needs inline code.

    Reader pages add the hashes of the <style> elements they render (allow_inline_style) to style-src.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and request.path_info.startswith("/admin/"):
            parts.config = settings.REDAKSI_ADMIN_CSP
        hashes = getattr(request, "csp_style_hashes", None)
        if not report_only and hashes:
            parts.update = {**(parts.update or {}), "style-src": [*(parts.update or {}).get("style-src", []), *hashes]}
        return parts
