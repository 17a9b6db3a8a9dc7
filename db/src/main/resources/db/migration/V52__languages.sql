-- Issue #18: English and French. The language a person chose, and the language each briefing is written in.
--
-- Who may see or change it: member.language is a column of the member row, so it is under member's tenant policy
-- (a person's own organization only); the app changes only the signed-in person's own row (LanguagePreference).
-- Null: not chosen; the app then follows the sign-in's locale claim, else the browser.

ALTER TABLE member
    ADD COLUMN language text,
    ADD CONSTRAINT member_language_ck CHECK (language IN ('en', 'fr'));

COMMENT ON COLUMN member.language IS 'The language the person chose in the user menu (en, fr); null: not chosen.';

-- A briefing is written in the language of the person who asked; a subscription remembers the subscriber's language
-- when it was made, so its scheduled briefings come in that language.
ALTER TABLE briefing_subscription
    ADD COLUMN language text NOT NULL DEFAULT 'en',
    ADD CONSTRAINT briefing_subscription_language_ck CHECK (language IN ('en', 'fr'));

ALTER TABLE briefing
    ADD COLUMN language text NOT NULL DEFAULT 'en',
    ADD CONSTRAINT briefing_language_ck CHECK (language IN ('en', 'fr'));
