package org.entente.event;

import java.util.List;

/** The lead's view of an event's feedback: how many answered, the mean rating, the count per rating 1-5, the texts. */
public record FeedbackSummary(int answers, double average, List<Integer> countByRating, List<String> comments) {
}
