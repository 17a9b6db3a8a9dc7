package org.entente.briefing;

import java.util.UUID;

/** What open pages of the briefing's organization hear about it, on the generating thread. */
public sealed interface BriefingEvent {

    UUID briefingId();

    /** Asked for (by a person or the schedule); {@code ahead} of the requester's own briefings wait before it. */
    record Queued(UUID briefingId, UUID requestedBy, int ahead) implements BriefingEvent {
    }

    /** {@code fraction} from 0 to 1; {@code step} says what is being written. */
    record Progress(UUID briefingId, double fraction, String step) implements BriefingEvent {
    }

    /** READY (its file can be downloaded) or FAILED ({@code message} says why). */
    record Finished(UUID briefingId, BriefingStatus status, String message) implements BriefingEvent {
    }
}
