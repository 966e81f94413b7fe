-- A price range's lower bound over listings whose variants have several prices: those whose
-- lowest price is below the bound and whose highest reaches it (ListingSearch.lowerBounds). In
-- price order, with the highest price read from the index: at 1,000,000 listings this branch of
-- "parent category + price range" went from 693 ms (the whole price index below the bound) to
-- 4.5 ms (docs/performance.md). Only listings with several prices are in it (4.5 % of the bench's).
CREATE INDEX listings_published_spread ON listings (price_idr, max_price_idr)
    WHERE status = 'PUBLISHED' AND max_price_idr IS NOT NULL;
