from .partner import Partner
from .review_task import RegionalReviewTask

__all__ = ["Partner", "RegionalReviewTask"]
