-- Schema version 2 of the report names a lead check per kata; the other failing checks are kept by name
-- ("name [kind], ...") so the kata page can list them under the lead.
ALTER TABLE results ADD COLUMN also_failing TEXT;
