"""Which API bases the client may talk to: the rule lives with the core's API protocol, so an
administrator's entry is refused when it is saved, not at the first push."""

from newsdesk.core.wechat_api import check_api_base

__all__ = ["check_api_base"]
