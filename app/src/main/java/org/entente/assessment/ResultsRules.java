package org.entente.assessment;

import static org.entente.db.jooq.Tables.MEMBER;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.entente.db.tenancy.Actor;
import org.entente.db.tenancy.ActorSource;
import org.entente.platform.validation.InvalidInput;
import org.entente.platform.validation.NotAllowed;
import org.entente.platform.validation.PlainText;
import org.entente.workstream.Participant;
import org.entente.workstream.Partner;
import org.entente.workstream.PartnerDirectory;
import org.entente.workstream.Releasability;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamRef;
import org.entente.workstream.WorkstreamService;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * What the results chain's services check alike before the database would refuse: who acts, whether it leads the
 * workstream, how wide something may be released, the text and number rules of the columns (V51), and the
 * SQLSTATEs V51 raises on purpose (EN070 wider than the workstream, EN071 not a contributor, EN072 a value that does
 * not fit, EN073 a period in the future), which can still reach a writer when something changed in between.
 */
@Component
class ResultsRules {

    static final String WIDER_THAN_WORKSTREAM = "EN070";
    static final String NOT_A_CONTRIBUTOR = "EN071";
    static final String VALUE_DOES_NOT_FIT = "EN072";
    static final String PERIOD_IN_FUTURE = "EN073";
    static final String UNIQUE_VIOLATION = "23505";

    /** numeric(18,4): fourteen digits before the point, four after. */
    private static final BigDecimal LIMIT = new BigDecimal("100000000000000");

    private final DSLContext dsl;
    private final ActorSource actors;
    private final PartnerDirectory partners;
    private final WorkstreamService workstreams;
    private final Clock clock = Clock.systemDefaultZone();

