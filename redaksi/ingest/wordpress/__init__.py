"""WordPress (WXR) import: plan a file (what --dry-run shows), then run the plan in resumable batches."""

from .plan import Plan, WxrError, WxrOptions, plan_import
from .run import Report, run_import

__all__ = ["Plan", "Report", "WxrError", "WxrOptions", "plan_import", "run_import"]
