package org.entente.workstream;

/** List filters: any of them may be null. Text searches title and description; region matches exactly. */
public record WorkstreamQuery(String text, WorkstreamKind kind, WorkstreamStatus status, String region) {

    public WorkstreamQuery(String text, WorkstreamKind kind, WorkstreamStatus status) {
        this(text, kind, status, null);
    }

    /** Sortable columns of the workstream list. */
    public enum SortKey {
        TITLE, KIND, STATUS, START_DATE, END_DATE, UPDATED
    }

    public record Sort(SortKey key, boolean ascending) {
    }

    public static WorkstreamQuery all() {
        return new WorkstreamQuery(null, null, null);
    }
}
