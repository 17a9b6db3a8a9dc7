package org.entente.event;

import static org.entente.db.jooq.Tables.EVENT;
import static org.entente.db.jooq.Tables.MILESTONE;
import static org.entente.db.jooq.Tables.WORKSTREAM;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.entente.workstream.WorkstreamKind;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the calendar shows: the events and milestones the signed-in organization may see in a period (row-level
 * security decides, as everywhere), with their workstream's title, kind and region for the filters, and the person's
 * own registrations marked.
 */
@Service
public class CalendarService {

    private final DSLContext dsl;
    private final EventService events;
    private final RegistrationService registrations;

    CalendarService(DSLContext dsl, EventService events, RegistrationService registrations) {
        this.dsl = dsl;
        this.events = events;
        this.registrations = registrations;
    }

    /** Entries overlapping [from, to) (days in {@code zone}), soonest first. */
    @Transactional(readOnly = true)
    public List<CalendarEntry> between(LocalDate from, LocalDate to, ZoneId zone) {
        events.actor();
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.atStartOfDay(zone).toInstant();
        Map<java.util.UUID, RegistrationStatus> mine = registrations.mine();
        List<CalendarEntry> entries = new ArrayList<>();
        dsl.select(EVENT.fields()).select(WORKSTREAM.TITLE, WORKSTREAM.KIND, WORKSTREAM.REGION).from(EVENT)
                .join(WORKSTREAM).on(WORKSTREAM.TENANT_ID.eq(EVENT.TENANT_ID), WORKSTREAM.ID.eq(EVENT.WORKSTREAM_ID))
                .where(EVENT.STARTS_AT.lt(OffsetDateTime.ofInstant(end, ZoneOffset.UTC)),
                        EVENT.ENDS_AT.ge(OffsetDateTime.ofInstant(start, ZoneOffset.UTC)))
                .fetch().forEach(r -> {
                    Event e = EventService.toEvent(r.into(EVENT));
                    entries.add(new CalendarEntry(CalendarEntry.Kind.EVENT, e.id(), e.title(), e.startsAt(), e.endsAt(),
                            e.zone(), null, e.workstream().id(), r.get(WORKSTREAM.TITLE),
                            WorkstreamKind.valueOf(r.get(WORKSTREAM.KIND)), r.get(WORKSTREAM.REGION),
                            e.status() == EventStatus.CANCELLED, e.type(), mine.get(e.id())));
                });
        dsl.select(MILESTONE.ID, MILESTONE.TITLE, MILESTONE.PLANNED_DATE, MILESTONE.STATUS, MILESTONE.WORKSTREAM_ID,
                        WORKSTREAM.TITLE, WORKSTREAM.KIND, WORKSTREAM.REGION)
                .from(MILESTONE)
                .join(WORKSTREAM).on(WORKSTREAM.TENANT_ID.eq(MILESTONE.TENANT_ID), WORKSTREAM.ID.eq(MILESTONE.WORKSTREAM_ID))
                .where(MILESTONE.PLANNED_DATE.ge(from), MILESTONE.PLANNED_DATE.lt(to))
                .fetch().forEach(r -> entries.add(new CalendarEntry(CalendarEntry.Kind.MILESTONE, r.value1(),
                        r.value2(), null, null, null, r.value3(), r.value5(), r.value6(),
                        WorkstreamKind.valueOf(r.value7()), r.value8(), "CANCELLED".equals(r.value4()), null, null)));
        entries.sort(Comparator.comparing((CalendarEntry c) -> c.firstDay(zone)).thenComparing(c -> c.start() == null
                ? Instant.MIN : c.start()).thenComparing(CalendarEntry::title));
        return entries;
    }
}
