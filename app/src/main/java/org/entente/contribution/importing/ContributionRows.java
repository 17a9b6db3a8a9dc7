package org.entente.contribution.importing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import org.entente.contribution.ContributionDraft;
import org.entente.contribution.ContributionType;
import org.entente.platform.importing.ImportPlan;
import org.entente.platform.importing.RowReader;
import org.entente.platform.importing.Sheet;
import org.entente.platform.importing.SheetRows;
import org.entente.workstream.Partner;
import org.entente.workstream.Releasability;

/**
 * Turns the cells of one row into a contribution draft, or into the problems that stop it (the sheet's own form:
 * {@link RowReader}); the rules of a pledge itself are the service's, applied to the draft afterwards, so that an
 * import and the Pledge dialog refuse the same things.
 */
final class ContributionRows {

    private final SheetRows<ImportColumn> sheet;
    private final Function<String, java.util.Optional<Partner>> partners;

    /** The result for one row: a draft, or problems. */
    record Parsed(String reference, ContributionDraft draft, List<ImportPlan.Problem> problems) {
    }

    private ContributionRows(SheetRows<ImportColumn> sheet, Function<String, java.util.Optional<Partner>> partners) {
        this.sheet = sheet;
        this.partners = partners;
    }

    /** Every column of the template named once in the header, in any order (else the file is refused). */
    static ContributionRows forHeader(List<String> header, Function<String, java.util.Optional<Partner>> partners) {
        return new ContributionRows(SheetRows.forHeader(header, ImportColumn.class), partners);
    }

    Parsed parse(Sheet.Row row) {
        RowReader<ImportColumn> cells = sheet.row(row);
        String reference = cells.reference(ImportColumn.REFERENCE);
        ContributionType type = cells.choice(ImportColumn.TYPE, ContributionType.values(), null);
        String unit = cells.required(ImportColumn.UNIT).toUpperCase(Locale.ROOT);
        BigDecimal pledged = cells.number(ImportColumn.PLEDGED, true);
        BigDecimal delivered = cells.number(ImportColumn.DELIVERED, false);
        LocalDate pledgedOn = cells.date(ImportColumn.PLEDGED_ON, false);
        LocalDate deliveredOn = cells.date(ImportColumn.DELIVERED_ON, false);
        Releasability releasability = cells.choice(ImportColumn.RELEASABILITY, Releasability.values(),
                Releasability.PARTICIPANTS);
        List<UUID> relTo = new ArrayList<>();
        for (String name : cells.text(ImportColumn.REL_TO).split(";")) {
            if (name.isBlank()) {
                continue;
            }
            java.util.Optional<Partner> partner = partners.apply(name);
            if (partner.isEmpty()) {
                cells.problem(ImportColumn.REL_TO, "import.error.unknownPartner", name.strip());
            } else if (!relTo.contains(partner.get().id())) {
                relTo.add(partner.get().id());
            }
        }
        if (cells.hasProblems()) {
            return new Parsed(reference, null, cells.problems());
        }
        String description = cells.text(ImportColumn.DESCRIPTION);
        return new Parsed(reference, new ContributionDraft(type, description, unit, pledged,
                delivered == null ? BigDecimal.ZERO : delivered, pledgedOn, deliveredOn, releasability, relTo), List.of());
    }
}