    ResultsRules(DSLContext dsl, ActorSource actors, PartnerDirectory partners, WorkstreamService workstreams) {
        this.dsl = dsl;
        this.actors = actors;
        this.partners = partners;
        this.workstreams = workstreams;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    Actor actor() {
        return actors.currentActor().orElseThrow(() -> new NotAllowed("results.error.signIn"));
    }

    java.util.Optional<Actor> actorIfAny() {
        return actors.currentActor();
    }

    boolean leads(WorkstreamRef ref) {
        return actors.currentActor().map(a -> a.tenantId().equals(ref.tenantId())).orElse(false);
    }

    /** The signed-in lead; else refused with the text of {@code refusalKey}. */
    Actor requireLead(WorkstreamRef ref, String refusalKey) {
        Actor actor = actor();
        if (!actor.tenantId().equals(ref.tenantId())) {
            throw new NotAllowed(refusalKey);
        }
        return actor;
    }

    /** The workstream as the lead sees it (the lead always does). */
    Workstream workstream(WorkstreamRef ref) {
        return workstreams.get(ref.id()).filter(w -> w.ref().equals(ref))
                .orElseThrow(() -> new NotAllowed("results.error.workstreamUnavailable"));
    }

    List<Participant> participants(WorkstreamRef ref) {
        return workstreams.participants(ref);
    }

    /** The lead and the accepted participants that are not observers: who may be responsible or own something. */
    Set<UUID> contributors(WorkstreamRef ref) {
        Set<UUID> ids = new HashSet<>();
        ids.add(ref.tenantId());
        participants(ref).stream()
                .filter(p -> p.status() == Participant.ParticipationStatus.ACCEPTED
                        && p.role() != Participant.ParticipantRole.OBSERVER)
                .forEach(p -> ids.add(p.partner().id()));
        return ids;
    }

    /** The lead and the accepted participants (observers too). */
    Set<UUID> accepted(WorkstreamRef ref) {
        Set<UUID> ids = new HashSet<>();
        ids.add(ref.tenantId());
        participants(ref).stream().filter(p -> p.status() == Participant.ParticipationStatus.ACCEPTED)
                .forEach(p -> ids.add(p.partner().id()));
        return ids;
    }

    /** Organizations an item may be released to by name: participants that were invited or accepted. */
    private Set<UUID> releasableTo(WorkstreamRef ref) {
        Set<UUID> ids = new HashSet<>();
        participants(ref).stream()
                .filter(p -> p.status() == Participant.ParticipationStatus.ACCEPTED
                        || p.status() == Participant.ParticipationStatus.INVITED)
                .forEach(p -> ids.add(p.partner().id()));
        return ids;
    }

    /** The named organizations without the lead itself (the lead always sees its own rows). */
    static List<UUID> relTo(WorkstreamRef ref, Releasability releasability, List<UUID> relTo) {
        if (releasability != Releasability.REL_TO || relTo == null) {
            return List.of();
        }
        return relTo.stream().filter(id -> id != null && !id.equals(ref.tenantId())).distinct().toList();
    }

    /**
     * Releasability no wider than the workstream's (V51 check_result_release), REL_TO only to participants the
     * workstream is itself released to. {@code what} ("indicator", "assessment") picks the messages: French
     * agrees them with the noun's gender, so each noun has its own.
     */
    void checkReleasability(InvalidInput.Collector errors, Workstream workstream, Releasability releasability,
            List<UUID> relTo, String what) {
        String keys = "results.error." + what + ".";
        if (releasability == null) {
            errors.check(false, "releasability", keys + "releaseMissing");
            return;
        }
        errors.check(width(releasability) <= width(workstream.releasability()), "releasability",
                keys + "releaseWider", workstream.releasability().marking());
        if (releasability == Releasability.REL_TO) {
            List<UUID> named = relTo(workstream.ref(), releasability, relTo);
            errors.check(!named.isEmpty(), "releasability", "results.error.releaseToNobody");
            errors.check(releasableTo(workstream.ref()).containsAll(named), "releasability",
                    keys + "releaseToParticipants");
            if (workstream.releasability() == Releasability.REL_TO) {
                errors.check(workstream.relTo().containsAll(named), "releasability",
                        keys + "releaseToWorkstreamAudience");
            }
        }
    }

    private static int width(Releasability releasability) {
        return switch (releasability) {
            case PRIVATE -> 0;
            case REL_TO -> 1;
            case PARTICIPANTS -> 2;
            case ALL_PARTNERS -> 3;
        };
    }

    /**
     * Required free text: present, at most {@code max} characters once trimmed, storable. {@code missingKey} and
     * {@code tooLongKey} are the messages' keys (the second gets {@code max}).
     */
    static void requiredText(InvalidInput.Collector errors, String text, int max, String field, String missingKey,
            String tooLongKey) {
        errors.check(text != null && !text.isBlank(), field, missingKey);
        optionalText(errors, text, max, field, tooLongKey);
    }

    /** Optional free text: blank is none; else at most {@code max} characters once trimmed, storable. */
    static void optionalText(InvalidInput.Collector errors, String text, int max, String field, String tooLongKey) {
        errors.check(text == null || text.strip().length() <= max, field, tooLongKey, max)
                // PlainText.MESSAGE is English only: the same words, as a key of ours.
                .check(PlainText.storable(text), field, PlainText.MESSAGE);
    }

    static String stripped(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** A value numeric(18,4) stores exactly: under 10^14, at most four decimals. */
    static void checkNumber(InvalidInput.Collector errors, BigDecimal value, String field) {
        if (value == null) {
            return;
        }
        errors.check(value.abs().compareTo(LIMIT) < 0, field, "results.error.valueTooLarge")
                .check(value.stripTrailingZeros().scale() <= 4, field, "results.error.fourDecimals");
    }

    /** The key of what a unit admits, in words (IndicatorUnit.admits / V51 unit_admits). */
    static String admitsMessage(IndicatorUnit unit) {
        return switch (unit) {
            case NUMBER -> "results.error.admits.number";
            case EUR -> "results.error.admits.eur";
            case PERCENT -> "results.error.admits.percent";
            case YES_NO -> "results.error.admits.yesNo";
            case SCALE_1_5 -> "results.error.admits.scale";
        };
    }

    /** The signed-in member's name as recorded with a measurement (else the organization's name). */
    String memberName(Actor actor) {
        String name = actor.memberId() == null ? null : dsl.select(MEMBER.DISPLAY_NAME).from(MEMBER)
                .where(MEMBER.TENANT_ID.eq(actor.tenantId()), MEMBER.ID.eq(actor.memberId()))
                .fetchOne(MEMBER.DISPLAY_NAME);
        if (name == null || name.isBlank()) {
            name = partner(actor.tenantId()).name();
        }
        name = name.strip();
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    Partner partner(UUID id) {
        return id == null ? null : directory().getOrDefault(id, PartnerDirectory.unknown(id));
    }

    Map<UUID, Partner> directory() {
        return partners.byId();
    }

    String marking(Releasability releasability, List<UUID> relTo, UUID ownTenantId) {
        return partners.marking(releasability, relTo, ownTenantId);
    }

    static List<UUID> list(UUID[] ids) {
        return ids == null ? List.of() : List.copyOf(new ArrayList<>(List.of(ids)));
    }
}
