"""The domain: users, articles, the 编辑 → 审核 → 出品 review chain. No Qt, no SQL."""
