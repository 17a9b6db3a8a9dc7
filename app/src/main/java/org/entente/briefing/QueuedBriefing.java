package org.entente.briefing;

/**
 * A briefing just asked for.
 *
 * @param ahead how many of the requester's own briefings are generated before it (0: it starts now)
 */
public record QueuedBriefing(Briefing briefing, int ahead) {

    public boolean waiting() {
        return ahead > 0;
    }
}
