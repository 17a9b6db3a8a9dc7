-- Issue #18: an activity entry is read by every organization that may see it, each in its own language, which the
-- organization that acted does not know. So an entry keeps what it says as a translation key and its arguments, as
-- notifications do since V53, and the feed writes it in the reader's language when it shows it.
--
-- summary stays: the English rendering, written as before (for rows made before V54, for entries written without a
-- key, and for anybody reading the table directly). summary_key null: the row has only its English summary; the feed
-- then shows summary.
--
-- Arguments are tagged strings the app encodes and decodes (org.entente.platform.i18n.StoredText, shared with the
-- notifications): "s:" text as typed (a title, a file name), "n:" a number, "d:" an ISO date, "k:" another translation
-- key (an enum label, a word inside the sentence), "0:" null. Each is user content or a key, never markup.
--
-- Who may see them: exactly who sees the entry. The columns belong to the activity row, so the row's policies decide
-- (activity_select: can_see_item() with the entry's releasability and REL TO list; activity_insert: the acting tenant,
-- an accepted participant) with the row's grants (the runtime role may SELECT and INSERT, never UPDATE). The analytics
-- role keeps its column list (grant_analytics_read, V51), which names neither summary nor these columns: the snapshot
-- never copies what an entry says.

ALTER TABLE activity
    ADD COLUMN summary_key  text,
    ADD COLUMN summary_args text[] NOT NULL DEFAULT '{}',
    ADD CONSTRAINT activity_summary_key_ck
        CHECK (summary_key IS NULL
               OR (char_length(summary_key) <= 200 AND summary_key ~ '^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9_]+)+$')),
    ADD CONSTRAINT activity_summary_args_ck
        CHECK (cardinality(summary_args) <= 20 AND (summary_key IS NOT NULL OR cardinality(summary_args) = 0)
               AND char_length(array_to_string(summary_args, '')) <= 4000);

COMMENT ON COLUMN activity.summary IS 'What happened, in English (the rendering of summary_key when set). '
    'Seen by whoever may see the entry (activity_select).';
COMMENT ON COLUMN activity.summary_key IS 'The translation key of the summary; null: only the English summary is known. '
    'Seen by whoever may see the entry (activity_select), written only with it (activity_insert).';
COMMENT ON COLUMN activity.summary_args IS 'The key''s arguments, tagged: s: text, n: number, d: ISO date, k: key, 0: null. '
    'Seen by whoever may see the entry (activity_select), written only with it (activity_insert).';
