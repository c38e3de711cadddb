-- Which categories of personal data analytics may process on a designation's cameras (comma-separated
-- PersonalData names; empty: none beyond the picture itself).
ALTER TABLE designation ADD COLUMN personal_data VARCHAR(200) NOT NULL DEFAULT '';
