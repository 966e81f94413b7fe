-- Discover ranks the posts of its window (DiscoverFormula.WINDOW_DAYS) at one moment: this index
-- finds them by their publication time.
CREATE INDEX posts_by_created_at ON posts (created_at);
