package org.entente.activity;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.entente.workstream.Partner;

/** One line of a feed: who did what, when, in which workstream. */
public record ActivityEntry(UUID workstreamId, String workstreamTitle, Partner actor, String verb, String summary,
        OffsetDateTime at) {
}
