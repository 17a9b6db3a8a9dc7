package org.entente.briefing;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of Excel briefings ({@code entente.briefings.*}).
 *
 * @param workers       briefings written at the same time, across all users (each user's own run one after another)
 * @param scheduleCheck how often the schedule looks for subscriptions that are due
 * @param directory     where the workbooks are kept: {@code <directory>/<tenant id>/<briefing id>.xlsx}; unset:
 *                      {@code ${entente.data-dir}/briefings}
 */
@ConfigurationProperties("entente.briefings")
public record BriefingProperties(@DefaultValue("2") int workers, @DefaultValue("PT5M") Duration scheduleCheck,
        Path directory) {

    public BriefingProperties {
        if (workers < 1) {
            throw new IllegalArgumentException("entente.briefings.workers must be at least 1, not " + workers);
        }
    }
}
