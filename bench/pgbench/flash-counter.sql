-- Alternative (bench/flash-sale.sh): a reservation counter. Each order draws a ticket from a
-- sequence (no row lock, nothing to wait for) and has a unit if its ticket is within the stock; the
-- listing's row is brought down to the sold count later, in one UPDATE per batch.
SELECT nextval('bench.flash_tickets') <= :units AS reserved;
