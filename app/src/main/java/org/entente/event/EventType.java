package org.entente.event;

/** What kind of event (V67 event_type_ck); shown by the key {@code enum.EventType.<CONSTANT>}. */
public enum EventType {
    EXERCISE, CONFERENCE, COURSE, MEETING, EVALUATION_VISIT, OTHER
}
