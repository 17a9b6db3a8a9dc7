package org.entente.api;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The partner API's limits ({@code entente.api.*}): the largest request body, and per API client so many requests per
 * period.
 */
@ConfigurationProperties("entente.api")
public record ApiProperties(@DefaultValue("64KB") DataSize maxBodySize, @DefaultValue RateLimit rateLimit) {

    public record RateLimit(@DefaultValue("20") int requests, @DefaultValue("1s") Duration period) {
    }
}
