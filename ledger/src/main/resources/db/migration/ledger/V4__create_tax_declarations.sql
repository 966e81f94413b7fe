-- PPh 22 under PMK 37/2025 (docs/ledger.md, "PPh 22"): what sellers declared, and the turnover
-- that decides when collection starts.

-- An individual seller's statement letter (surat pernyataan) for a year: its annual turnover is
-- at most Rp 500 million. One per seller and year; a correction is a new statement (latest wins).
CREATE TABLE tax_statements (
    id                      uuid        PRIMARY KEY,
    seller_id               uuid        NOT NULL,
    year                    integer     NOT NULL CHECK (year BETWEEN 2025 AND 9999),
    turnover_declared_idr   bigint      NOT NULL CHECK (turnover_declared_idr >= 0),
    submitted_at            timestamptz NOT NULL
);
CREATE INDEX tax_statements_by_seller ON tax_statements (seller_id, year, submitted_at DESC);

-- An exemption certificate (SKB) the seller holds: exempt from collection while valid.
CREATE TABLE tax_exemption_certificates (
    id                  uuid        PRIMARY KEY,
    seller_id           uuid        NOT NULL,
    certificate_number  text        NOT NULL CHECK (length(certificate_number) BETWEEN 1 AND 60),
    valid_from          date        NOT NULL,
    valid_until         date        NOT NULL CHECK (valid_until >= valid_from),
    submitted_at        timestamptz NOT NULL
);
CREATE INDEX tax_exemption_certificates_by_seller ON tax_exemption_certificates (seller_id, valid_until);

-- A seller's gross item amount of its completed seller orders in a year (Asia/Jakarta), kept
-- with each completion under the row's lock: completions of one seller take turns, so the
-- order that crosses Rp 500 million is exactly one.
CREATE TABLE seller_turnover (
    seller_id     uuid    NOT NULL,
    year          integer NOT NULL,
    gross_idr     bigint  NOT NULL CHECK (gross_idr >= 0),
    PRIMARY KEY (seller_id, year)
);

-- Every completion's tax decision, for the seller's statement and the monthly report.
CREATE TABLE withholdings (
    seller_order_id   uuid        PRIMARY KEY,
    transaction_id    uuid        NOT NULL REFERENCES transactions (id),
    seller_id         uuid        NOT NULL,
    invoice_number    text        NOT NULL,
    gross_idr         bigint      NOT NULL,
    withheld_idr      bigint      NOT NULL CHECK (withheld_idr >= 0),
    -- COLLECTED, or why not: STATEMENT (declared under the threshold), CERTIFICATE (an SKB).
    basis             text        NOT NULL CHECK (basis IN ('COLLECTED', 'STATEMENT', 'CERTIFICATE')),
    completed_at      timestamptz NOT NULL
);
CREATE INDEX withholdings_by_time ON withholdings (completed_at);
CREATE TRIGGER withholdings_insert_only BEFORE UPDATE OR DELETE ON withholdings
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
