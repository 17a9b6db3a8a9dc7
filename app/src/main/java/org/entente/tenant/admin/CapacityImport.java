package org.entente.tenant.admin;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.entente.platform.i18n.Text;

/**
 * What loading a capacity file will change, shown to the administrator before anything is stored: every line of the
 * file with the figure it replaces. Applying it stores all lines or none.
 *
 * @param fileName the file's name as uploaded, for the summary
 * @param changes  one per line of the file, in file order
 */
public record CapacityImport(String fileName, List<Change> changes) {

    /**
     * One organization and year.
     *
     * @param before the stored capacity it replaces; null when the year is new
     */
    public record Change(int line, UUID tenantId, String tenantName, int year, BigDecimal amount, String currency,
                         BigDecimal capacityEur, String source, TenantCapacity before) {

        public boolean isNew() {
            return before == null;
        }

        /** True when the file says what is stored already (same EUR figure and source): applying it changes nothing. */
        public boolean unchanged() {
            return before != null && before.capacityEur().compareTo(capacityEur) == 0 && before.source().equals(source);
        }
    }

    public CapacityImport {
        changes = List.copyOf(changes);
    }

    public long added() {
        return changes.stream().filter(Change::isNew).count();
    }

    public long replaced() {
        return changes.stream().filter(c -> !c.isNew() && !c.unchanged()).count();
    }

    public long unchanged() {
        return changes.stream().filter(Change::unchanged).count();
    }

    public long organizations() {
        return changes.stream().map(Change::tenantId).distinct().count();
    }

    /** "12 new, 3 replaced, 2 unchanged, for 5 organizations", to be written in the reader's language. */
    public Text summaryText() {
        return Text.of("admin.capacityFile.summary", added(), replaced(), unchanged(), organizations());
    }

    /** The summary in English. */
    public String summary() {
        return summaryText().toString();
    }
}
