package org.entente.analytics.engine.briefing;

/** Told how far the writing is: {@code fraction} from 0 to 1, {@code step} a short sentence for people. */
@FunctionalInterface
public interface BriefingProgress {

    BriefingProgress NONE = (fraction, step) -> { };

    void progress(double fraction, String step);
}
