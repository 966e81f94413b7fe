-- The flash sale's ceiling (bench/flash-sale.sh): the checkout's stock UPDATE alone
-- (catalog/.../internal/StockKeeper.java), one unit of one hot listing per transaction, every client
-- on the same row. Each transaction waits for the row lock of the one before it, so tps here is the
-- rate at which that row's lock can change hands when nothing else is done while it is held.
UPDATE catalog.listings SET stock = stock - 1
WHERE id = :listing AND status = 'PUBLISHED' AND stock >= 1
RETURNING id, seller_id, version, title, price_idr;
