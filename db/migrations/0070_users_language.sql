-- The language a user reads the server's messages in (their saved
-- preference); NULL: none saved, the browser's Accept-Language or the
-- company's default applies.
ALTER TABLE users ADD COLUMN language text CHECK (language IN ('ZH_CN', 'EN'));
