package org.entente.disclosure;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.entente.analytics.engine.rollup.RollupTable;

/**
 * What a grantee organization's coordinators will see of the signed-in person's organization once it publishes to
 * them: its own rows of the burden-sharing and participation tables, with only the figures about it.
 *
 * @param snapshotTakenAt the snapshot the figures come from; null when there is none yet (then {@code tables} is empty)
 * @param tables          the tables, each cut to the organization's own rows and own figures; a table without an own
 *                        row is left out
 * @param notes           what the reader must know about these figures (the engine's notes, e.g. a capacity taken
 *                        from another year)
 */
public record PreviewFigures(UUID grantee, String granteeName, String ownName, Instant snapshotTakenAt,
        List<RollupTable> tables, List<String> notes) {

    public PreviewFigures {
        tables = List.copyOf(tables);
        notes = List.copyOf(notes);
    }
}
