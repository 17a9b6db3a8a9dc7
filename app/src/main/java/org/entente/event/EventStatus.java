package org.entente.event;

/** An event is planned until the lead cancels it; a cancelled event stays, so that calendars learn of it. */
public enum EventStatus {
    SCHEDULED, CANCELLED
}
