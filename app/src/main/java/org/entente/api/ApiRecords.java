package org.entente.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.entente.label.standard.ConfidentialityLabel;

/** The JSON shapes of the partner API (v1). Ids are UUIDs; amounts are decimals; dates ISO-8601. */
public final class ApiRecords {

    private ApiRecords() {
    }

    /**
     * A record's machine-readable confidentiality label (ADatP-4774 elements, as the workbooks carry it): the
     * deployment's policy and classification, the Entente releasability behind the visible marking, and the
     * organizations it is released to (the category "Releasable To"). Built from the record's releasability together
     * with its workstream's, by the same rule as an export's label (org.entente.label.ExportLabels).
     */
    public record Label(String policyIdentifier, String policyUri, String classification, String releasability,
            List<String> releasableTo) {

        static Label of(ConfidentialityLabel label) {
            return new Label(label.policyIdentifier(), label.policyUri(), label.classification(), label.releasability(),
                    label.releasableTo());
        }
    }

    /** An organization, as the API names it. */
    public record Organization(UUID id, String alias, String name) {
    }

    public record Workstream(UUID id, String kind, String title, String description, String status,
            String releasability, List<UUID> relTo, String region, LocalDate startDate, LocalDate endDate,
            Organization lead, int version, OffsetDateTime updatedAt, Label label) {
    }

    public record Participant(Organization organization, String role, String status, OffsetDateTime invitedAt,
            OffsetDateTime respondedAt, OffsetDateTime updatedAt, Label label) {
    }

    public record Contribution(UUID id, UUID workstreamId, Organization contributor, String type, String description,
            String unit, BigDecimal pledgedAmount, BigDecimal deliveredAmount, BigDecimal pledgedEur,
            BigDecimal deliveredEur, LocalDate pledgedOn, LocalDate deliveredOn, String releasability,
            List<UUID> relTo, int version, OffsetDateTime updatedAt, Label label) {
    }

    public record Milestone(UUID id, UUID workstreamId, String title, Organization owner, LocalDate plannedDate,
            LocalDate actualDate, String status, int version, OffsetDateTime updatedAt, Label label) {
    }

    public record Indicator(UUID id, UUID workstreamId, UUID objectiveId, String definition, String unit,
            String direction, String disaggregation, BigDecimal baselineValue, LocalDate baselineDate,
            BigDecimal targetValue, LocalDate targetDate, String frequency, Organization responsible,
            String releasability, List<UUID> relTo, int version, OffsetDateTime updatedAt, Label label) {
    }

    public record Measurement(UUID id, UUID indicatorId, LocalDate periodStart, LocalDate periodEnd,
            Organization partner, BigDecimal value, String source, String note, Organization enteredBy,
            OffsetDateTime enteredAt, int version, OffsetDateTime updatedAt, Label label) {
    }

    /**
     * A contribution as a partner's system sends it (POST creates, PUT replaces what the contributor said of it; type
     * and unit never change on PUT, as in an import). Same rules as the Pledge dialog.
     */
    public record ContributionInput(String type, String description, String unit, BigDecimal pledgedAmount,
            BigDecimal deliveredAmount, LocalDate pledgedOn, LocalDate deliveredOn, String releasability,
            List<UUID> relTo) {
    }

    /** A measurement for a period; {@code partner} only for indicators measured per partner. */
    public record MeasurementInput(LocalDate periodStart, LocalDate periodEnd, UUID partner, BigDecimal value,
            String source, String note) {
    }
}
