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
 *                      {@code ${entente.data-dir}/briefings}. With several app instances, storage they all share.
 * @param lease         how long an instance vouches for the briefings in its queue: one QUEUED or RUNNING whose lease
 *                      has passed (its instance died) is reported FAILED, and its unfinished file may be removed
 * @param leaseRenewal  how often an instance renews the leases of the briefings in its queue; well under
 *                      {@code lease}, so that a slow database round or two does not lose them
 */
@ConfigurationProperties("entente.briefings")
public record BriefingProperties(@DefaultValue("2") int workers, @DefaultValue("PT5M") Duration scheduleCheck,
        Path directory, @DefaultValue("PT2M") Duration lease, @DefaultValue("PT30S") Duration leaseRenewal) {

    public BriefingProperties {
        if (workers < 1) {
            throw new IllegalArgumentException("entente.briefings.workers must be at least 1, not " + workers);
        }
        if (lease == null || leaseRenewal == null || leaseRenewal.isNegative() || leaseRenewal.isZero()
                || leaseRenewal.compareTo(lease) >= 0) {
            throw new IllegalArgumentException("entente.briefings.lease-renewal (" + leaseRenewal
                    + ") must be positive and shorter than entente.briefings.lease (" + lease + ")");
        }
    }
}
