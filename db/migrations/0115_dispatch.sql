-- Pick, pack, dispatch (issue 19). Bins are walked in their pick sequence
-- (the route through the warehouse; unsequenced bins last, by code).
ALTER TABLE locations ADD COLUMN pick_sequence integer;

-- A pick list (拣货单) gathers the pending shipments of one warehouse;
-- its lines say what to take from which bin. Confirming it ships them.
CREATE TABLE pick_lists (
    id           bigserial PRIMARY KEY,
    number       text NOT NULL CONSTRAINT pick_lists_number_key UNIQUE,
    warehouse_id bigint NOT NULL REFERENCES warehouses(id),
    status       text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CONFIRMED', 'CANCELLED')),
    created_by   bigint REFERENCES users(id),
    created_at   timestamptz NOT NULL DEFAULT now(),
    confirmed_at timestamptz
);
INSERT INTO numbering_rules (kind, table_name, prefix) VALUES ('PICK_LIST', 'pick_lists', 'JH-');
CREATE TRIGGER pick_lists_number BEFORE INSERT ON pick_lists FOR EACH ROW EXECUTE FUNCTION fill_document_number();

CREATE TABLE pick_list_shipments (
    pick_list_id bigint NOT NULL REFERENCES pick_lists(id),
    shipment_id  bigint NOT NULL REFERENCES shipments(id),
    PRIMARY KEY (pick_list_id, shipment_id)
);
CREATE INDEX pick_list_shipments_shipment ON pick_list_shipments (shipment_id);

-- One line per shipment line and bin. location_id NULL: stock not in any
-- bin (picked last). A batch-tracked product's line will carry its batch
-- (FEFO) once batches exist: a batch column is added here then.
CREATE TABLE pick_list_lines (
    id               bigserial PRIMARY KEY,
    pick_list_id     bigint NOT NULL REFERENCES pick_lists(id),
    seq              integer NOT NULL,
    shipment_id      bigint NOT NULL REFERENCES shipments(id),
    -- NULL once the shipment line is gone (nothing of it was picked and
    -- shipped: the shipment posting drops such lines).
    shipment_line_id bigint REFERENCES shipment_lines(id) ON DELETE SET NULL,
    product_id       bigint NOT NULL REFERENCES products(id),
    location_id      bigint REFERENCES locations(id),
    quantity         numeric(18,4) NOT NULL CHECK (quantity > 0),
    picked           numeric(18,4) NOT NULL DEFAULT 0 CHECK (picked >= 0),
    CONSTRAINT pick_list_lines_picked_within CHECK (picked <= quantity),
    CONSTRAINT pick_list_lines_seq_key UNIQUE (pick_list_id, seq)
);
CREATE INDEX pick_list_lines_shipment_line ON pick_list_lines (shipment_line_id);

-- Parcels a shipment is packed into.
CREATE TABLE shipment_parcels (
    id          bigserial PRIMARY KEY,
    shipment_id bigint NOT NULL REFERENCES shipments(id),
    parcel_no   integer NOT NULL,
    weight_kg   numeric(12,3) NOT NULL CHECK (weight_kg > 0),
    length_cm   numeric(10,1) NOT NULL CHECK (length_cm > 0),
    width_cm    numeric(10,1) NOT NULL CHECK (width_cm > 0),
    height_cm   numeric(10,1) NOT NULL CHECK (height_cm > 0),
    contents    text NOT NULL DEFAULT '' CHECK (char_length(contents) <= 500),
    CONSTRAINT shipment_parcels_no_key UNIQUE (shipment_id, parcel_no)
);

-- Dispatch and the carrier's delivery status; every status change is kept.
ALTER TABLE shipments
    ADD COLUMN dispatched_at   timestamptz,
    ADD COLUMN delivery_status text CHECK (delivery_status IN ('DISPATCHED', 'IN_TRANSIT', 'DELIVERED', 'FAILED'));
CREATE INDEX shipments_tracking_number ON shipments (tracking_number) WHERE tracking_number <> '';

CREATE TABLE shipment_tracking_events (
    id          bigserial PRIMARY KEY,
    shipment_id bigint NOT NULL REFERENCES shipments(id),
    status      text NOT NULL CHECK (status IN ('DISPATCHED', 'IN_TRANSIT', 'DELIVERED', 'FAILED')),
    at          timestamptz NOT NULL,
    note        text NOT NULL DEFAULT '' CHECK (char_length(note) <= 500),
    recorded_at timestamptz NOT NULL DEFAULT now(),
    recorded_by bigint REFERENCES users(id)
);
CREATE INDEX shipment_tracking_events_shipment ON shipment_tracking_events (shipment_id, at, id);
